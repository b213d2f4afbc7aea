package dev.itsm.bpmn;

import dev.itsm.core.Actor;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Calls every public method of the engine's services with generated arguments: hostile values
 * (huge strings, control characters, injection strings, extreme dates, huge lists, {@code null}s)
 * mixed with the numbers of records that exist, so that calls also hit real records. Commands are
 * built through their canonical constructors, as a client would. Used by
 * {@link HostileInputFuzzTest} and {@link CrossTenantIsolationTest}.
 */
final class ApiFuzzer {

  static final String TEN_MB = "x".repeat(10 * 1024 * 1024);
  static final List<String> HOSTILE = List.of("", " ", "\t\n", TEN_MB, "y".repeat(4001),
      "z".repeat(100_001), "a\u0000b", "\u0007\u001b[31mred\u001b[0m\r\n", "\uD800",
      "\u202Eevil", "💥".repeat(60), "'; DROP TABLE itsm_incident; --", "' OR '1'='1",
      "INC0000001' --", "%", "_", "\\", "${1+1}", "#{7*7}", "${java.lang.Runtime.getRuntime()}",
      "T(java.lang.Runtime).getRuntime().exec('id')", "{{7*7}}", "<script>alert(1)</script>",
      "../../../etc/passwd", "UNKNOWN_ENUM", "P9", "null", "NaN", "-1", "2026-13-45",
      "P-1D", "PT9999999999999H", "laptop\u0000", "acme", "ACME-", "globex");
  private static final List<String> WORDS = List.of("network", "service-desk", "mia", "carol",
      "model", "16-inch", "vpn-gw-1");

  /** A method of a service. */
  record Target(Object service, Method method) {
    @Override
    public String toString() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName()
          + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
    }
  }

  private final Random random;
  private final Path dir;
  private final List<Actor> actors;
  private final List<String> known = new ArrayList<>();

  /**
   * @param seed the random seed
   * @param dir a scratch directory for generated files
   * @param actors the actors calls are made as
   */
  ApiFuzzer(long seed, Path dir, List<Actor> actors) {
    this.random = new Random(seed);
    this.dir = dir;
    this.actors = List.copyOf(actors);
  }

  /** @return the record numbers and ids calls pick from (add the seeded ones) */
  List<String> known() {
    return known;
  }

  /** @return the random source, for the test's own choices */
  Random random() {
    return random;
  }

  /** @return every public instance method of every service of the engine */
  static List<Target> targets(ItsmEngine engine) {
    List<Target> out = new ArrayList<>();
    for (Object service : List.of(engine.incidents(), engine.changes(), engine.problems(),
        engine.majorIncidents(), engine.requests(), engine.catalog(), engine.audit(),
        engine.serviceLevels(), engine.metrics())) {
      for (Class<?> api : service.getClass().getInterfaces()) {
        if (!api.getPackageName().startsWith("dev.itsm.core")) {
          continue;
        }
        for (Method m : api.getMethods()) {
          if (!Modifier.isStatic(m.getModifiers())) {
            out.add(new Target(service, m));
          }
        }
      }
    }
    return out;
  }

  /** @return a random target */
  Target pick(List<Target> targets) {
    return targets.get(random.nextInt(targets.size()));
  }

  /** @return generated arguments for the target's parameters */
  Object[] arguments(Target t) throws Exception {
    return arguments(t.method().getGenericParameterTypes(), 0);
  }

  /** Calls the method; a query it returns is narrowed by random criteria and run. */
  Object invoke(Target t, Object[] args) throws Throwable {
    try {
      Object result = t.method().invoke(t.service(), args);
      Class<?> type = t.method().getReturnType();
      if (result != null && type.isInterface() && type.getSimpleName().endsWith("Query")) {
        List<Method> methods = Arrays.stream(type.getMethods())
            .filter(q -> !Modifier.isStatic(q.getModifiers())).toList();
        List<Method> narrowing = methods.stream().filter(q -> q.getReturnType() == type).toList();
        List<Method> terminal = methods.stream().filter(q -> q.getReturnType() != type).toList();
        for (int k = random.nextInt(4); k > 0; k--) {
          Method q = narrowing.get(random.nextInt(narrowing.size()));
          result = q.invoke(result, arguments(q.getGenericParameterTypes(), 0));
        }
        Method end = terminal.get(random.nextInt(terminal.size()));
        return end.invoke(result, arguments(end.getGenericParameterTypes(), 0));
      }
      return result;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Remembers the number of a record a call returned, so later calls hit it too. */
  void remember(Object result, int atMost) {
    if (known.size() < atMost && result != null) {
      try {
        Object n = result.getClass().getMethod("number").invoke(result);
        if (n instanceof String s && !known.contains(s)) {
          known.add(s);
        }
      } catch (ReflectiveOperationException notARecord) {
        // lists, optionals, verifications: nothing to remember
      }
    }
  }

  static String describe(Object[] args) {
    return Arrays.stream(args).map(a -> {
      String s = String.valueOf(a);
      return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }).toList().toString();
  }

  // ---------------------------------------------------------------------------- generators

  private Object[] arguments(Type[] types, int depth) throws Exception {
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = value(types[i], depth);
    }
    return args;
  }

  private Object value(Type type, int depth) throws Exception {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
        : type instanceof Class<?> c ? c : Object.class;
    if (raw.isPrimitive()) {
      return primitive(raw);
    }
    if (random.nextInt(12) == 0 || depth > 4) {
      return null;
    }
    if (raw == String.class) {
      int pick = random.nextInt(10);
      return pick < 4 && !known.isEmpty() ? known.get(random.nextInt(known.size()))
          : pick < 5 ? pickFrom(WORDS)
          : pickFrom(HOSTILE);
    }
    if (raw == Actor.class) {
      if (random.nextInt(6) == 0) {
        try {
          return Actor.of(pickFrom(HOSTILE), pickFrom(HOSTILE));
        } catch (IllegalArgumentException refusedByConstructor) {
          return null;
        }
      }
      return pickFrom(actors);
    }
    if (raw == Integer.class || raw == Long.class || raw == Boolean.class
        || raw == Double.class) {
      return primitive(switch (raw.getSimpleName()) {
        case "Integer" -> int.class;
        case "Long" -> long.class;
        case "Boolean" -> boolean.class;
        default -> double.class;
      });
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    }
    if (raw == Instant.class) {
      return pickFrom(List.of(Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"),
          Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.MIN, Instant.MAX,
          EngineClock.now(), EngineClock.now().plusSeconds(random.nextInt(1_000_000)),
          EngineClock.now().minus(Duration.ofDays(random.nextInt(40_000)))));
    }
    if (raw == Duration.class) {
      return pickFrom(List.of(Duration.ZERO, Duration.ofMinutes(-5), Duration.ofMinutes(30),
          Duration.ofDays(3_650_000), Duration.ofSeconds(Long.MAX_VALUE), Duration.ofNanos(1)));
    }
    if (raw == LocalDate.class) {
      return pickFrom(List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(2026, 3, 2)));
    }
    if (raw == LocalTime.class) {
      return pickFrom(List.of(LocalTime.MIN, LocalTime.MAX, LocalTime.NOON));
    }
    if (raw == ZoneId.class) {
      return pickFrom(List.of(ZoneId.of("UTC"), ZoneId.of("Pacific/Kiritimati")));
    }
    if (raw == Path.class) {
      return path();
    }
    if (raw == Optional.class) {
      return Optional.ofNullable(value(argument(type, 0), depth + 1));
    }
    if (raw == List.class || raw == Collection.class || raw == Set.class) {
      Collection<Object> out = raw == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
      int size = pickFrom(List.of(0, 1, 2, 3, 5_000));
      Type element = argument(type, 0);
      Object first = value(element, depth + 1);
      if (size > 10 && first instanceof String text && text.length() > 100) {
        first = "k";
      }
      for (int k = 0; k < size; k++) {
        out.add(k == 0 || size > 10 ? first : value(element, depth + 1));
      }
      out.removeIf(java.util.Objects::isNull);
      return raw == Set.class ? Set.copyOf(out) : List.copyOf(out);
    }
    if (raw == Map.class) {
      Map<Object, Object> out = new LinkedHashMap<>();
      int size = pickFrom(List.of(0, 1, 2, 5_000));
      for (int k = 0; k < size; k++) {
        Object key = size > 10 ? "k" + k : value(argument(type, 0), depth + 1);
        Object v = value(argument(type, 1), depth + 1);
        if (key != null && v != null) {
          out.put(key, v);
        }
      }
      return new TreeMap<>(out).isEmpty() ? Map.of() : Map.copyOf(out);
    }
    if (raw.isArray()) {
      int size = random.nextInt(4);
      Object array = Array.newInstance(raw.getComponentType(), size);
      for (int k = 0; k < size; k++) {
        Object v = value(raw.getComponentType(), depth + 1);
        if (v != null || !raw.getComponentType().isPrimitive()) {
          Array.set(array, k, v);
        }
      }
      return array;
    }
    if (raw.isRecord()) {
      for (int attempt = 0; attempt < 6; attempt++) {
        RecordComponent[] parts = raw.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
          types[i] = parts[i].getType();
          values[i] = value(parts[i].getGenericType(), depth + 1);
        }
        try {
          return raw.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException refusedByConstructor) {
          // a client could not build this command either: try other values
        }
      }
      return null;
    }
    return null;
  }

  private Object primitive(Class<?> raw) {
    if (raw == boolean.class) {
      return random.nextBoolean();
    }
    long n = pickFrom(List.of(-1L, 0L, 1L, 2L, 3L, 7L, (long) Integer.MAX_VALUE,
        (long) Integer.MIN_VALUE, (long) random.nextInt(100)));
    if (raw == int.class) {
      return (int) n;
    }
    if (raw == long.class) {
      return random.nextBoolean() ? n : Long.MIN_VALUE;
    }
    if (raw == double.class) {
      return pickFrom(List.of((double) n, Double.NaN, Double.POSITIVE_INFINITY, -0.0));
    }
    return null;
  }

  private Path path() throws Exception {
    return switch (random.nextInt(5)) {
      case 0 -> dir.resolve("missing.json");
      case 1 -> dir;
      case 2 -> Files.writeString(dir.resolve("garbage.json"), "{[\"unterminated");
      case 3 -> Files.writeString(dir.resolve("unknown.json"), "[{\"id\":\"x\",\"kind\":"
          + "\"UNKNOWN_ENUM\",\"approval\":\"NOBODY\",\"fields\":[{\"type\":\"WHAT\"}]}]");
      default -> Files.writeString(dir.resolve("el.json"), "[{\"id\":\"${1+1}\",\"name\":"
          + "\"#{7*7}\",\"process\":\"${java.lang.Runtime.getRuntime().exec('id')}\"}]");
    };
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }

  <T> T pickFrom(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
