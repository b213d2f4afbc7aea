package dev.itsm.core.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Incident management KPIs for a {@link MetricsQuery}. "Resolved in the period" means the
 * incident's latest {@code resolvedAt} lies in {@code [from, to)} (an incident reopened and
 * resolved again counts once, at its latest resolution).
 *
 * @param opened incidents whose {@code openedAt} lies in the period
 * @param resolved incidents resolved in the period
 * @param mttrMean mean time to resolve over the incidents resolved in the period, {@code null}
 *     when none: per incident the business time its resolution clock measured (accumulated time
 *     of its achieved or breached resolution clock: on its calendar, pauses excluded), or
 *     {@code resolvedAt − openedAt} in wall-clock time when it has no such clock
 * @param mttrP90 90th percentile of the same durations (nearest rank: the
 *     {@code ceil(0.9 × n)}-th smallest), {@code null} when none
 * @param firstGroupResolution of the incidents resolved in the period, those resolved by the
 *     first assigned group: the current assignment group equals the first one in the audit trail
 *     (the old value of the earliest {@code assignmentGroup} field change, or its new value when
 *     the old one was empty; the current group when the trail has no such change). A
 *     first-contact-resolution proxy
 * @param reassignment of the incidents resolved in the period, those moved to another group at
 *     least once ({@code reassignmentCount > 0})
 * @param reopen of the incidents resolved in the period, those reopened at least once
 *     ({@code reopenCount > 0})
 * @param backlog incidents open at {@code to}: opened before {@code to}, neither resolved (latest
 *     resolution) nor cancelled before {@code to}
 * @param backlogAge the backlog by wall-clock age at {@code to} ({@code to − openedAt}): under
 *     1 day, 1-3 days, 3-7 days, 7-30 days, 30 days or more
 * @param majorIncidents incidents promoted to major incidents in the period; empty when major
 *     incidents are not deployed
 * @param weekly opened and resolved per ISO week of the period
 */
public record IncidentMetrics(long opened, long resolved, Duration mttrMean, Duration mttrP90,
    Ratio firstGroupResolution, Ratio reassignment, Ratio reopen, long backlog,
    List<AgeBucket> backlogAge, OptionalLong majorIncidents, List<WeeklyVolume> weekly)
    implements MetricsSection {

  /** Copies the lists. */
  public IncidentMetrics {
    backlogAge = List.copyOf(backlogAge);
    weekly = List.copyOf(weekly);
  }

  @Override
  public String practice() {
    return "Incident management";
  }

  @Override
  public List<Figure> figures() {
    List<Figure> f = new ArrayList<>(List.of(
        new Figure("Opened", Long.toString(opened), "incidents opened in the period"),
        new Figure("Resolved", Long.toString(resolved),
            "incidents whose latest resolution lies in the period"),
        new Figure("MTTR (mean)", Durations.format(mttrMean),
            "mean time to resolve: business time of the resolution clock, else wall-clock"),
        new Figure("MTTR (90th percentile)", Durations.format(mttrP90),
            "nearest-rank 90th percentile of the same durations"),
        new Figure("Resolved by first group", firstGroupResolution.toString(),
            "resolved incidents still with the first assigned group (audit trail)"),
        new Figure("Reassignment rate", reassignment.toString(),
            "resolved incidents moved to another group at least once"),
        new Figure("Reopen rate", reopen.toString(),
            "resolved incidents reopened at least once"),
        new Figure("Backlog at end", Long.toString(backlog),
            "incidents open at the end of the period")));
    for (AgeBucket b : backlogAge) {
      f.add(new Figure("Backlog aged " + b.label(), Long.toString(b.count()),
          "open incidents of that wall-clock age at the end of the period"));
    }
    majorIncidents.ifPresent(n -> f.add(new Figure("Major incidents", Long.toString(n),
        "incidents promoted to major in the period")));
    return f;
  }
}
