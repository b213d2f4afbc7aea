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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
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
 * The shipped {@code request.bpmn} on its own, with a scripted stand-in for the library's
 * callbacks: every path of the diagram (camunda-bpm-junit5 + camunda-bpm-assert).
 */
class RequestDiagramTest {

  static final String DIAGRAM = "itsm/processes/request.bpmn";
  static final String OWN_PROCESS = "diagrams/laptop-imaging.bpmn";

  /** Stands in for the library's {@code itsmRequestProcess} bean; a task's group is "g" + number. */
  public static final class ScriptedRequest {
    List<List<Integer>> stages = List.of();
    final List<String> calls = new ArrayList<>();

    /** @param execution the execution @return the manager */
    public List<String> approvers(DelegateExecution execution) {
      return List.of("mia");
    }

    /** @param execution the execution @return no group */
    public List<String> approverGroups(DelegateExecution execution) {
      return List.of();
    }

    /** @param execution the execution @return the requester */
    public List<String> recipients(DelegateExecution execution) {
      return List.of("carol");
    }

    /** @param execution the execution @return 1..n */
    public List<Integer> stages(DelegateExecution execution) {
      List<Integer> out = new ArrayList<>();
      for (int i = 1; i <= stages.size(); i++) {
        out.add(i);
      }
      return out;
    }

    /** @param execution the execution of a stage @return its tasks */
    public List<Integer> stageTasks(DelegateExecution execution) {
      int stage = ((Number) execution.getVariable("fulfilmentStage")).intValue();
      return stages.get(stage - 1);
    }

    /** @param execution the execution of a task @return its group */
    public String taskGroup(DelegateExecution execution) {
      return "g" + execution.getVariable("fulfilmentTask");
    }

    /** @param execution the execution */
    public void fulfilled(DelegateExecution execution) {
      calls.add("fulfilled " + execution.getProcessBusinessKey());
    }

    /** @param execution the execution */
    public void closeAutomatically(DelegateExecution execution) {
      calls.add("closeAutomatically " + execution.getProcessBusinessKey());
    }
  }

  static final ScriptedRequest REQUEST = new ScriptedRequest();

  static ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration cfg =
        new StandaloneInMemProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:mem:request-diagram;DB_CLOSE_DELAY=-1");
    cfg.setJobExecutorActivate(false);
    cfg.setBeans(Map.of("itsmRequestProcess", REQUEST));
    cfg.setEnableCmdExceptionLogging(false);
    return cfg.buildProcessEngine();
  }

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(engine()).build();

  /** Binds camunda-bpm-assert to this class's engine (see ChangeDiagramTest). */
  @BeforeEach
  void bindAssertions() {
    AbstractAssertions.init(extension.getProcessEngine());
    REQUEST.calls.clear();
  }

  @AfterEach
  void unbindAssertions() {
    AbstractAssertions.reset();
  }

  private static ProcessInstance start(String number, boolean approval, String ownProcess,
      List<List<Integer>> stages) {
    REQUEST.stages = stages;
    Map<String, Object> vars = new HashMap<>();
    vars.put("requestNumber", number);
    vars.put("itemId", "laptop");
    vars.put("approvalRequired", approval);
    vars.put("ownProcess", ownProcess != null);
    vars.put("fulfilmentProcess", ownProcess);
    vars.put("requestedBy", "carol");
    vars.put("requestedFor", "carol");
    vars.put("autoCloseAfter", "P3D");
    return runtimeService().startProcessInstanceByKey("itsm-request", number, vars);
  }

  private static List<Task> open(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).list();
  }

  private static List<String> groups(List<Task> tasks) {
    return tasks.stream().flatMap(t -> taskService().getIdentityLinksForTask(t.getId()).stream())
        .map(IdentityLink::getGroupId).filter(g -> g != null).sorted().toList();
  }

  private static void completeTask(ProcessInstance pi, int number) {
    Task t = open(pi).stream().filter(x -> Integer.valueOf(number).equals(
        taskService().getVariable(x.getId(), "fulfilmentTask"))).findFirst().orElseThrow();
    complete(t);
  }

  @Test
  @Deployment(resources = {DIAGRAM, OWN_PROCESS})
  void withoutApprovalTheStagesRunOneAfterTheOtherWithTheirTasksAtOnce() {
    ProcessInstance pi = start("REQ0000001", false, null, List.of(List.of(1, 2), List.of(3)));
    assertThat(pi).isWaitingAt("Task_FulfilRequest").hasNotPassed("Task_ApproveRequest");
    assertThat(open(pi)).hasSize(2);
    assertThat(groups(open(pi))).containsExactly("g1", "g2");
    completeTask(pi, 2);
    assertThat(groups(open(pi))).containsExactly("g1");
    completeTask(pi, 1);
    assertThat(groups(open(pi))).as("stage 2").containsExactly("g3");
    completeTask(pi, 3);
    assertThat(pi).isWaitingAt("Task_ConfirmFulfilment");
    assertThat(task()).hasCandidateUser("carol");
    assertThat(job()).as("the auto-close timer").isNotNull();
    complete(task());
    assertThat(pi).isEnded().hasPassed("EndEvent_RequestClosed")
        .hasNotPassed("Task_CloseAutomatically", "CallActivity_ItemProcess");
    assertThat(REQUEST.calls).isEmpty();
  }

  @Test
  @Deployment(resources = {DIAGRAM, OWN_PROCESS})
  void theApproverApprovesOrRejects() {
    ProcessInstance approved = start("REQ0000002", true, null, List.of(List.of(1)));
    assertThat(approved).isWaitingAt("Task_ApproveRequest");
    assertThat(task()).hasCandidateUser("mia");
    complete(task(), Map.of("approved", true));
    assertThat(approved).isWaitingAt("Task_FulfilRequest");

    ProcessInstance rejected = start("REQ0000003", true, null, List.of(List.of(1)));
    complete(task(rejected), Map.of("approved", false));
    assertThat(rejected).isEnded().hasPassed("EndEvent_RequestRejected")
        .hasNotPassed("Task_FulfilRequest");
  }

  @Test
  @Deployment(resources = {DIAGRAM, OWN_PROCESS})
  void anItemsOwnProcessRunsAsACallActivityAndIsRecordedWhenItEnds() {
    ProcessInstance pi = start("REQ0000004", false, "laptop-imaging", List.of());
    assertThat(pi).isWaitingAt("CallActivity_ItemProcess");
    ProcessInstance imaging = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("laptop-imaging").singleResult();
    assertThat(imaging.getBusinessKey()).isEqualTo("REQ0000004");
    assertThat(runtimeService().getVariable(imaging.getId(), "requestNumber"))
        .isEqualTo("REQ0000004");
    complete(task(imaging));
    assertThat(REQUEST.calls).containsExactly("fulfilled REQ0000004");
    assertThat(pi).isWaitingAt("Task_ConfirmFulfilment").hasPassed("Task_RecordFulfilment")
        .hasNotPassed("SubProcess_FulfilmentStages");
  }

  @Test
  @Deployment(resources = {DIAGRAM, OWN_PROCESS})
  void theAutoCloseTimerClosesAnUnconfirmedRequest() {
    ProcessInstance pi = start("REQ0000005", false, null, List.of(List.of(1)));
    completeTask(pi, 1);
    assertThat(pi).isWaitingAt("Task_ConfirmFulfilment");
    execute(job());
    assertThat(REQUEST.calls).containsExactly("closeAutomatically REQ0000005");
    assertThat(pi).isEnded().hasPassed("EndEvent_ClosedAutomatically")
        .hasNotPassed("EndEvent_RequestClosed");
  }

  @Test
  @Deployment(resources = {DIAGRAM, OWN_PROCESS})
  void cancelEndsTheRequestInEveryWaitingStep() {
    record Waiting(String activity, ProcessInstance instance) {}
    List<Waiting> waiting = new ArrayList<>();
    waiting.add(new Waiting("Task_ApproveRequest",
        start("REQ0000011", true, null, List.of(List.of(1)))));
    waiting.add(new Waiting("Task_FulfilRequest",
        start("REQ0000012", false, null, List.of(List.of(1, 2)))));
    waiting.add(new Waiting("CallActivity_ItemProcess",
        start("REQ0000013", false, "laptop-imaging", List.of())));
    ProcessInstance confirming = start("REQ0000014", false, null, List.of(List.of(1)));
    completeTask(confirming, 1);
    waiting.add(new Waiting("Task_ConfirmFulfilment", confirming));

    for (Waiting w : waiting) {
      ProcessInstance pi = w.instance();
      assertThat(pi).isWaitingAt(w.activity());
      runtimeService().correlateMessage("itsm.request.cancel", pi.getBusinessKey());
      assertThat(pi).as(pi.getBusinessKey() + " at " + w.activity()).isEnded()
          .hasPassed("StartEvent_CancelRequested", "EndEvent_RequestCancelled")
          .hasNotPassed("EndEvent_RequestClosed", "EndEvent_RequestRejected");
    }
    assertThat(runtimeService().createProcessInstanceQuery().count())
        .as("the item's own process went with its request").isZero();
    assertThat(taskQuery().count()).isZero();
    assertThat(jobQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = {DIAGRAM, OWN_PROCESS})
  void stagesAreMarkedForTheLibrary() {
    String definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("itsm-request").singleResult().getId();
    BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition);
    Map<String, String> stages = new LinkedHashMap<>();
    for (CamundaProperty p : model.getModelElementsByType(CamundaProperty.class)) {
      if ("itsm.stage".equals(p.getCamundaName())) {
        BaseElement owner =
            (BaseElement) p.getParentElement().getParentElement().getParentElement();
        stages.put(p.getCamundaValue(), owner.getId());
      }
    }
    assertThat(stages).containsExactly(
        Map.entry("approval", "Task_ApproveRequest"),
        Map.entry("fulfilment", "Task_FulfilRequest"),
        Map.entry("confirmation", "Task_ConfirmFulfilment"));
    Process process = model.getModelElementById("itsm-request");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    assertThat(model.getModelElementById("Message_Cancel").getAttributeValue("name"))
        .isEqualTo("itsm.request.cancel");
  }
}
