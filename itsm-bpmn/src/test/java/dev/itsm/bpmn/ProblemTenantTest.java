package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.problem.AssessProblem;
import dev.itsm.core.problem.CancelProblem;
import dev.itsm.core.problem.CreateProblem;
import dev.itsm.core.problem.IdentifyRootCause;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemState;
import dev.itsm.core.problem.PublishKnownError;
import dev.itsm.core.problem.StartAnalysis;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems of a tenant on the real engine (H2, the standard role model, tenants acme and globex):
 * they run on their tenant's deployment, and another tenant cannot see or change them.
 */
class ProblemTenantTest {

  static final Actor PAT = Actor.of("pat", "problem-managers");
  static final Actor ACME_PAT = PAT.inTenant("acme");
  static final Actor GLOBEX_PAT = PAT.inTenant("globex");

  @TempDir Path dir;
  ItsmEngine engine;

  @BeforeEach
  void start() {
    engine = TestEngines.builder(dir)
        .processes(ItsmProcess.INCIDENT, ItsmProcess.PROBLEM, ItsmProcess.MAJOR_INCIDENT)
        .tenants("acme", "globex")
        .build();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private ProcessInstance instance(String number) {
    return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("itsm-problem").processInstanceBusinessKey(number).singleResult();
  }

  private List<Task> tasks(String number) {
    return engine.processEngine().getTaskService().createTaskQuery()
        .processDefinitionKey("itsm-problem").processInstanceBusinessKey(number).list();
  }

  @Test
  void aProblemOfAcmeRunsOnAcmesDeploymentAndGlobexCannotSeeOrChangeIt() {
    Problem acme = engine.problems().create(ACME_PAT, CreateProblem.of("VPN drops",
        Priority.P2));
    Problem home = engine.problems().create(PAT, CreateProblem.of("Mail slow", Priority.P3));
    assertThat(acme.number()).isEqualTo("ACME-PRB0000001");
    assertThat(acme.tenant()).isEqualTo("acme");
    assertThat(home.number()).isEqualTo("PRB0000001");
    assertThat(instance(acme.number()).getTenantId()).isEqualTo("acme");
    assertThat(instance(home.number()).getTenantId()).isNull();
    assertThat(tasks(acme.number())).extracting(Task::getName)
        .containsExactly("Assess problem");
    assertThat(tasks(acme.number())).extracting(Task::getTenantId).containsExactly("acme");

    engine.problems().assess(ACME_PAT, new AssessProblem(acme.number(), "pat", Priority.P2));
    engine.problems().startAnalysis(ACME_PAT, new StartAnalysis(acme.number(), null));
    engine.problems().identifyRootCause(ACME_PAT, new IdentifyRootCause(acme.number(),
        "Expired certificate", "Use the backup profile"));
    acme = engine.problems().publishKnownError(ACME_PAT, new PublishKnownError(acme.number(),
        null));
    assertThat(acme.knownError()).isEqualTo("ACME-KE0000001");
    assertThat(tasks(acme.number())).extracting(Task::getName).containsExactly("Fix problem");
    assertThat(tasks(acme.number())).extracting(Task::getTenantId).containsExactly("acme");

    // globex: not found, whatever it tries
    String n = acme.number();
    Problem before = engine.problems().get(ACME_PAT, n);
    assertThrows(RecordNotFoundException.class, () -> engine.problems().get(GLOBEX_PAT, n));
    assertThat(engine.problems().find(GLOBEX_PAT, n)).isEmpty();
    assertThat(engine.problems().query(GLOBEX_PAT).list()).isEmpty();
    assertThat(engine.problems().knownErrors(GLOBEX_PAT).list()).isEmpty();
    assertThrows(RecordNotFoundException.class, () -> engine.problems().timeline(GLOBEX_PAT, n));
    assertThrows(RecordNotFoundException.class, () -> engine.problems().cancel(GLOBEX_PAT,
        new CancelProblem(n, "not ours")));
    assertThat(engine.problems().get(ACME_PAT, n)).isEqualTo(before);
    assertThat(running(n)).isTrue();
    // the default tenant sees only its own problem
    assertThat(engine.problems().query(PAT).list()).extracting(Problem::number)
        .containsExactly(home.number());
    // acme staff without the problem manager role cannot cancel it
    AccessDeniedException denied = assertThrows(AccessDeniedException.class,
        () -> engine.problems().cancel(Actor.of("dana", "service-desk").inTenant("acme"),
            new CancelProblem(n, "x")));
    assertThat(denied.permission()).isEqualTo(Permission.PROBLEM_CANCEL);

    assertThat(engine.problems().cancel(ACME_PAT, new CancelProblem(n, "Duplicate")).state())
        .isEqualTo(ProblemState.CANCELLED);
    assertThat(running(n)).isFalse();
  }

  private boolean running(String number) {
    return instance(number) != null;
  }
}
