package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.DecideChange;
import dev.itsm.core.change.SubmitChange;
import dev.itsm.core.spi.Directory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change enablement with tenants on H2 and the standard role model: a change of acme runs its
 * process on acme's deployment (instance, tasks and timer carry the Camunda tenant id), and a
 * change manager of globex can neither see nor change it.
 */
class ChangeTenantsTest {

  @TempDir Path dir;

  private static final Actor RITA = ChangeProcessFlowTest.RITA.inTenant("acme");
  private static final Actor OLIVIA = ChangeProcessFlowTest.OLIVIA.inTenant("acme");
  private static final Actor MAX = ChangeProcessFlowTest.MAX.inTenant("acme");
  private static final Actor GLOBEX_MAX = ChangeProcessFlowTest.MAX.inTenant("globex");

  @Test
  void aChangeOfAcmeRunsOnAcmesDeploymentAndGlobexCannotTouchIt() {
    try (ItsmEngine engine = TestEngines.builder(dir).processes(ItsmProcess.CHANGE)
        .tenants("acme", "globex")
        .directory(Directory.of(Map.of("change-managers", Set.of("max", "mia", "olivia"))))
        .build()) {
      ProcessEngine camunda = engine.processEngine();
      Change c = engine.changes().create(RITA, ChangeProcessFlowTest.lowRisk().build());
      assertThat(c.number()).isEqualTo("ACME-CHG0000001");
      assertThat(c.tenant()).isEqualTo("acme");
      c = engine.changes().submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
      String n = c.number();

      ProcessInstance instance = camunda.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(n).singleResult();
      assertThat(instance.getTenantId()).isEqualTo("acme");
      assertThat(camunda.getRepositoryService().getProcessDefinition(
          instance.getProcessDefinitionId()).getTenantId()).isEqualTo("acme");
      List<Task> tasks = camunda.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(n).list();
      assertThat(tasks).extracting(Task::getTaskDefinitionKey)
          .containsExactly("Task_AuthorizeChange");
      assertThat(tasks).extracting(Task::getTenantId).containsOnly("acme");
      List<Job> timers = camunda.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).list();
      assertThat(timers).isNotEmpty().extracting(Job::getTenantId).containsOnly("acme");

      // globex: not found through reads and writes, and nothing changes
      Change before = engine.changes().get(MAX, n);
      assertThat(engine.changes().find(GLOBEX_MAX, n)).isEmpty();
      assertThat(engine.changes().query(GLOBEX_MAX).list()).isEmpty();
      assertThatThrownBy(() -> engine.changes().get(GLOBEX_MAX, n))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> engine.changes().timeline(GLOBEX_MAX, n))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> engine.changes().decide(GLOBEX_MAX,
          DecideChange.approve(n, "not mine"))).isInstanceOf(RecordNotFoundException.class);
      assertThat(engine.changes().get(MAX, n)).isEqualTo(before);
      assertThat(engine.changes().decisions(MAX, n)).isEmpty();
      assertThat(camunda.getTaskService().createTaskQuery().processInstanceBusinessKey(n)
          .list()).extracting(Task::getId).containsExactlyElementsOf(
              tasks.stream().map(Task::getId).toList());
      // the default tenant has its own numbers and its process has no tenant id
      Change home = engine.changes().create(ChangeProcessFlowTest.RITA,
          ChangeProcessFlowTest.lowRisk().build());
      assertThat(home.number()).isEqualTo("CHG0000001");
      assertThat(camunda.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(home.number()).singleResult().getTenantId()).isNull();
      assertThat(engine.changes().query(MAX).list()).extracting(Change::number)
          .containsExactly(n);

      // acme goes on, on acme's process
      Change authorised = engine.changes().decide(MAX, DecideChange.approve(n, "ok"));
      assertThat(authorised.state()).isEqualTo(ChangeState.AUTHORIZED);
      Task scheduling = camunda.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(n).singleResult();
      assertThat(scheduling.getTaskDefinitionKey()).isEqualTo("Task_ScheduleChange");
      assertThat(scheduling.getTenantId()).isEqualTo("acme");
    }
  }
}
