package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * The shipped {@code problem.bpmn} on its own: every path of the diagram (camunda-bpm-junit5 +
 * camunda-bpm-assert). The diagram calls no bean, so the engine needs no stand-in.
 */
class ProblemDiagramTest {

  static final String DIAGRAM = "itsm/processes/problem.bpmn";
  static final String MANAGERS = "problem-managers";

  /** The four stages in order, each waiting at one user task. */
  static final List<String> STAGES = List.of(
      "Task_AssessProblem", "Task_AnalyseRootCause", "Task_FixProblem", "Task_CloseProblem");

  static ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:mem:problem-diagram;DB_CLOSE_DELAY=-1");
    cfg.setJobExecutorActivate(false);
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

  private ProcessInstance start(String number, String manager) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("problemNumber", number);
    vars.put("problemManagers", MANAGERS);
    vars.put("problemManager", manager);
    return runtimeService().startProcessInstanceByKey("itsm-problem", number, vars);
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void unassignedProblemGoesThroughEveryStageToClosed() {
    ProcessInstance pi = start("PRB0000001", null);

    for (int i = 0; i < STAGES.size(); i++) {
      String stage = STAGES.get(i);
      assertThat(pi).isWaitingAtExactly(stage);
      assertThat(task(pi)).hasDefinitionKey(stage).isNotAssigned().hasCandidateGroup(MANAGERS);
      assertThat(pi).hasNotPassed(STAGES.subList(i, STAGES.size()).toArray(String[]::new));
      complete(task(pi));
    }

    assertThat(pi).isEnded().hasPassedInOrder(
            "StartEvent_ProblemLogged", "Task_AssessProblem", "Task_AnalyseRootCause",
            "Task_FixProblem", "Task_CloseProblem", "EndEvent_ProblemClosed")
        .hasNotPassed("StartEvent_CancelRequested", "EndEvent_ProblemCancelled");
    assertThat(jobQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void assignedProblemKeepsItsManagerOnEveryTask() {
    ProcessInstance pi = start("PRB0000002", "carol");

    for (String stage : STAGES) {
      assertThat(pi).isWaitingAtExactly(stage);
      assertThat(task(pi)).isAssignedTo("carol").hasCandidateGroupAssociated(MANAGERS);
      complete(task(pi));
    }

    assertThat(pi).isEnded().hasPassed("EndEvent_ProblemClosed");
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void cancelEndsTheProblemInEveryStage() {
    record Waiting(String activity, ProcessInstance instance) {}
    List<Waiting> waiting = new ArrayList<>();
    for (int i = 0; i < STAGES.size(); i++) {
      ProcessInstance pi = start("PRB00000" + (11 + i), i % 2 == 0 ? null : "carol");
      for (int done = 0; done < i; done++) {
        complete(task(pi));
      }
      waiting.add(new Waiting(STAGES.get(i), pi));
    }

    assertThat(waiting).hasSize(4);
    for (Waiting w : waiting) {
      ProcessInstance pi = w.instance();
      assertThat(pi).isWaitingAtExactly(w.activity());
      runtimeService().correlateMessage("itsm.problem.cancel", pi.getBusinessKey());
      assertThat(pi).as(pi.getBusinessKey() + " at " + w.activity()).isEnded()
          .hasPassed("StartEvent_CancelRequested", "EndEvent_ProblemCancelled")
          .hasNotPassed("EndEvent_ProblemClosed");
    }
    assertThat(taskQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = DIAGRAM)
  void stagesAreMarkedForTheLibrary() {
    String definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("itsm-problem").singleResult().getId();
    BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition);
    Map<String, String> stages = new LinkedHashMap<>();
    for (CamundaProperty p : model.getModelElementsByType(CamundaProperty.class)) {
      if ("itsm.stage".equals(p.getCamundaName())) {
        BaseElement owner = (BaseElement) p.getParentElement().getParentElement().getParentElement();
        stages.put(p.getCamundaValue(), owner.getId());
      }
    }
    assertThat(stages).containsExactly(
        Map.entry("assessment", "Task_AssessProblem"),
        Map.entry("analysis", "Task_AnalyseRootCause"),
        Map.entry("fix", "Task_FixProblem"),
        Map.entry("closure", "Task_CloseProblem"));
    Process process = model.getModelElementById("itsm-problem");
    assertThat(process.getName()).isEqualTo("Problem management");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    assertThat(process.getCamundaVersionTag()).isEqualTo("1.0.0");
    assertThat(model.getModelElementById("Message_Cancel").getAttributeValue("name"))
        .isEqualTo("itsm.problem.cancel");
  }
}
