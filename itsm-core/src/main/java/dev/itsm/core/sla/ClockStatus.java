package dev.itsm.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Live figures of a clock at an instant.
 *
 * @param clock the stored clock
 * @param at the instant of the figures
 * @param elapsed business time counted so far
 * @param remaining business time left until the target (negative once breached)
 * @param percent elapsed as a percentage of the target (may exceed 100)
 * @param dueAt when the target falls due if the clock keeps running (for a breached clock: when it
 *     was breached); {@code null} while not measuring
 */
public record ClockStatus(SlaClock clock, Instant at, Duration elapsed, Duration remaining,
    int percent, Instant dueAt) {}
