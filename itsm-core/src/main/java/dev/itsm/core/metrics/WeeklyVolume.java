package dev.itsm.core.metrics;

import java.time.LocalDate;

/**
 * Incidents opened and resolved in one ISO week (Monday 00:00 UTC to the next Monday) that lies at
 * least partly in the period; only the part inside the period is counted.
 *
 * @param weekStart the Monday the week starts on (UTC)
 * @param opened incidents opened in the week
 * @param resolved incidents resolved in the week (by their latest resolution)
 */
public record WeeklyVolume(LocalDate weekStart, long opened, long resolved) {}
