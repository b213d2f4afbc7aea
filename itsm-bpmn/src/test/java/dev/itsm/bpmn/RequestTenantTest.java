package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.request.AddRequestNote;
import dev.itsm.core.request.CancelRequest;
import dev.itsm.core.request.CompleteFulfilmentTask;
import dev.itsm.core.request.DecideRequest;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestFixture;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.SubmitRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service requests of a tenant on the real engine (H2): the tenant's catalog, its numbers, its
 * process deployment (also for an item's own process, run as a call activity), and nothing of it
 * visible to or changeable by another tenant.
 */
class RequestTenantTest {

  private static final Actor ACME_CATALOG = RequestFixture.ADMIN.inTenant("acme");
  private static final Actor ACME_CAROL = RequestFixture.CAROL.inTenant("acme");
  private static final Actor ACME_MIA = RequestFixture.MIA.inTenant("acme");
  private static final Actor ACME_PAT = RequestFixture.PAT.inTenant("acme");
  private static final Actor ACME_DESK = RequestFixture.DESK.inTenant("acme");
  private static final Actor GLOBEX = Actor.of("gus", "itsm-admins").inTenant("globex");

  @TempDir Path dir;

  private ItsmEngine start() {
    return ItsmEngine.builder().dataDirectory(dir.resolve("db"))
        .processes(ItsmProcess.REQUEST).directory(RequestFixture.DIRECTORY)
        .tenants("acme", "globex")
        .fulfilmentProcess(RequestProcessFlowTest.diagram("laptop-imaging.bpmn"))
        .catalogItem(RequestFixture.ONBOARDING)
        .jobPollInterval(Duration.ofMillis(100)).build();
  }

  private static List<Task> tasks(ProcessEngine camunda, String number) {
    return camunda.getTaskService().createTaskQuery().processInstanceBusinessKey(number).list();
  }

  @Test
  void aTenantsRequestRunsOnItsDeploymentAndIsInvisibleToAnotherTenant() {
    try (ItsmEngine engine = start()) {
      ProcessEngine camunda = engine.processEngine();
      // the builder's items are the default tenant's: acme defines its own catalog
      assertThat(engine.catalog().items(ACME_CAROL)).isEmpty();
      assertThat(engine.catalog().items(RequestFixture.CAROL)).hasSize(1);
      // without its own service-level target: the service-level clock process does not start
      // on a tenant's deployment yet (SlaClockProcess, outside service request management)
      engine.catalog().define(ACME_CATALOG, RequestFixture.LAPTOP.toBuilder()
          .serviceLevel(null, null).build());
      engine.catalog().define(ACME_CATALOG, RequestProcessFlowTest.IMAGED);

      Request r = engine.requests().submit(ACME_CAROL, SubmitRequest.builder().item("laptop")
          .value("model", "14-inch").build());
      String n = r.number();
      assertThat(n).isEqualTo("ACME-REQ0000001");
      assertThat(r.tenant()).isEqualTo("acme");
      ProcessInstance pi = camunda.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(n).singleResult();
      assertThat(pi.getTenantId()).isEqualTo("acme");
      assertThat(camunda.getRepositoryService().getProcessDefinition(
          pi.getProcessDefinitionId()).getTenantId()).isEqualTo("acme");
      assertThat(tasks(camunda, n)).extracting(Task::getTenantId).containsExactly("acme");

      r = engine.requests().decide(ACME_MIA, DecideRequest.approve(n, "ok"));
      assertThat(r.state()).isEqualTo(RequestState.APPROVED);
      List<Task> fulfilment = tasks(camunda, n);
      assertThat(fulfilment).extracting(Task::getTenantId).containsExactly("acme");

      // globex: not found through every call, nothing changed
      Request before = engine.requests().get(ACME_DESK, n);
      int timeline = engine.requests().timeline(ACME_DESK, n).size();
      for (org.junit.jupiter.api.function.Executable call : List.<
          org.junit.jupiter.api.function.Executable>of(
          () -> engine.requests().get(GLOBEX, n),
          () -> engine.requests().timeline(GLOBEX, n),
          () -> engine.requests().auditTrail(GLOBEX, n),
          () -> engine.requests().decisions(GLOBEX, n),
          () -> engine.requests().decide(GLOBEX, DecideRequest.approve(n, null)),
          () -> engine.requests().completeTask(GLOBEX, new CompleteFulfilmentTask(n, 1, null)),
          () -> engine.requests().cancel(GLOBEX, new CancelRequest(n, "mine")),
          () -> engine.requests().addNote(GLOBEX, new AddRequestNote(n, "hi")),
          () -> engine.catalog().item(GLOBEX, "laptop"))) {
        assertThrows(RecordNotFoundException.class, call);
      }
      assertThat(engine.requests().find(GLOBEX, n)).isEmpty();
      assertThat(engine.requests().query(GLOBEX).list()).isEmpty();
      assertThat(engine.catalog().items(GLOBEX)).isEmpty();
      assertThrows(ValidationException.class, () -> engine.requests().submit(GLOBEX,
          SubmitRequest.builder().item("laptop").value("model", "14-inch").build()));
      assertThat(engine.requests().get(ACME_DESK, n)).isEqualTo(before);
      assertThat(engine.requests().timeline(ACME_DESK, n)).hasSize(timeline);
      assertThat(tasks(camunda, n)).extracting(Task::getId)
          .containsExactly(fulfilment.get(0).getId());

      // acme works on: the task of acme's process moves on
      engine.requests().completeTask(ACME_PAT, new CompleteFulfilmentTask(n, 1, "ordered"));
      assertThat(tasks(camunda, n)).extracting(Task::getTenantId).containsExactly("acme");
      assertThat(tasks(camunda, n)).extracting(Task::getId)
          .doesNotContain(fulfilment.get(0).getId());

      // an item's own process runs on acme's deployment of it
      Request imaged = engine.requests().submit(ACME_CAROL, SubmitRequest.builder()
          .item("imaged-laptop").build());
      assertThat(imaged.number()).isEqualTo("ACME-REQ0000002");
      engine.requests().decide(ACME_MIA, DecideRequest.approve(imaged.number(), null));
      Task imaging = camunda.getTaskService().createTaskQuery()
          .processDefinitionKey("laptop-imaging").processInstanceBusinessKey(imaged.number())
          .singleResult();
      assertThat(imaging.getTenantId()).isEqualTo("acme");

      // the default tenant numbers on its own
      assertThat(engine.requests().submit(RequestFixture.CAROL, SubmitRequest.builder()
          .item("onboarding").build()).number()).isEqualTo("REQ0000001");
      assertThat(engine.requests().query(ACME_DESK).list()).extracting(Request::number)
          .containsExactly("ACME-REQ0000002", "ACME-REQ0000001");
    }
  }
}
