package dev.itsm.core.incident.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.ChangeIncidentPriority;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentAction;
import dev.itsm.core.incident.IncidentLifecycle;
import dev.itsm.core.incident.ServiceTarget;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.sla.internal.EscalationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What service-level thresholds do to incidents: reassign, raise the priority, record a missed
 * target on the record. Runs as the system actor inside the clock's transaction. Internal: no
 * compatibility guarantees.
 */
public final class IncidentEscalations implements EscalationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentEscalations.class);

  private final DefaultIncidentService incidents;

  /** @param incidents the incident service */
  public IncidentEscalations(DefaultIncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void reassign(String number, String group) {
    Incident i = incidents.get(Actor.system(), number);
    if (!IncidentLifecycle.isAllowed(i.state(), IncidentAction.ASSIGN)
        || group.equals(i.assignmentGroup())) {
      LOG.debug("{}: escalation to {} skipped ({})", number, group, i.state());
      return;
    }
    incidents.assign(Actor.system(i.tenant()), new AssignIncident(number, group, null));
  }

  @Override
  public void raisePriority(String number) {
    Incident i = incidents.get(Actor.system(), number);
    if (!IncidentLifecycle.isAllowed(i.state(), IncidentAction.REPRIORITIZE)) {
      return;
    }
    Urgency urgency = i.urgency();
    Impact impact = i.impact();
    if (urgency != Urgency.HIGH) {
      urgency = Urgency.ofLevel(urgency.level() - 1);
    } else if (impact != Impact.HIGH) {
      impact = Impact.ofLevel(impact.level() - 1);
    } else {
      return;
    }
    incidents.reprioritize(Actor.system(i.tenant()), new ChangeIncidentPriority(number, impact,
        urgency,
        "escalated by the service-level clock"));
  }

  @Override
  public void breached(String number, TargetKind kind) {
    if (kind == TargetKind.RESPONSE) {
      incidents.targetMissed(number, ServiceTarget.RESPONSE);
    } else if (kind == TargetKind.RESOLUTION) {
      incidents.targetMissed(number, ServiceTarget.RESOLUTION);
    }
  }
}
