package dev.itsm.bpmn.internal;

import dev.itsm.core.change.internal.DefaultChangeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean {@code itsmChangeProcess} that {@code change.bpmn} calls:
 * {@code ${itsmChangeProcess.authorizationOverdue(execution)}} when the authorisation deadline
 * timer fires. Runs inside the job's command, so the record change commits with the process step.
 */
public final class ChangeProcessCallbacks {

  private volatile DefaultChangeService service;

  /** @param service the change service, set once the engine is built */
  public void bind(DefaultChangeService service) {
    this.service = service;
  }

  /**
   * The authorisation deadline passed.
   *
   * @param execution the execution
   */
  public void authorizationOverdue(DelegateExecution execution) {
    service.authorizationOverdue(execution.getProcessBusinessKey());
  }
}
