package dev.itsm.bpmn;

import static dev.itsm.bpmn.TestEngines.AGENT;
import static dev.itsm.bpmn.TestEngines.RESOLVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The process follows every API call (camunda-bpm-assert on the real engine), on H2 and
 * PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class IncidentProcessFlowTest {

  @TempDir static Path dir;
  static EngineDatabase database;
  static ItsmEngine engine;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase kind) {
    database = EngineDatabase.create(kind, dir.resolve(kind.name()), "process_flow");
    engine = TestEngines.builder(database).build();
    AbstractAssertions.init(engine.processEngine());
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    AbstractAssertions.reset();
    engine.close();
    database.close();
  }

  private ProcessInstance process(Incident incident) {
    return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(incident.number()).singleResult();
  }

  private ProcessInstance anyProcess(Incident incident) {
    return engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(incident.number()).singleResult() == null ? null
        : engine.processEngine().getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(incident.number()).singleResult();
  }

  @Test
  void openStartsTriageForTheServiceDesk() {
    Incident inc = TestEngines.open(engine);
    ProcessInstance pi = process(inc);
    assertThat(pi).isStarted().isWaitingAt("Task_TriageIncident");
    assertThat(task(pi)).hasCandidateGroup("service-desk");
    assertThat(pi).variables().containsEntry("incidentNumber", inc.number())
        .containsEntry("assignmentGroup", "network");
  }

  @Test
  void acknowledgeMovesToResolutionByTheAssignmentGroup() {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    ProcessInstance pi = process(inc);
    assertThat(pi).isWaitingAt("Task_ResolveIncident");
    assertThat(task(pi)).hasCandidateGroup("network");
  }

  @Test
  void reassignmentMovesTheTaskToTheNewGroupAndAssignee() {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    engine.incidents().assign(AGENT, new AssignIncident(inc.number(), "database", "mo"));
    ProcessInstance pi = process(inc);
    assertThat(task(pi)).isAssignedTo("mo");
    assertThat(engine.processEngine().getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).taskCandidateGroup("database").includeAssignedTasks()
        .count()).isOne();
    assertThat(engine.processEngine().getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).taskCandidateGroup("network").includeAssignedTasks().count()).isZero();
  }

  @Test
  void holdAndResumeWaitAndReturnToResolution() {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    engine.incidents().putOnHold(RESOLVER,
        new PutIncidentOnHold(inc.number(), HoldReason.AWAITING_CALLER, "Asked for logs"));
    ProcessInstance pi = process(inc);
    assertThat(pi).isWaitingAt("Event_Resumed");
    engine.incidents().resume(RESOLVER, new ResumeIncident(inc.number(), "Logs received"));
    assertThat(pi).isWaitingAt("Task_ResolveIncident");
  }

  @Test
  void resolveWaitsForConfirmationAndCloseEndsTheProcess() {
    Incident inc = TestEngines.resolved(engine);
    ProcessInstance pi = process(inc);
    assertThat(pi).isWaitingAt("Gateway_AwaitConfirmation");
    engine.incidents().close(AGENT, new CloseIncident(inc.number(), "Caller confirmed"));
    assertThat(pi).isEnded().hasPassed("Event_ClosureConfirmed", "EndEvent_IncidentClosed");
  }

  @Test
  void reopenSkipsTriage() {
    Incident inc = TestEngines.resolved(engine);
    ProcessInstance pi = process(inc);
    engine.incidents().reopen(AGENT, new ReopenIncident(inc.number(), "Dropped again"));
    assertThat(pi).isWaitingAt("Task_ResolveIncident");
    assertThat(pi).variables().containsEntry("reopened", true);
  }

  @Test
  void cancelEndsTheProcessFromEveryOpenState() {
    Incident fresh = TestEngines.open(engine);
    Incident working = TestEngines.openAndAcknowledge(engine);
    Incident held = TestEngines.openAndAcknowledge(engine);
    engine.incidents().putOnHold(RESOLVER,
        new PutIncidentOnHold(held.number(), HoldReason.AWAITING_VENDOR, null));
    for (Incident inc : new Incident[] {fresh, working, held}) {
      ProcessInstance pi = process(inc);
      engine.incidents().cancel(AGENT, new CancelIncident(inc.number(), "Logged in error"));
      assertThat(pi).isEnded().hasPassed("EndEvent_IncidentCancelled");
    }
  }

  @Test
  void acknowledgeRecordsTheResponse() {
    Incident inc = engine.incidents().acknowledge(RESOLVER,
        new AcknowledgeIncident(TestEngines.open(engine).number()));
    assertThat(inc.milestones().acknowledgedAt()).isNotNull();
    assertThat(anyProcess(inc)).isNotNull();
  }
}
