package dev.itsm.core.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Service request KPIs for a {@link MetricsQuery}. Wall-clock time throughout: the request's
 * service-level clocks (business time against the item's target) are reported under service
 * levels. No {@link MetricsFilter} dimension applies to requests (catalog items have no service or
 * category, requests no priority, and fulfilment groups belong to tasks, not requests): the
 * figures are the same with or without a filter.
 *
 * @param volumeByItem per catalog item, the requests submitted in the period ({@code submittedAt}
 *     in it); items without such requests are left out; most requests first, then by item id
 * @param submitted requests submitted in the period (the sum of {@code volumeByItem})
 * @param fulfilled requests fulfilled in the period ({@code fulfilledAt} in it)
 * @param meanFulfilmentTime mean of {@code fulfilledAt − submittedAt} over the requests fulfilled
 *     in the period, {@code null} when none
 * @param decided requests with an approval (not {@code NONE}) approved or rejected in the period
 *     (the decision's instant, {@code approvedAt} or {@code rejectedAt}, in it)
 * @param meanApprovalTurnaround mean of {@code decision − submittedAt} over the decided requests,
 *     {@code null} when none; requests without approval are not counted
 * @param rejected the rejected requests of the decided ones
 */
public record RequestMetrics(List<ItemVolume> volumeByItem, long submitted, long fulfilled,
    Duration meanFulfilmentTime, long decided, Duration meanApprovalTurnaround, Ratio rejected)
    implements MetricsSection {

  /** Copies the list. */
  public RequestMetrics {
    volumeByItem = List.copyOf(volumeByItem);
  }

  @Override
  public String practice() {
    return "Service requests";
  }

  @Override
  public List<Figure> figures() {
    List<Figure> out = new ArrayList<>();
    out.add(new Figure("Submitted", Long.toString(submitted),
        "requests submitted in the period"));
    for (ItemVolume v : volumeByItem) {
      out.add(new Figure("Submitted: " + v.itemName() + " (" + v.itemId() + ")",
          Long.toString(v.submitted()), "requests for this catalog item submitted in the period"));
    }
    out.add(new Figure("Fulfilled", Long.toString(fulfilled), "requests fulfilled in the period"));
    out.add(new Figure("Mean fulfilment time", Durations.format(meanFulfilmentTime),
        "submitted to fulfilled (wall-clock), requests fulfilled in the period"));
    out.add(new Figure("Approval turnaround", Durations.format(meanApprovalTurnaround),
        "mean of submitted to approved or rejected (wall-clock), requests decided in the period;"
            + " requests without approval excluded"));
    out.add(new Figure("Rejected share", rejected.toString(),
        "rejected of the requests approved or rejected in the period"));
    return out;
  }
}
