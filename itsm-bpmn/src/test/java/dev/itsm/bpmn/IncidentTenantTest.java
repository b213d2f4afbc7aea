package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incidents of an engine serving the tenants acme and globex (H2, {@code RoleModel.standard()}):
 * an acme incident runs on acme's deployment, and a globex user can neither see nor change it.
 */
class IncidentTenantTest {

  static final Actor ACME_DESK = Actor.of("dana", "service-desk").inTenant("acme");
  static final Actor ACME_RESOLVER = Actor.of("raj", "network").inTenant("acme");
  static final Actor ACME_CALLER = Actor.of("alice").inTenant("acme");
  /** Holds every incident permission, in globex. */
  static final Actor GLOBEX_MANAGER = Actor.of("gil", "incident-managers").inTenant("globex");
  /** Same group as acme's resolver, in globex. */
  static final Actor GLOBEX_RESOLVER = Actor.of("raj", "network").inTenant("globex");

  @TempDir static Path dir;
  static ItsmEngine engine;
  static IncidentService incidents;

  @BeforeAll
  static void start() {
    engine = TestEngines.builder(dir).tenants("acme", "globex").build();
    incidents = engine.incidents();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static ProcessEngine camunda() {
    return engine.processEngine();
  }

  static ProcessInstance process(Incident incident) {
    return camunda().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(incident.number()).singleResult();
  }

  static List<Task> tasks(ProcessInstance pi) {
    return camunda().getTaskService().createTaskQuery().processInstanceId(pi.getId()).list();
  }

  @Test
  void anAcmeIncidentRunsOnAcmesDeploymentFromOpeningToClosure() {
    Incident inc = incidents.open(ACME_DESK, TestEngines.vpnOutage().build());
    assertThat(inc.number()).startsWith("ACME-INC");
    assertThat(inc.tenant()).isEqualTo("acme");

    ProcessInstance pi = process(inc);
    assertThat(pi.getTenantId()).isEqualTo("acme");
    assertThat(camunda().getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId())
        .getTenantId()).isEqualTo("acme");
    assertThat(tasks(pi)).isNotEmpty().allSatisfy(t -> assertThat(t.getTenantId())
        .isEqualTo("acme"));

    incidents.acknowledge(ACME_RESOLVER, new AcknowledgeIncident(inc.number()));
    assertThat(tasks(pi)).isNotEmpty().allSatisfy(t -> {
      assertThat(t.getTenantId()).isEqualTo("acme");
      assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_ResolveIncident");
    });
    incidents.resolve(ACME_RESOLVER, new ResolveIncident(inc.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Replaced the concentrator"));
    assertThat(camunda().getManagementService().createJobQuery().processInstanceId(pi.getId())
        .list()).allSatisfy(j -> assertThat(j.getTenantId()).isEqualTo("acme"));
    Incident closed = incidents.close(ACME_CALLER, new CloseIncident(inc.number(), "works"));

    assertThat(closed.state()).isEqualTo(IncidentState.CLOSED);
    assertThat(process(inc)).isNull();
    assertThat(camunda().getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(inc.number()).singleResult().getTenantId())
        .isEqualTo("acme");
  }

  @Test
  void aDefaultTenantIncidentRunsOnTheDeploymentWithoutTenant() {
    Incident inc = TestEngines.open(engine);
    assertThat(inc.number()).startsWith("INC");
    assertThat(inc.tenant()).isEqualTo(Actor.DEFAULT_TENANT);
    assertThat(process(inc).getTenantId()).isNull();
    assertThat(tasks(process(inc))).allSatisfy(t -> assertThat(t.getTenantId()).isNull());
  }

  @Test
  void eachTenantNumbersOnItsOwn() {
    Incident globex = incidents.open(GLOBEX_MANAGER, TestEngines.vpnOutage().build());
    Incident globex2 = incidents.open(GLOBEX_MANAGER, TestEngines.vpnOutage().build());
    assertThat(globex.number()).matches("GLOBEX-INC\\d{7}");
    assertThat(Long.parseLong(globex2.number().substring("GLOBEX-INC".length())))
        .isEqualTo(Long.parseLong(globex.number().substring("GLOBEX-INC".length())) + 1);
    assertThat(process(globex).getTenantId()).isEqualTo("globex");
  }

  @Test
  void aGlobexUserCanNeitherSeeNorChangeAnAcmeIncident() {
    Incident inc = incidents.open(ACME_DESK, TestEngines.vpnOutage().build());
    String n = inc.number();
    ProcessInstance pi = process(inc);
    String activity = tasks(pi).get(0).getTaskDefinitionKey();

    for (Actor outsider : List.of(GLOBEX_MANAGER, GLOBEX_RESOLVER)) {
      assertThat(incidents.find(outsider, n)).isEmpty();
      assertThat(incidents.query(outsider).list()).extracting(Incident::number)
          .doesNotContain(n);
      assertThatThrownBy(() -> incidents.get(outsider, n))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> incidents.timeline(outsider, n))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> incidents.acknowledge(outsider, new AcknowledgeIncident(n)))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> incidents.assign(outsider,
          new AssignIncident(n, "network", outsider.id())))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> incidents.cancel(outsider, new CancelIncident(n, "mine now")))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> incidents.addWorkNote(outsider,
          new AddWorkNote(n, "hello", AddWorkNote.Visibility.INTERNAL)))
          .isInstanceOf(RecordNotFoundException.class);
    }

    assertThat(incidents.get(ACME_DESK, n)).isEqualTo(inc);
    assertThat(incidents.timeline(ACME_DESK, n)).hasSize(1);
    assertThat(process(inc).getId()).isEqualTo(pi.getId());
    assertThat(tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly(activity);
  }
}
