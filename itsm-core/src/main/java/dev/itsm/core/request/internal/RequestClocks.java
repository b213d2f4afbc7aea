package dev.itsm.core.request.internal;

import static dev.itsm.core.sla.TargetKind.RESOLUTION;
import static dev.itsm.core.sla.TargetKind.RESPONSE;

import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestAction;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.sla.ServiceLevelTarget;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.sla.internal.EscalationHandler;
import java.util.function.Function;

/**
 * Runs a request's service-level clocks. RESOLUTION measures fulfilment, from submission until
 * FULFILLED: against the item version's own target when it has one, else against a target for the
 * process {@value #PROCESS} (selected with the item id as the service and the requester as the
 * customer). RESPONSE measures approval, from submission until decided, where a target for the
 * process is configured. Rejected and cancelled requests cancel their clocks. Internal: no
 * compatibility guarantees.
 */
public final class RequestClocks implements RequestWorkflow {

  /** The process name of request targets: {@code ServiceLevelTarget...process("request")}. */
  public static final String PROCESS = "request";

  private final DefaultServiceLevelService sla;
  private final Function<Request, CatalogItem> items;

  /**
   * @param sla the service level service
   * @param items finds the version of the catalog item a request was made with (in its tenant)
   */
  public RequestClocks(DefaultServiceLevelService sla, Function<Request, CatalogItem> items) {
    this.sla = sla;
    this.items = items;
  }

  @Override
  public void started(Request r) {
    CatalogItem item = items.apply(r);
    if (item.serviceLevelTarget() != null) {
      sla.start(r.tenant(), PROCESS, r.number(), ServiceLevelTarget.resolution(item.name() + " fulfilment")
          .process(PROCESS).service(item.id()).within(item.serviceLevelTarget())
          .calendar(item.serviceLevelCalendar()).build(), r.submittedAt());
    } else {
      start(r, RESOLUTION);
    }
    if (r.state() == RequestState.AWAITING_APPROVAL) {
      start(r, RESPONSE);
    }
  }

  private void start(Request r, TargetKind kind) {
    sla.start(r.tenant(), PROCESS, r.number(), kind, null, r.item(), r.requestedBy(), null, true,
        r.submittedAt());
  }

  @Override
  public void changed(RequestAction action, Request before, Request after) {
    if (before.state() == after.state()) {
      return;
    }
    switch (after.state()) {
      case APPROVED, IN_FULFILMENT -> {
        if (before.state() == RequestState.AWAITING_APPROVAL) {
          sla.achieve(after.number(), RESPONSE);
        }
      }
      case FULFILLED -> sla.achieve(after.number(), RESOLUTION);
      case REJECTED, CANCELLED -> sla.cancelAll(after.number());
      default -> { }
    }
  }

  @Override
  public void fulfilled(Request before, Request after) {
    sla.achieve(after.number(), RESOLUTION);
  }

  /**
   * @param service the request service
   * @return what request clocks' thresholds do: a breach goes on the request's timeline; reassign
   *     and raise-priority escalations do not apply to requests and are logged
   */
  public static EscalationHandler escalations(DefaultRequestService service) {
    return EscalationHandler.breachesOnly("requests",
        (number, kind) -> service.serviceLevelMissed(number, kind.name()));
  }
}
