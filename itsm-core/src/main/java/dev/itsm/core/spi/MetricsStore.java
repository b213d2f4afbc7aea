package dev.itsm.core.spi;

import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.metrics.MetricsQuery;
import dev.itsm.core.sla.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Read-only access to the records the KPIs are computed from ({@code MetricsService}). A store
 * applies the query's {@link dev.itsm.core.metrics.MetricsFilter} (see its table of dimensions)
 * and returns one small fact per record that may count for the period, with the per-record
 * aggregates already done (first assigned group from the audit trail, business time from the
 * resolution clock, links); the service computes counts, shares, means and percentiles from
 * them, so every store yields the same definitions. Runs in the caller's transaction.
 */
public interface MetricsStore {

  /**
   * An incident as the KPIs see it.
   *
   * @param number its number
   * @param priority its priority name
   * @param assignmentGroup its current group, or {@code null}
   * @param firstGroup its first assigned group from the audit trail (see
   *     {@code IncidentMetrics.firstGroupResolution}), or {@code null} when it never had one
   * @param openedAt opened
   * @param resolvedAt latest resolution, or {@code null}
   * @param cancelledAt cancelled, or {@code null}
   * @param reassignmentCount moves to another group
   * @param reopenCount reopens
   * @param resolutionBusinessTime accumulated time of its achieved or breached resolution clock
   *     (the longest if several), or {@code null} when it has none
   * @param linkedToProblem linked to at least one problem
   */
  record IncidentFact(String number, String priority, String assignmentGroup, String firstGroup,
      Instant openedAt, Instant resolvedAt, Instant cancelledAt, int reassignmentCount,
      int reopenCount, Duration resolutionBusinessTime, boolean linkedToProblem) {}

  /**
   * A change as the KPIs see it.
   *
   * @param number its number
   * @param type its type
   * @param outcome its outcome, or {@code null}
   * @param freezeOverride scheduled into a freeze window (carries a freeze override)
   * @param createdAt created
   * @param authorizedAt authorized, or {@code null}
   * @param rejectedAt rejected, or {@code null}
   * @param implementedAt implemented (outcome recorded), or {@code null}
   * @param plannedStart planned start, or {@code null}
   */
  record ChangeFact(String number, ChangeType type, ChangeOutcome outcome, boolean freezeOverride,
      Instant createdAt, Instant authorizedAt, Instant rejectedAt, Instant implementedAt,
      Instant plannedStart) {}

  /**
   * A problem as the KPIs see it.
   *
   * @param number its number
   * @param createdAt created
   * @param resolvedAt resolved, or {@code null}
   * @param closedAt closed, or {@code null}
   * @param cancelledAt cancelled, or {@code null}
   * @param fixedByChange it has a fix change ({@code LinkChange}), or a change that lists it
   *     among its problems closed with outcome successful or successful with issues (which is
   *     how a successful change resolves its problems)
   */
  record ProblemFact(String number, Instant createdAt, Instant resolvedAt, Instant closedAt,
      Instant cancelledAt, boolean fixedByChange) {}

  /**
   * A service request as the KPIs see it.
   *
   * @param number its number
   * @param itemId its catalog item's id
   * @param itemName the name of the newest version of that item in the catalog
   * @param withApproval its item version asks for an approval (approval kind is not {@code NONE})
   * @param submittedAt submitted
   * @param approvedAt approved, or {@code null}
   * @param rejectedAt rejected, or {@code null}
   * @param fulfilledAt fulfilled, or {@code null}
   */
  record RequestFact(String number, String itemId, String itemName, boolean withApproval,
      Instant submittedAt, Instant approvedAt, Instant rejectedAt, Instant fulfilledAt) {}

  /**
   * @param query period and filter
   * @return incidents matching the filter that were opened before {@code to} and were open at
   *     some time in the period or opened, resolved or open at its end: at least those opened or
   *     resolved in the period and those in the backlog at {@code to}
   */
  List<IncidentFact> incidents(MetricsQuery query);

  /**
   * @param query period and filter
   * @return clocks matching the filter that stopped or breached in the period, or are still
   *     running or paused
   */
  List<SlaClock> clocks(MetricsQuery query);

  /**
   * @param query period and filter
   * @return changes matching the filter created, authorized, rejected or implemented in the
   *     period, or planned to start in it
   */
  List<ChangeFact> changes(MetricsQuery query);

  /**
   * @param query period and filter
   * @return problems matching the filter created before {@code to} and not resolved, closed or
   *     cancelled before {@code from}
   */
  List<ProblemFact> problems(MetricsQuery query);

  /**
   * @param query period and filter (service and category of the known error, priority of its
   *     problem)
   * @return known errors published in the period
   */
  long knownErrorsPublished(MetricsQuery query);

  /**
   * @param query period and the incident filter
   * @return incidents promoted to major incidents in the period
   */
  long majorIncidentsPromoted(MetricsQuery query);

  /**
   * @param query the period (no filter dimension applies to requests)
   * @return requests submitted, approved, rejected or fulfilled in the period
   */
  List<RequestFact> requests(MetricsQuery query);
}
