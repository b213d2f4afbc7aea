package dev.itsm.bpmn.internal;

import dev.itsm.core.major.internal.DefaultMajorIncidentService;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bean {@code itsmMajorIncident} that {@code major-incident.bpmn} calls when a stakeholder
 * update fell due unposted: {@code ${itsmMajorIncident.updateMissed(execution)}}. Sets
 * {@code nextUpdateDue} for the re-armed timer.
 */
public final class MajorIncidentCallbacks {

  /** The bean name. */
  public static final String BEAN = "itsmMajorIncident";

  private volatile DefaultMajorIncidentService service;

  /** @param service the service, set once the engine is built */
  public void bind(DefaultMajorIncidentService service) {
    this.service = service;
  }

  /** @param execution the execution */
  public void updateMissed(DelegateExecution execution) {
    Instant next = service.updateMissed(execution.getProcessBusinessKey());
    // far away when no update is due any more: the process waits for the resolution message
    execution.setVariable("nextUpdateDue", Date.from(next != null ? next
        : Instant.now().plusSeconds(3650L * 24 * 3600)));
  }
}
