package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.audit.AuditVerification;
import dev.itsm.core.change.Change;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.problem.CreateProblem;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.request.RequestFixture;
import dev.itsm.core.request.SubmitRequest;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drives random and hostile values (huge strings, control characters, SQL and expression-language
 * injection strings, unknown enum names, nulls, dates far in the past and future, huge lists)
 * through every public method of the practice services, the catalog, service levels, metrics and
 * the audit service, on a real engine on H2 and on PostgreSQL. Every call must return a result or
 * throw an {@link ItsmException}; a refused call must leave every stored record, its timeline,
 * its audit trail and the chain's verification unchanged; at the end every process variable is a
 * primitive, string or date.
 *
 * <p>Reproducible: the seed is printed (a fixed default, so the build is stable; pass another with
 * {@code -Ditsm.fuzz.seed=<seed>} to explore); the number of calls per database is
 * {@code -Ditsm.fuzz.calls} (default 1000, about 10 s on H2 and 20 s on PostgreSQL).
 * {@code -Ditsm.fuzz.trace=true} prints every call.
 */
class HostileInputFuzzTest {

  private static final long SEED = Long.getLong("itsm.fuzz.seed", 20_261_130L);
  private static final int CALLS = Integer.getInteger("itsm.fuzz.calls", 1000);

  private static final Actor EVERYONE = Actor.of("fuzz", "service-desk", "network",
      "change-managers", "cab", "ecab", "problem-managers", "major-incident-managers",
      "catalog-managers", "security-owners", "procurement", "desktop-support", "identity",
      "incident-managers");
  private static final List<Actor> ACTORS = List.of(EVERYONE, TestEngines.AGENT,
      TestEngines.RESOLVER, TestEngines.ADMIN, TestEngines.MANAGER, RequestFixture.CAROL,
      RequestFixture.MIA, RequestFixture.ADMIN, RequestFixture.PAT, RequestFixture.DAN,
      Actor.of("alice"), Actor.of("x", "service-desk").inTenant("undeclared"), Actor.system());

  @TempDir Path dir;

  private ItsmEngine engine;
  private ApiFuzzer fuzzer;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.class)
  void everyApiMethodAnswersHostileInputWithATypedErrorOrAResult(TestDatabase kind)
      throws Exception {
    System.out.println("HostileInputFuzzTest " + kind + " seed=" + SEED + " calls=" + CALLS
        + " (rerun with -Ditsm.fuzz.seed=" + SEED + ")");
    long started = System.nanoTime();
    fuzzer = new ApiFuzzer(SEED, dir, ACTORS);
    try (EngineDatabase database = EngineDatabase.create(kind, dir.resolve("db"), "fuzz");
        ItsmEngine e = TestEngines.builder(database)
            .processes(ItsmProcess.values()).directory(RequestFixture.DIRECTORY)
            .catalogItem(RequestFixture.LAPTOP).jobExecutor(false).build()) {
      engine = e;
      seed();
      List<ApiFuzzer.Target> targets = ApiFuzzer.targets(engine);
      List<String> unexpected = new ArrayList<>();
      int refused = 0;
      Map<String, Long> slowest = new TreeMap<>();
      String before = snapshot();
      for (int call = 0; call < CALLS && unexpected.size() < 20; call++) {
        ApiFuzzer.Target t = fuzzer.pick(targets);
        Object[] args = fuzzer.arguments(t);
        long callStarted = System.nanoTime();
        if (Boolean.getBoolean("itsm.fuzz.trace")) {
          System.out.println("call " + call + " " + t + " " + ApiFuzzer.describe(args));
        }
        try {
          Object result = fuzzer.invoke(t, args);
          if (result == null && t.method().getReturnType() != void.class
              && !t.method().getName().equals("head")) {
            unexpected.add(call + " " + t + " returned null");
          }
          fuzzer.remember(result, 12);
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
          unexpected.add(call + " " + t + " threw " + wrong + " for "
              + ApiFuzzer.describe(args) + " at "
              + java.util.Arrays.stream(wrong.getStackTrace()).limit(4).toList());
          before = snapshot();
        } finally {
          slowest.merge(t.toString(), (System.nanoTime() - callStarted) / 1_000_000, Math::max);
        }
      }
      System.out.println("slowest calls (ms): " + slowest.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6).toList());
      assertThat(unexpected).as(kind + " seed " + SEED).isEmpty();
      assertThat(refused).as("hostile calls refused").isGreaterThan(CALLS / 4);
      AuditVerification v = engine.audit().verify(Actor.system(), Instant.EPOCH,
          Instant.parse("9999-01-01T00:00:00Z"));
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
      System.out.println("HostileInputFuzzTest " + kind + " seed=" + SEED + ": " + CALLS
          + " calls, " + refused + " refused, "
          + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
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
    fuzzer.known().addAll(List.of(inc.number(), major.number(), change.number(),
        problem.number(), request, "laptop"));
  }

  /** Every known record as stored: record, timeline, audit trail and its verification. */
  private String snapshot() {
    StringBuilder b = new StringBuilder();
    Actor sys = Actor.system();
    for (String n : fuzzer.known()) {
      b.append(n).append(':');
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

  static Object read(Supplier<Object> reading) {
    try {
      return reading.get();
    } catch (RecordNotFoundException absent) {
      return "-";
    }
  }
}
