package dev.itsm.bpmn.internal;

import dev.itsm.core.incident.internal.DefaultIncidentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code itsmIncidentProcess} that {@code incident.bpmn}'s service tasks call, e.g.
 * {@code ${itsmIncidentProcess.closeAutomatically(execution)}}. Runs inside the job's command, so
 * the record change commits with the process step.
 */
public final class IncidentProcessCallbacks {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentProcessCallbacks.class);

  private volatile DefaultIncidentService service;

  /** @param service the incident service, set once the engine is built */
  public void bind(DefaultIncidentService service) {
    this.service = service;
  }

  /**
   * The auto-close period of a resolved incident elapsed.
   *
   * @param execution the execution
   */
  public void closeAutomatically(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (service.closeAutomatically(number)) {
      LOG.info("{}: closed automatically", number);
    }
  }
}
