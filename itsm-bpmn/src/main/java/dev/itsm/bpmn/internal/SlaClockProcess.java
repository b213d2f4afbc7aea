package dev.itsm.bpmn.internal;

import dev.itsm.core.ItsmException;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.sla.internal.SlaClockWorkflow;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Drives {@code sla-clock.bpmn}: one process instance per clock (business key = clock id) whose
 * timer falls due at the clock's next threshold, and the bean {@code itsmServiceLevels} its
 * service task calls. A change to the clock whose threshold is being fired (an escalation that
 * re-targets or stops it) is handed back to that process through its variables instead of a
 * message, since the instance is busy executing.
 */
public final class SlaClockProcess implements SlaClockWorkflow {

  /** Process definition key. */
  public static final String KEY = "itsm-sla-clock";
  /** Name of the callback bean. */
  public static final String CALLBACK_BEAN = "itsmServiceLevels";
  static final String MSG_CHANGED = "itsm.sla.changed";
  static final String MSG_STOPPED = "itsm.sla.stopped";
  static final String VAR_NEXT = "nextThresholdAt";
  static final String VAR_STOPPED = "clockStopped";

  /** The clock whose threshold is firing on this thread, and what happened to it meanwhile. */
  private static final class Firing {
    final String clockId;
    boolean stopped;

    Firing(String clockId) {
      this.clockId = clockId;
    }
  }

  private final ThreadLocal<Firing> firing = new ThreadLocal<>();
  private volatile ProcessEngine engine;
  private volatile DefaultServiceLevelService service;

  /**
   * Connects the bean once the engine and the service exist (the bean must be registered before
   * the engine is built).
   *
   * @param processEngine the process engine
   * @param levels the service level service
   */
  public void bind(ProcessEngine processEngine, DefaultServiceLevelService levels) {
    this.engine = processEngine;
    this.service = levels;
  }

  @Override
  public void started(SlaClock clock, Instant nextThresholdAt) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("clockId", clock.id());
    vars.put("recordNumber", clock.recordNumber());
    vars.put(VAR_NEXT, date(nextThresholdAt));
    vars.put(VAR_STOPPED, Boolean.FALSE);
    // TODO(issue 10, lead): SlaClock carries no tenant yet; every clock runs on the deployment
    // without tenant (with tenants declared the key alone is ambiguous)
    ProcessDriver.instanceOf(engine, KEY, dev.itsm.core.Actor.DEFAULT_TENANT)
        .businessKey(clock.id()).setVariables(vars).execute();
  }

  @Override
  public void changed(SlaClock clock, Instant nextThresholdAt) {
    if (isFiring(clock)) {
      return; // the firing service task reads the clock again when it finishes
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_NEXT, date(nextThresholdAt));
    correlate(clock, MSG_CHANGED, vars);
  }

  @Override
  public void stopped(SlaClock clock) {
    if (isFiring(clock)) {
      firing.get().stopped = true;
      return;
    }
    correlate(clock, MSG_STOPPED, Map.of());
  }

  private boolean isFiring(SlaClock clock) {
    Firing f = firing.get();
    return f != null && f.clockId.equals(clock.id());
  }

  private void correlate(SlaClock clock, String message, Map<String, Object> vars) {
    try {
      engine.getRuntimeService().createMessageCorrelation(message)
          .processInstanceBusinessKey(clock.id()).setVariables(vars).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ItsmException("ITSM-PROCESS-OUT-OF-STEP", "The process of service-level clock "
          + clock.id() + " (" + clock.targetName() + " of " + clock.recordNumber()
          + ") does not wait for " + message + "; nothing was changed. It was probably modified"
          + " or deleted outside the ITSM API.");
    }
  }

  /**
   * Called by the clock process's "Fire threshold" task.
   *
   * @param execution the execution
   */
  public void thresholdDue(DelegateExecution execution) {
    String clockId = execution.getProcessBusinessKey();
    Firing f = new Firing(clockId);
    firing.set(f);
    Instant next;
    try {
      next = service.thresholdDue(clockId);
    } finally {
      firing.remove();
    }
    execution.setVariable(VAR_STOPPED, f.stopped);
    execution.setVariable(VAR_NEXT, f.stopped ? null : date(next));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
