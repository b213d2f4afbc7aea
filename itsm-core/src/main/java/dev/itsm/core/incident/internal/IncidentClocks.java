package dev.itsm.core.incident.internal;

import static dev.itsm.core.sla.TargetKind.OPERATIONAL;
import static dev.itsm.core.sla.TargetKind.RESOLUTION;
import static dev.itsm.core.sla.TargetKind.RESPONSE;

import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentAction;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import java.time.Instant;
import java.util.Objects;

/**
 * Runs an incident's service-level clocks along with its lifecycle: response (NEW until
 * acknowledged), resolution (until resolved; paused on hold for the pausing hold reasons;
 * continued on reopen), and the operational clock of the assignment group holding it. Internal:
 * no compatibility guarantees.
 */
public final class IncidentClocks implements IncidentWorkflow {

  static final String PROCESS = "incident";

  private final DefaultServiceLevelService sla;

  /** @param sla the service level service */
  public IncidentClocks(DefaultServiceLevelService sla) {
    this.sla = sla;
  }

  /**
   * @param sla the service level service
   * @return due dates taken from the service level targets and calendars
   */
  public static DueDates dueDates(DefaultServiceLevelService sla) {
    return (kind, i, start) -> sla.dueAt(PROCESS, kind, i.priority(), i.service(), i.caller(),
        i.assignmentGroup(), start);
  }

  @Override
  public void started(Incident i) {
    Instant opened = i.milestones().openedAt();
    start(i, RESPONSE, opened);
    start(i, RESOLUTION, opened);
    start(i, OPERATIONAL, opened);
  }

  private void start(Incident i, TargetKind kind, Instant at) {
    sla.start(i.tenant(), PROCESS, i.number(), kind, i.priority(), i.service(), i.caller(),
        i.assignmentGroup(), !paused(i), at);
  }

  private boolean paused(Incident i) {
    return i.state() == IncidentState.ON_HOLD
        && sla.levels().pausingHoldReasons().contains(i.holdReason());
  }

  @Override
  public void changed(IncidentAction action, Incident before, Incident after) {
    String n = after.number();
    switch (action) {
      case ACKNOWLEDGE -> sla.achieve(n, RESPONSE);
      case PUT_ON_HOLD -> {
        if (paused(after)) {
          sla.pause(n, "on hold: " + after.holdReason(), RESOLUTION, OPERATIONAL);
        }
      }
      case RESUME -> sla.resume(n, "resumed", RESOLUTION, OPERATIONAL);
      case RESOLVE -> sla.achieve(n, RESOLUTION, OPERATIONAL);
      case REOPEN -> {
        sla.continueOrStart(after.tenant(), PROCESS, n, RESOLUTION, after.priority(),
            after.service(), after.caller(), after.assignmentGroup());
        start(after, OPERATIONAL, null);
      }
      case ASSIGN -> {
        if (!Objects.equals(before.assignmentGroup(), after.assignmentGroup())) {
          sla.achieve(n, OPERATIONAL);
          start(after, OPERATIONAL, null);
        }
      }
      case REPRIORITIZE -> sla.retarget(PROCESS, n, after.priority(), after.service(),
          after.caller(), after.assignmentGroup(), RESPONSE, RESOLUTION, OPERATIONAL);
      case CLOSE, CANCEL -> sla.cancelAll(n);
      case ADD_WORK_NOTE -> { }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
  }
}
