package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped {@code change.bpmn} on its own, with a scripted stand-in for the library's
 * callback: every path of the diagram (camunda-bpm-junit5 + camunda-bpm-assert).
 */
class ChangeDiagramTest {

  static final String DIAGRAM = "itsm/processes/change.bpmn";
  static final String MANAGERS = "change-managers";

  /** Stands in for the library's {@code itsmChangeProcess} bean; records its calls. */
  public static final class ScriptedChange {
    final List<String> overdue = new ArrayList<>();

    /** @param execution the execution */
    public void authorizationOverdue(DelegateExecution execution) {
      overdue.add((String) execution.getVariable("changeNumber"));
    }
  }

  static final ScriptedChange CHANGE = new ScriptedChange();

  static ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:mem:change-diagram;DB_CLOSE_DELAY=-1");
    cfg.setJobExecutorActivate(false);
    cfg.setBeans(Map.of("itsmChangeProcess", CHANGE));
    cfg.setEnableCmdExceptionLogging(false);
    return cfg.buildProcessEngine();
  }

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(engine()).build();

  /**
   * camunda-bpm-assert keeps the engine it first found per thread; bind it to this class's engine
   * so the result does not depend on which engine test ran before in the same JVM.
   */
  @BeforeEach
  void bindAssertions() {
    AbstractAssertions.init(extension.getProcessEngine());
  }

  @AfterEach
  void unbindAssertions() {
    AbstractAssertions.reset();
  }

  private static Date inOneDay() {
    return new Date((System.currentTimeMillis() / 1000 + 86_400) * 1000);
  }

  private ProcessInstance start(String number, String type, String approverGroups, Date due) {
    CHANGE.overdue.clear();
    Map<String, Object> vars = new HashMap<>();
    vars.put("changeNumber", number);
    vars.put("changeType", type);
    vars.put("changeManagers", MANAGERS);
    if (approverGroups != null) {
      vars.put("approverGroups", approverGroups);
      vars.put("authorizationDue", due);
    }
    return runtimeService().startProcessInstanceByKey("itsm-change", number, vars);
  }

  private static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return vars;
  }

  private static void submitForAuthorization(ProcessInstance pi, String groups, Date due) {
    complete(task(pi), vars("approverGroups", groups, "authorizationDue", due));
  }

  private static void decide(ProcessInstance pi, boolean authorized) {
    complete(task(pi), vars("authorized", authorized));
  }

  private static void schedule(ProcessInstance pi, String group, String implementer) {
    complete(task(pi), vars("implementerGroup", group, "implementer", implementer));
  }

  private static void recordOutcome(ProcessInstance pi, boolean reviewRequired) {
    complete(task(pi), vars("reviewRequired", reviewRequired));
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void standardChangeIsPreAuthorisedAndGoesStraightToScheduling() {
    ProcessInstance pi = start("CHG0000001", "STANDARD", null, null);

    assertThat(pi).isWaitingAt("Task_ScheduleChange")
        .hasNotPassed("Task_AssessChange", "Task_AuthorizeChange");
    assertThat(task()).hasCandidateGroup(MANAGERS);
    assertThat(job()).isNull();

    schedule(pi, "network-ops", "alice");
    assertThat(pi).isWaitingAt("Task_ImplementChange");
    assertThat(task()).isAssignedTo("alice").hasCandidateGroupAssociated("network-ops");

    recordOutcome(pi, false);
    assertThat(pi).isEnded().hasPassed("EndEvent_ChangeClosed").hasNotPassed("Task_ReviewChange");
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void normalChangeIsAssessedAuthorisedScheduledAndImplemented() {
    ProcessInstance pi = start("CHG0000002", "NORMAL", null, null);
    assertThat(pi).isWaitingAt("Task_AssessChange");
    assertThat(task()).hasCandidateGroup(MANAGERS);
    assertThat(job()).as("no deadline before the assessment").isNull();

    Date due = inOneDay();
    submitForAuthorization(pi, "cab, security", due);
    assertThat(pi).isWaitingAt("Task_AuthorizeChange");
    assertThat(task()).hasCandidateGroup("cab").hasCandidateGroup("security");
    assertThat(job()).as("the authorisation deadline").isNotNull();
    assertThat(job(pi).getDuedate().getTime()).isEqualTo(due.getTime());

    decide(pi, true);
    assertThat(pi).isWaitingAt("Task_ScheduleChange").hasPassed("Gateway_MergeScheduling");
    assertThat(task()).hasCandidateGroup(MANAGERS);
    assertThat(job()).as("the deadline ends with the authorisation").isNull();

    schedule(pi, "network-ops", null);
    assertThat(pi).isWaitingAt("Task_ImplementChange");
    assertThat(task()).isNotAssigned().hasCandidateGroup("network-ops");

    recordOutcome(pi, false);
    assertThat(pi).isEnded().hasPassed("EndEvent_ChangeClosed")
        .hasNotPassed("Task_ReviewChange", "Task_EscalateAuthorization");
    assertThat(CHANGE.overdue).isEmpty();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void normalChangeThatIsNotAuthorisedIsRejected() {
    ProcessInstance pi = start("CHG0000003", "NORMAL", null, null);
    submitForAuthorization(pi, "cab", inOneDay());
    assertThat(pi).isWaitingAt("Task_AuthorizeChange");

    decide(pi, false);

    assertThat(pi).isEnded().hasPassed("EndEvent_ChangeRejected")
        .hasNotPassed("Task_ScheduleChange", "EndEvent_ChangeClosed");
    assertThat(jobQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void emergencyChangeSkipsTheAssessmentAndCanRequireAReview() {
    Date due = inOneDay();
    ProcessInstance pi = start("CHG0000004", "EMERGENCY", "ecab", due);
    assertThat(pi).isWaitingAt("Task_AuthorizeChange").hasNotPassed("Task_AssessChange");
    assertThat(task()).hasCandidateGroup("ecab");
    assertThat(job(pi).getDuedate().getTime()).isEqualTo(due.getTime());

    decide(pi, true);
    schedule(pi, "dba", "bob");
    assertThat(task()).isAssignedTo("bob").hasCandidateGroupAssociated("dba");
    recordOutcome(pi, true);

    assertThat(pi).isWaitingAt("Task_ReviewChange");
    assertThat(task()).hasCandidateGroup(MANAGERS);
    complete(task());
    assertThat(pi).isEnded().hasPassed("Task_ReviewChange", "EndEvent_ChangeClosed");
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void authorisationDeadlineEscalatesAndLeavesTheTaskOpen() {
    ProcessInstance pi = start("CHG0000005", "EMERGENCY", "ecab", inOneDay());
    assertThat(pi).isWaitingAt("Task_AuthorizeChange");
    String authorization = task(pi).getId();

    execute(job(pi));

    assertThat(CHANGE.overdue).containsExactly("CHG0000005");
    assertThat(pi).hasPassed("Task_EscalateAuthorization", "EndEvent_AuthorizationEscalated")
        .isWaitingAt("Task_AuthorizeChange");
    assertThat(task().getId()).isEqualTo(authorization);
    assertThat(job()).as("a date timer fires once").isNull();

    decide(pi, true);
    assertThat(pi).isWaitingAt("Task_ScheduleChange");
    assertThat(CHANGE.overdue).hasSize(1);
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void cancelEndsTheChangeInEveryWaitingStage() {
    record Waiting(String activity, ProcessInstance instance) {}
    List<Waiting> waiting = new ArrayList<>();

    ProcessInstance assessment = start("CHG0000011", "NORMAL", null, null);
    waiting.add(new Waiting("Task_AssessChange", assessment));

    ProcessInstance authorization = start("CHG0000012", "NORMAL", null, null);
    submitForAuthorization(authorization, "cab", inOneDay());
    waiting.add(new Waiting("Task_AuthorizeChange", authorization));

    ProcessInstance escalated = start("CHG0000013", "EMERGENCY", "ecab", inOneDay());
    execute(job(escalated));
    waiting.add(new Waiting("Task_AuthorizeChange", escalated));

    ProcessInstance scheduling = start("CHG0000014", "STANDARD", null, null);
    waiting.add(new Waiting("Task_ScheduleChange", scheduling));

    ProcessInstance implementation = start("CHG0000015", "STANDARD", null, null);
    schedule(implementation, "network-ops", "alice");
    waiting.add(new Waiting("Task_ImplementChange", implementation));

    ProcessInstance review = start("CHG0000016", "STANDARD", null, null);
    schedule(review, "network-ops", null);
    recordOutcome(review, true);
    waiting.add(new Waiting("Task_ReviewChange", review));

    assertThat(waiting).hasSize(6);
    for (Waiting w : waiting) {
      ProcessInstance pi = w.instance();
      assertThat(pi).isWaitingAt(w.activity());
      runtimeService().correlateMessage("itsm.change.cancel", pi.getBusinessKey());
      assertThat(pi).as(pi.getBusinessKey() + " at " + w.activity()).isEnded()
          .hasPassed("StartEvent_CancelRequested", "EndEvent_ChangeCancelled")
          .hasNotPassed("EndEvent_ChangeClosed", "EndEvent_ChangeRejected");
    }
    assertThat(taskQuery().count()).isZero();
    assertThat(jobQuery().count()).as("the pending deadline went with the cancel").isZero();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void stagesAreMarkedForTheLibrary() {
    String definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("itsm-change").singleResult().getId();
    BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition);
    Map<String, String> stages = new LinkedHashMap<>();
    for (CamundaProperty p : model.getModelElementsByType(CamundaProperty.class)) {
      if ("itsm.stage".equals(p.getCamundaName())) {
        BaseElement owner = (BaseElement) p.getParentElement().getParentElement().getParentElement();
        stages.put(p.getCamundaValue(), owner.getId());
      }
    }
    assertThat(stages).containsExactly(
        Map.entry("assessment", "Task_AssessChange"),
        Map.entry("authorization", "Task_AuthorizeChange"),
        Map.entry("scheduling", "Task_ScheduleChange"),
        Map.entry("implementation", "Task_ImplementChange"),
        Map.entry("review", "Task_ReviewChange"));
    Process process = model.getModelElementById("itsm-change");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    assertThat(process.getCamundaVersionTag()).isEqualTo("1.0.0");
    assertThat(model.getModelElementById("Message_Cancel").getAttributeValue("name"))
        .isEqualTo("itsm.change.cancel");
  }
}
