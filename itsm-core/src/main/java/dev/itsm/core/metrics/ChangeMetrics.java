package dev.itsm.core.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Change enablement KPIs for a {@link MetricsQuery}. Wall-clock time throughout (change records
 * have no business-time clock for their lead time).
 *
 * @param successful changes implemented in the period ({@code implementedAt} in it) with outcome
 *     {@code SUCCESSFUL}
 * @param successfulWithIssues the same with outcome {@code SUCCESSFUL_WITH_ISSUES}
 * @param failed the same with outcome {@code FAILED}
 * @param success successful or successful with issues, of all changes with an outcome implemented
 *     in the period
 * @param emergency emergency changes of all changes created in the period
 * @param meanLeadTime mean of {@code implementedAt − createdAt} over the changes implemented in
 *     the period, {@code null} when none
 * @param inFreezeWindow changes whose planned start lies in the period and that were scheduled into
 *     a freeze window (they carry a freeze override)
 * @param rejected changes rejected in the period of all changes decided (rejected or authorized)
 *     in the period; standard changes (pre-authorized) are not counted
 */
public record ChangeMetrics(long successful, long successfulWithIssues, long failed,
    Ratio success, Ratio emergency, Duration meanLeadTime, long inFreezeWindow, Ratio rejected)
    implements MetricsSection {

  @Override
  public String practice() {
    return "Change enablement";
  }

  @Override
  public List<Figure> figures() {
    return List.of(
        new Figure("Successful", Long.toString(successful),
            "implemented in the period, outcome successful"),
        new Figure("Successful with issues", Long.toString(successfulWithIssues),
            "implemented in the period, outcome successful with issues"),
        new Figure("Failed", Long.toString(failed), "implemented in the period, outcome failed"),
        new Figure("Success rate", success.toString(),
            "successful or with issues, of all outcomes in the period"),
        new Figure("Emergency share", emergency.toString(),
            "emergency changes of the changes created in the period"),
        new Figure("Mean lead time", Durations.format(meanLeadTime),
            "created to implemented, changes implemented in the period"),
        new Figure("In freeze windows", Long.toString(inFreezeWindow),
            "changes planned to start in the period inside a freeze window"),
        new Figure("Rejected share", rejected.toString(),
            "rejected of the changes rejected or authorized in the period (not standard)"));
  }
}
