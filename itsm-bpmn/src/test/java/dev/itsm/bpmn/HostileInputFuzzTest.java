package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import dev.itsm.core.audit.AuditVerification;
import dev.itsm.core.change.Change;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.problem.CreateProblem;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.request.RequestFixture;
import dev.itsm.core.request.SubmitRequest;
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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives random and hostile values (huge strings, control characters, SQL and expression-language
 * injection strings, unknown enum names, nulls, dates far in the past and future, huge lists)
 * through every public method of the practice services, the catalog and the audit service, on a
 * real engine on H2. Every call must return a result or throw an {@link ItsmException}; a refused
 * call must leave every stored record, its timeline, its audit trail and the chain's
 * verification unchanged; at the end every process variable is a primitive, string or date.
 *
 * <p>Reproducible: the seed is printed (a fixed default, so the build is stable; pass another with
 * {@code -Ditsm.fuzz.seed=<seed>} to explore); the number of calls is {@code -Ditsm.fuzz.calls}
 * (default 1000, about 10 s on H2). {@code -Ditsm.fuzz.trace=true} prints every call.
 */
class HostileInputFuzzTest {

  private static final long SEED = Long.getLong("itsm.fuzz.seed", 20_261_130L);
  private static final int CALLS = Integer.getInteger("itsm.fuzz.calls", 1000);

  private static final String TEN_MB = "x".repeat(10 * 1024 * 1024);
  private static final List<String> HOSTILE = List.of("", " ", "\t\n", TEN_MB, "y".repeat(4001),
      "z".repeat(100_001), "a\u0000b", "\u0007\u001b[31mred\u001b[0m\r\n", "\uD800",
      "\u202Eevil", "💥".repeat(60), "'; DROP TABLE itsm_incident; --", "' OR '1'='1",
      "INC0000001' --", "%", "_", "\\", "${1+1}", "#{7*7}", "${java.lang.Runtime.getRuntime()}",
      "T(java.lang.Runtime).getRuntime().exec('id')", "{{7*7}}", "<script>alert(1)</script>",
      "../../../etc/passwd", "UNKNOWN_ENUM", "P9", "null", "NaN", "-1", "2026-13-45",
      "P-1D", "PT9999999999999H", "laptop\u0000");

  private static final Actor EVERYONE = Actor.of("fuzz", "service-desk", "network",
      "change-managers", "cab", "ecab", "problem-managers", "major-incident-managers",
      "catalog-managers", "security-owners", "procurement", "desktop-support", "identity",
      "incident-managers");
  private static final List<Actor> ACTORS = List.of(EVERYONE, TestEngines.AGENT,
      TestEngines.RESOLVER, RequestFixture.CAROL, RequestFixture.MIA, RequestFixture.ADMIN,
      RequestFixture.PAT, RequestFixture.DAN, Actor.system());

  @TempDir Path dir;

  private final Random random = new Random(SEED);
  private final List<String> known = new ArrayList<>();
  private ItsmEngine engine;

  @Test
  void everyApiMethodAnswersHostileInputWithATypedErrorOrAResult() throws Exception {
    System.out.println("HostileInputFuzzTest seed=" + SEED + " calls=" + CALLS
        + " (rerun with -Ditsm.fuzz.seed=" + SEED + ")");
    long started = System.nanoTime();
    try (ItsmEngine e = TestEngines.builder(dir.resolve("db"))
        .processes(ItsmProcess.values()).directory(RequestFixture.DIRECTORY)
        .catalogItem(RequestFixture.LAPTOP).jobExecutor(false).build()) {
      engine = e;
      seed();
      List<Target> targets = targets();
      List<String> unexpected = new ArrayList<>();
      int refused = 0;
      Map<String, Long> slowest = new TreeMap<>();
      String before = snapshot();
      for (int call = 0; call < CALLS && unexpected.size() < 20; call++) {
        Target t = targets.get(random.nextInt(targets.size()));
        Object[] args = arguments(t.method().getGenericParameterTypes(), 0);
        long callStarted = System.nanoTime();
        if (Boolean.getBoolean("itsm.fuzz.trace")) {
          System.out.println("call " + call + " " + t + " " + describe(args));
        }
        try {
          Object result = invoke(t.service(), t.method(), args);
          if (result == null && t.method().getReturnType() != void.class
              && !t.method().getName().equals("head")) {
            unexpected.add(call + " " + t + " returned null");
          }
          remember(result);
          before = snapshot();
        } catch (ItsmException expected) {
          refused++;
          String after = snapshot();
          if (!after.equals(before)) {
            unexpected.add(call + " " + t + " was refused (" + expected.code() + ") but changed"
                + " stored data");
            before = after;
          }
        } catch (OutOfMemoryError | StackOverflowError fatal) {
          throw fatal;
        } catch (Throwable wrong) {
          unexpected.add(call + " " + t + " threw " + wrong + " for " + describe(args)
              + " at " + Arrays.stream(wrong.getStackTrace()).limit(4).toList());
          before = snapshot();
        } finally {
          slowest.merge(t.toString(), (System.nanoTime() - callStarted) / 1_000_000, Math::max);
        }
      }
      System.out.println("slowest calls (ms): " + slowest.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6).toList());
      assertThat(unexpected).as("seed " + SEED).isEmpty();
      assertThat(refused).as("hostile calls refused").isGreaterThan(CALLS / 4);
      AuditVerification v = engine.audit().verify(TestEngines.ADMIN, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
      assertThat(v.breaks()).isEmpty();
      assertThat(v.entriesChecked()).isPositive();
      for (VariableInstance variable : engine.processEngine().getRuntimeService()
          .createVariableInstanceQuery().list()) {
        Object value = variable.getValue();
        assertThat(value == null || value instanceof String || value instanceof Number
            || value instanceof Boolean || value instanceof Date)
            .as("variable %s = %s (%s)", variable.getName(), value, variable.getTypeName())
            .isTrue();
      }
      System.out.println("HostileInputFuzzTest seed=" + SEED + ": " + CALLS + " calls, " + refused
          + " refused, " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }
  }

  /** One record of each kind, so that calls have something real to hit. */
  private void seed() {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    Incident major = engine.incidents().open(TestEngines.AGENT, TestEngines.vpnOutage()
        .impact(dev.itsm.core.incident.Impact.HIGH).build());
    engine.majorIncidents().promote(EVERYONE, new PromoteToMajor(major.number(), "mia", null));
    Change change = engine.changes().create(EVERYONE, ChangeProcessFlowTest.lowRisk()
        .incidents(inc.number()).build());
    Problem problem = engine.problems().create(EVERYONE, new CreateProblem("VPN drops", null,
        "network", null, "vpn-gw-1", inc.priority(), null, List.of(inc.number())));
    String request = engine.requests().submit(RequestFixture.CAROL, SubmitRequest.builder()
        .item("laptop").value("model", "16-inch").build()).number();
    known.addAll(List.of(inc.number(), major.number(), change.number(), problem.number(),
        request, "laptop"));
  }

  private record Target(Object service, Method method) {
    @Override
    public String toString() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName()
          + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
    }
  }

  private List<Target> targets() {
    List<Target> out = new ArrayList<>();
    for (Object service : List.of(engine.incidents(), engine.changes(), engine.problems(),
        engine.majorIncidents(), engine.requests(), engine.catalog(), engine.audit())) {
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

  /** Calls the method; a query it returns is narrowed by random criteria and run. */
  private Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      Object result = m.invoke(target, args);
      Class<?> type = m.getReturnType();
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

  private void remember(Object result) {
    if (known.size() < 12 && result != null) {
      try {
        Method number = result.getClass().getMethod("number");
        Object n = number.invoke(result);
        if (n instanceof String s && !known.contains(s)) {
          known.add(s);
        }
      } catch (ReflectiveOperationException notARecord) {
        // lists, optionals, verifications: nothing to remember
      }
    }
  }

  /** Every known record as stored: record, timeline, audit trail and its verification. */
  private String snapshot() {
    StringBuilder b = new StringBuilder();
    for (String n : known) {
      b.append(n).append(':');
      Actor sys = Actor.system();
      b.append(engine.incidents().find(sys, n)).append(engine.changes().find(sys, n))
          .append(engine.problems().find(sys, n)).append(engine.requests().find(sys, n))
          .append(engine.majorIncidents().find(sys, n)).append(engine.catalog().find(sys, n));
      b.append(read(() -> engine.incidents().timeline(sys, n)))
          .append(read(() -> engine.changes().timeline(sys, n)))
          .append(read(() -> engine.problems().timeline(sys, n)))
          .append(read(() -> engine.requests().timeline(sys, n)))
          .append(read(() -> engine.incidents().auditTrail(sys, n)))
          .append(read(() -> engine.changes().auditTrail(sys, n)))
          .append(read(() -> engine.catalog().auditTrail(sys, n)));
      AuditVerification v = engine.audit().verify(sys, n);
      b.append(v.ok()).append(v.entriesChecked()).append('\n');
    }
    return b.toString();
  }

  private static Object read(java.util.function.Supplier<Object> reading) {
    try {
      return reading.get();
    } catch (dev.itsm.core.RecordNotFoundException absent) {
      return "-";
    }
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
      return pick < 4 ? known.get(random.nextInt(known.size()))
          : pick < 5 ? pickFrom(List.of("network", "service-desk", "mia", "carol", "model",
              "16-inch", "vpn-gw-1"))
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
      return pickFrom(ACTORS);
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
      case 2 -> Files.writeString(dir.resolve("garbage.json"), pickFrom(HOSTILE).substring(0,
          0) + "{[\"unterminated");
      case 3 -> Files.writeString(dir.resolve("unknown.json"), "[{\"id\":\"x\",\"kind\":"
          + "\"UNKNOWN_ENUM\",\"approval\":\"NOBODY\",\"fields\":[{\"type\":\"WHAT\"}]}]");
      default -> Files.writeString(dir.resolve("el.json"), "[{\"id\":\"${1+1}\",\"name\":"
          + "\"#{7*7}\",\"process\":\"${java.lang.Runtime.getRuntime().exec('id')}\"}]");
    };
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }

  private <T> T pickFrom(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String describe(Object[] args) {
    return Arrays.stream(args).map(a -> {
      String s = String.valueOf(a);
      return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }).toList().toString();
  }
}
