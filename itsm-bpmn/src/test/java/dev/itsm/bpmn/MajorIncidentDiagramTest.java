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
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
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
 * The shipped {@code major-incident.bpmn} on its own, with a scripted stand-in for the library's
 * callback: every path of the diagram (camunda-bpm-junit5 + camunda-bpm-assert).
 */
class MajorIncidentDiagramTest {

  static final String DIAGRAM = "itsm/processes/major-incident.bpmn";
  static final String MANAGERS = "major-incident-managers";
  static final String WAITING = "Gateway_WaitingFor";
  static final long CADENCE_MILLIS = 30 * 60 * 1000L;

  /** Stands in for the library's {@code itsmMajorIncident} bean; records its calls. */
  public static final class ScriptedMajorIncident {
    final List<String> missed = new ArrayList<>();

    /**
     * Records the call and sets the next due date one cadence after the missed one.
     *
     * @param execution the execution
     */
    public void updateMissed(DelegateExecution execution) {
      missed.add((String) execution.getVariable("incidentNumber"));
      Date due = (Date) execution.getVariable("nextUpdateDue");
      execution.setVariable("nextUpdateDue", new Date(due.getTime() + CADENCE_MILLIS));
    }
  }

  static final ScriptedMajorIncident MAJOR = new ScriptedMajorIncident();

  static ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:mem:major-incident-diagram;DB_CLOSE_DELAY=-1");
    cfg.setJobExecutorActivate(false);
    cfg.setBeans(Map.of("itsmMajorIncident", MAJOR));
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
    MAJOR.missed.clear();
  }

  @AfterEach
  void unbindAssertions() {
    AbstractAssertions.reset();
  }

  /** A due date on a whole second, so it survives the database round trip unchanged. */
  private static Date inMinutes(int minutes) {
    return new Date((System.currentTimeMillis() / 1000 + minutes * 60L) * 1000);
  }

  private ProcessInstance start(String number, String manager, Date nextUpdateDue) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("incidentNumber", number);
    vars.put("majorIncidentManagers", MANAGERS);
    vars.put("majorIncidentManager", manager);
    vars.put("nextUpdateDue", nextUpdateDue);
    return runtimeService().startProcessInstanceByKey("itsm-major-incident", number, vars);
  }

  private static void postUpdate(ProcessInstance pi, Date nextUpdateDue) {
    runtimeService().createMessageCorrelation("itsm.major.update")
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("nextUpdateDue", nextUpdateDue).correlate();
  }

  private static void resolve(ProcessInstance pi) {
    runtimeService().correlateMessage("itsm.major.resolved", pi.getBusinessKey());
  }

  private static long dueMillis(ProcessInstance pi) {
    return job(pi).getDuedate().getTime();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void postedUpdateReArmsTheTimerWithTheNewDueDate() {
    Date due = inMinutes(30);
    ProcessInstance pi = start("INC0000101", null, due);
    assertThat(pi).isWaitingAtExactly(WAITING).hasNotPassed("Event_UpdatePosted");
    assertThat(jobQuery().count()).as("one update timer").isOne();
    assertThat(dueMillis(pi)).isEqualTo(due.getTime());

    Date next = inMinutes(90);
    postUpdate(pi, next);

    assertThat(pi).hasPassed("Event_UpdatePosted", "Gateway_MergeWaiting")
        .isWaitingAtExactly(WAITING).hasNotPassed("Task_EscalateMissedUpdate");
    assertThat(jobQuery().count()).as("the old timer went with the update").isOne();
    assertThat(dueMillis(pi)).isEqualTo(next.getTime());
    assertThat(taskQuery().count()).isZero();
    assertThat(MAJOR.missed).isEmpty();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void missedUpdatesAreEscalatedEachTimeAndTheCadenceGoesOn() {
    Date due = inMinutes(30);
    ProcessInstance pi = start("INC0000102", null, due);

    execute(job(pi));

    assertThat(MAJOR.missed).containsExactly("INC0000102");
    assertThat(pi).hasPassed("Event_UpdateDue", "Task_EscalateMissedUpdate")
        .isWaitingAtExactly(WAITING);
    assertThat(jobQuery().count()).isOne();
    assertThat(dueMillis(pi)).isEqualTo(due.getTime() + CADENCE_MILLIS);

    execute(job(pi));

    assertThat(MAJOR.missed).containsExactly("INC0000102", "INC0000102");
    assertThat(pi).isWaitingAtExactly(WAITING).hasNotPassed("Task_PostIncidentReview");
    assertThat(jobQuery().count()).isOne();
    assertThat(dueMillis(pi)).isEqualTo(due.getTime() + 2 * CADENCE_MILLIS);
    assertThat(taskQuery().count()).isZero();

    Date next = inMinutes(240);
    postUpdate(pi, next);
    assertThat(pi).isWaitingAtExactly(WAITING);
    assertThat(dueMillis(pi)).isEqualTo(next.getTime());
    assertThat(MAJOR.missed).hasSize(2);
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void resolvedMajorIncidentIsReviewedAndEnds() {
    ProcessInstance pi = start("INC0000103", null, inMinutes(30));

    resolve(pi);

    assertThat(pi).hasPassed("Event_MajorIncidentResolved")
        .isWaitingAtExactly("Task_PostIncidentReview");
    assertThat(task(pi)).isNotAssigned().hasCandidateGroup(MANAGERS);
    assertThat(jobQuery().count()).as("no update cadence during the review").isZero();

    complete(task(pi));

    assertThat(pi).isEnded().hasPassedInOrder(
            "StartEvent_PromotedToMajor", "Gateway_MergeWaiting", WAITING,
            "Event_MajorIncidentResolved", "Task_PostIncidentReview", "EndEvent_ReviewDone")
        .hasNotPassed("Task_EscalateMissedUpdate", "EndEvent_MajorIncidentCancelled");
    assertThat(MAJOR.missed).isEmpty();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void reviewGoesToTheMajorIncidentManagerWhenThereIsOne() {
    ProcessInstance pi = start("INC0000104", "dave", inMinutes(30));
    postUpdate(pi, inMinutes(60));
    execute(job(pi));

    resolve(pi);

    assertThat(pi).isWaitingAtExactly("Task_PostIncidentReview");
    assertThat(task(pi)).isAssignedTo("dave").hasCandidateGroupAssociated(MANAGERS);
    complete(task(pi));
    assertThat(pi).isEnded().hasPassed("Event_UpdatePosted", "Task_EscalateMissedUpdate",
        "EndEvent_ReviewDone");
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void cancelEndsTheMajorIncidentWhileWaitingAndDuringTheReview() {
    record Waiting(String activity, ProcessInstance instance) {}
    List<Waiting> waiting = new ArrayList<>();

    ProcessInstance promoted = start("INC0000111", null, inMinutes(30));
    waiting.add(new Waiting(WAITING, promoted));

    ProcessInstance updated = start("INC0000112", null, inMinutes(30));
    postUpdate(updated, inMinutes(60));
    waiting.add(new Waiting(WAITING, updated));

    ProcessInstance escalated = start("INC0000113", null, inMinutes(30));
    execute(job(escalated));
    waiting.add(new Waiting(WAITING, escalated));

    ProcessInstance review = start("INC0000114", "dave", inMinutes(30));
    resolve(review);
    waiting.add(new Waiting("Task_PostIncidentReview", review));

    assertThat(waiting).hasSize(4);
    for (Waiting w : waiting) {
      ProcessInstance pi = w.instance();
      assertThat(pi).isWaitingAtExactly(w.activity());
      runtimeService().correlateMessage("itsm.major.cancel", pi.getBusinessKey());
      assertThat(pi).as(pi.getBusinessKey() + " at " + w.activity()).isEnded()
          .hasPassed("StartEvent_CancelRequested", "EndEvent_MajorIncidentCancelled")
          .hasNotPassed("EndEvent_ReviewDone");
    }
    assertThat(taskQuery().count()).isZero();
    assertThat(jobQuery().count()).as("the pending update timers went with the cancel").isZero();
    assertThat(runtimeService().createEventSubscriptionQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void stagesAreMarkedForTheLibrary() {
    String definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("itsm-major-incident").singleResult().getId();
    BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition);
    Map<String, String> stages = new LinkedHashMap<>();
    for (CamundaProperty p : model.getModelElementsByType(CamundaProperty.class)) {
      if ("itsm.stage".equals(p.getCamundaName())) {
        BaseElement owner = (BaseElement) p.getParentElement().getParentElement().getParentElement();
        stages.put(p.getCamundaValue(), owner.getId());
      }
    }
    assertThat(stages).containsExactly(
        Map.entry("cadence", WAITING),
        Map.entry("review", "Task_PostIncidentReview"));
    Process process = model.getModelElementById("itsm-major-incident");
    assertThat(process.getName()).isEqualTo("Major incident");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    assertThat(process.getCamundaVersionTag()).isEqualTo("1.0.0");
    assertThat(model.getModelElementById("Message_Update").getAttributeValue("name"))
        .isEqualTo("itsm.major.update");
    assertThat(model.getModelElementById("Message_Resolved").getAttributeValue("name"))
        .isEqualTo("itsm.major.resolved");
    assertThat(model.getModelElementById("Message_Cancel").getAttributeValue("name"))
        .isEqualTo("itsm.major.cancel");
  }
}
