package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped {@code sla-clock.bpmn} on its own, with a scripted stand-in for the library's
 * callback: every path of the diagram (camunda-bpm-junit5 + camunda-bpm-assert).
 */
class SlaClockDiagramTest {

  /** Stands in for the library's {@code itsmServiceLevels} bean; returns scripted answers. */
  public static final class ScriptedClock {
    final List<Date> answers = new ArrayList<>();
    boolean stopNext;
    int calls;

    /** @param execution the execution */
    public void thresholdDue(DelegateExecution execution) {
      calls++;
      execution.setVariable("clockStopped", stopNext);
      execution.setVariable("nextThresholdAt", answers.isEmpty() ? null : answers.remove(0));
    }
  }

  static final ScriptedClock CLOCK = new ScriptedClock();

  static ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:mem:sla-clock-diagram;DB_CLOSE_DELAY=-1");
    cfg.setJobExecutorActivate(false);
    cfg.setBeans(Map.of("itsmServiceLevels", CLOCK));
    cfg.setEnableCmdExceptionLogging(false);
    return cfg.buildProcessEngine();
  }

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(engine()).build();

  private ProcessInstance start(Date next) {
    CLOCK.answers.clear();
    CLOCK.stopNext = false;
    CLOCK.calls = 0;
    Map<String, Object> vars = new HashMap<>();
    vars.put("clockId", "c-1");
    vars.put("recordNumber", "INC0000001");
    vars.put("nextThresholdAt", next);
    vars.put("clockStopped", false);
    return runtimeService().startProcessInstanceByKey("itsm-sla-clock", "c-1", vars);
  }

  @Test
  @Deployment(resources = "itsm/processes/sla-clock.bpmn")
  void pendingThresholdWaitsOnTheTimerAndLoopsAfterFiring() {
    ProcessInstance pi = start(new Date(0));
    assertThat(pi).isWaitingAt("Gateway_WaitForThreshold");
    CLOCK.answers.add(new Date(System.currentTimeMillis() + 3_600_000));

    execute(job());

    assertThat(CLOCK.calls).isOne();
    assertThat(pi).hasPassed("Task_FireThreshold").isWaitingAt("Gateway_WaitForThreshold");
    assertThat(job().getDuedate()).isAfter(new Date());
  }

  @Test
  @Deployment(resources = "itsm/processes/sla-clock.bpmn")
  void noPendingThresholdWaitsForAChangeWithoutATimer() {
    ProcessInstance pi = start(null);
    assertThat(pi).isWaitingAt("Gateway_WaitForChange");
    assertThat(job()).isNull();

    runtimeService().createMessageCorrelation("itsm.sla.changed").processInstanceBusinessKey("c-1")
        .setVariable("nextThresholdAt", new Date(0)).correlate();
    assertThat(pi).isWaitingAt("Gateway_WaitForThreshold");
  }

  @Test
  @Deployment(resources = "itsm/processes/sla-clock.bpmn")
  void stopEndsTheClockFromEitherWait() {
    ProcessInstance waitingForTimer = start(new Date(0));
    runtimeService().correlateMessage("itsm.sla.stopped", "c-1");
    assertThat(waitingForTimer).isEnded().hasPassed("Event_StoppedWhileWaiting");

    ProcessInstance waitingForChange = start(null);
    runtimeService().correlateMessage("itsm.sla.stopped", "c-1");
    assertThat(waitingForChange).isEnded().hasPassed("Event_Stopped");
  }

  @Test
  @Deployment(resources = "itsm/processes/sla-clock.bpmn")
  void aClockStoppedByItsOwnEscalationEnds() {
    ProcessInstance pi = start(new Date(0));
    assertThat(pi).isWaitingAt("Gateway_WaitForThreshold");
    CLOCK.stopNext = true;

    execute(job());

    assertThat(pi).isEnded().hasPassed("Task_FireThreshold", "EndEvent_ClockStopped");
  }
}
