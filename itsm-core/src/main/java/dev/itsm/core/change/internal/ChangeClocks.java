package dev.itsm.core.change.internal;

import static dev.itsm.core.sla.TargetKind.RESOLUTION;
import static dev.itsm.core.sla.TargetKind.RESPONSE;

import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeAction;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.sla.internal.EscalationHandler;

/**
 * Runs a change's service-level clocks where targets for the process {@value #PROCESS} are
 * configured: RESPONSE measures authorisation (from submission, or creation of an emergency
 * change, until authorised), RESOLUTION the whole change (from creation until closed). Rejected
 * and cancelled changes cancel their clocks. Targets select by service (the change's first), the
 * requester as customer, and the implementer group. Internal: no compatibility guarantees.
 */
public final class ChangeClocks implements ChangeWorkflow {

  /** The process name of change targets: {@code ServiceLevelTarget...process("change")}. */
  public static final String PROCESS = "change";

  private final DefaultServiceLevelService sla;

  /** @param sla the service level service */
  public ChangeClocks(DefaultServiceLevelService sla) {
    this.sla = sla;
  }

  @Override
  public void started(Change c) {
    start(c, RESOLUTION);
    if (c.state() == ChangeState.AUTHORIZATION) {
      start(c, RESPONSE);
    }
  }

  private void start(Change c, TargetKind kind) {
    sla.start(c.tenant(), PROCESS, c.number(), kind, null, c.services().isEmpty() ? null : c.services().get(0),
        c.requester(), c.implementerGroup(), true, null);
  }

  @Override
  public void changed(ChangeAction action, Change before, Change after) {
    if (action == ChangeAction.SUBMIT_FOR_AUTHORIZATION) {
      start(after, RESPONSE);
    } else if (after.state() == ChangeState.AUTHORIZED && before.state() != after.state()) {
      sla.achieve(after.number(), RESPONSE);
    } else if (after.state() == ChangeState.CLOSED && before.state() != after.state()) {
      sla.achieve(after.number(), RESOLUTION);
    } else if ((after.state() == ChangeState.REJECTED || after.state() == ChangeState.CANCELLED)
        && before.state() != after.state()) {
      sla.cancelAll(after.number());
    }
  }

  @Override
  public void escalated(Change change) {}

  /**
   * @param service the change service
   * @return what change clocks' thresholds do: a breach goes on the change's timeline; reassign
   *     and raise-priority escalations do not apply to changes and are logged
   */
  public static EscalationHandler escalations(DefaultChangeService service) {
    return EscalationHandler.breachesOnly("changes",
        (number, kind) -> service.serviceLevelMissed(number, kind.name()));
  }
}
