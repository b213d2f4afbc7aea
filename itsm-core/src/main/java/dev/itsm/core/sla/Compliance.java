package dev.itsm.core.sla;

import java.time.Duration;

/**
 * Service-level compliance of one kind of target and one priority over a period, counting the
 * clocks that stopped in it (met or missed) in business time.
 *
 * @param kind response, resolution or operational
 * @param priority the priority, e.g. {@code P1}
 * @param achieved clocks that met their target
 * @param breached clocks that missed it
 * @param compliancePercent achieved / (achieved + breached) × 100, or 100 when there are none
 * @param mean mean business time taken
 * @param p90 90th percentile of the business time taken (nearest rank)
 */
public record Compliance(TargetKind kind, String priority, long achieved, long breached,
    double compliancePercent, Duration mean, Duration p90) {}
