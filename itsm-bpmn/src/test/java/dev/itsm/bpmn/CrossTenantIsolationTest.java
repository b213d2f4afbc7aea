package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import dev.itsm.core.audit.AuditVerification;
import dev.itsm.core.change.Change;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.problem.CreateProblem;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.request.RequestFixture;
import dev.itsm.core.request.SubmitRequest;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tenant isolation through every API method: tenant acme holds one record of each kind (incident,
 * major incident, change, problem, request, catalog item); actors of tenant globex and of the
 * default tenant, holding every role, call every public method of every service with the numbers
 * and ids of acme's records mixed into otherwise random arguments (reads and writes). No result
 * may contain anything of acme's (its tenant or the marker text of its records), and acme's
 * records, timelines, audit trails, process instances and tasks must be exactly as before, on H2
 * and PostgreSQL. Seeded and reproducible like {@link HostileInputFuzzTest}
 * ({@code -Ditsm.fuzz.seed}, {@code -Ditsm.tenant.calls}, default 500).
 */
class CrossTenantIsolationTest {

  private static final long SEED = Long.getLong("itsm.fuzz.seed", 20_261_130L);
  private static final int CALLS = Integer.getInteger("itsm.tenant.calls", 500);
  /** In the title or text of every acme record: a result showing it is a leak. */
  private static final String MARKER = "acme-secret";

  private static final Actor ALL_ROLES = Actor.of("gus", "service-desk", "network",
      "change-managers", "cab", "ecab", "problem-managers", "incident-managers",
      "catalog-managers", "security-owners", "procurement", "desktop-support", "identity",
      "itsm-admins");
  private static final Actor ACME = ALL_ROLES.inTenant("acme");
  private static final Actor ACME_SYSTEM = Actor.system("acme");
  private static final List<Actor> OUTSIDERS = List.of(ALL_ROLES.inTenant("globex"),
      ALL_ROLES, Actor.of("carol").inTenant("globex"), Actor.of("dana", "service-desk")
          .inTenant("globex"), Actor.of("raj", "network"));

  @TempDir Path dir;

  private ItsmEngine engine;
  private final List<String> acme = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.class)
  void noCallOfAnotherTenantSeesOrChangesAnythingOfAcme(TestDatabase kind) throws Exception {
    ApiFuzzer fuzzer = new ApiFuzzer(SEED, dir, OUTSIDERS);
    try (EngineDatabase database = EngineDatabase.create(kind, dir.resolve("db"), "tenants");
        ItsmEngine e = TestEngines.builder(database).tenants("acme", "globex")
            .processes(ItsmProcess.values()).directory(RequestFixture.DIRECTORY)
            .catalogItem(RequestFixture.LAPTOP).jobExecutor(false).build()) {
      engine = e;
      seedAcme();
      fuzzer.known().addAll(acme);
      List<ApiFuzzer.Target> targets = ApiFuzzer.targets(engine);
      String before = snapshot();
      assertThat(before).contains(MARKER).contains("tenant=acme");
      List<String> leaks = new ArrayList<>();
      Set<String> methodsCalled = new TreeSet<>();
      int refused = 0;
      for (int call = 0; call < CALLS && leaks.size() < 20; call++) {
        ApiFuzzer.Target t = fuzzer.pick(targets);
        Object[] args = fuzzer.arguments(t);
        methodsCalled.add(t.toString());
        String outcome;
        try {
          outcome = String.valueOf(fuzzer.invoke(t, args));
        } catch (ItsmException refusal) {
          refused++;
          outcome = refusal.getMessage();
        } catch (OutOfMemoryError | StackOverflowError fatal) {
          throw fatal;
        } catch (Throwable wrong) {
          leaks.add(call + " " + t + " threw " + wrong + " for " + ApiFuzzer.describe(args));
          continue;
        }
        if (outcome.contains(MARKER) || outcome.contains("tenant=acme")) {
          leaks.add(call + " " + t + " showed acme's data: "
              + outcome.substring(0, Math.min(300, outcome.length())) + " for "
              + ApiFuzzer.describe(args));
        }
        String after = snapshot();
        if (!after.equals(before)) {
          leaks.add(call + " " + t + " changed acme's data with " + ApiFuzzer.describe(args));
          before = after;
        }
      }
      assertThat(leaks).as(kind + " seed " + SEED).isEmpty();
      assertThat(methodsCalled).as("methods called").hasSizeGreaterThan(targets.size() * 3 / 4);
      assertThat(refused).isPositive();
      AuditVerification v = engine.audit().verify(ACME_SYSTEM, acme.get(0));
      assertThat(v.ok()).isTrue();
      System.out.println("CrossTenantIsolationTest " + kind + ": " + CALLS + " calls over "
          + methodsCalled.size() + " of " + targets.size() + " methods, " + refused
          + " refused, none saw or changed acme's records");
    }
  }

  /** One record of each kind in tenant acme, each carrying the marker. */
  private void seedAcme() {
    engine.catalog().define(RequestFixture.ADMIN.inTenant("acme"), RequestFixture.LAPTOP);
    Incident inc = engine.incidents().open(ACME, TestEngines.vpnOutage()
        .title(MARKER + " VPN").build());
    engine.incidents().acknowledge(ACME, new AcknowledgeIncident(inc.number()));
    Incident major = engine.incidents().open(ACME, TestEngines.vpnOutage()
        .title(MARKER + " core switch").impact(Impact.HIGH).build());
    engine.majorIncidents().promote(ACME, new PromoteToMajor(major.number(), "mia", null));
    Change change = engine.changes().create(ACME, ChangeProcessFlowTest.lowRisk()
        .title(MARKER + " patch").incidents(inc.number()).build());
    Problem problem = engine.problems().create(ACME, new CreateProblem(MARKER + " VPN drops",
        null, "network", null, "vpn-gw-1", inc.priority(), null, List.of(inc.number())));
    String request = engine.requests().submit(RequestFixture.CAROL.inTenant("acme"),
        SubmitRequest.builder().item("laptop").value("model", "16-inch")
            .comment(MARKER + " for the new hire").build()).number();
    assertThat(inc.number()).startsWith("ACME-INC");
    acme.addAll(List.of(inc.number(), major.number(), change.number(), problem.number(),
        request, "laptop"));
  }

  /** Acme's records, timelines, audit trails and verification, process instances and tasks. */
  private String snapshot() {
    StringBuilder b = new StringBuilder();
    Actor sys = ACME_SYSTEM;
    for (String n : acme) {
      b.append(n).append(':');
      b.append(engine.incidents().find(sys, n)).append(engine.changes().find(sys, n))
          .append(engine.problems().find(sys, n)).append(engine.requests().find(sys, n))
          .append(engine.majorIncidents().find(sys, n)).append(engine.catalog().find(sys, n));
      b.append(HostileInputFuzzTest.read(() -> engine.incidents().timeline(sys, n)))
          .append(HostileInputFuzzTest.read(() -> engine.changes().timeline(sys, n)))
          .append(HostileInputFuzzTest.read(() -> engine.problems().timeline(sys, n)))
          .append(HostileInputFuzzTest.read(() -> engine.requests().timeline(sys, n)))
          .append(HostileInputFuzzTest.read(() -> engine.incidents().auditTrail(sys, n)))
          .append(HostileInputFuzzTest.read(() -> engine.catalog().auditTrail(sys, n)));
      b.append(engine.audit().verify(sys, n).entriesChecked()).append('\n');
    }
    b.append(engine.catalog().items(sys));
    engine.processEngine().getRuntimeService().createProcessInstanceQuery().tenantIdIn("acme")
        .orderByProcessInstanceId().asc().list()
        .forEach(pi -> b.append(pi.getId()).append(pi.getBusinessKey()).append(pi.isEnded()));
    for (Task task : engine.processEngine().getTaskService().createTaskQuery()
        .tenantIdIn("acme").orderByTaskId().asc().list()) {
      b.append(task.getId()).append(task.getName()).append(task.getAssignee())
          .append(task.getTaskDefinitionKey()).append(task.getDueDate());
    }
    return b.toString();
  }
}
