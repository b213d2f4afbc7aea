package dev.itsm.core.sla;

import java.time.Instant;

/**
 * One step in the history of a clock.
 *
 * @param clockId the clock
 * @param at when
 * @param kind what happened
 * @param detail readable detail, e.g. {@code paused: AWAITING_CALLER} or {@code 75%}
 */
public record SlaClockEntry(String clockId, Instant at, Kind kind, String detail) {

  /** What happened to a clock. */
  public enum Kind {
    /** Started. */
    STARTED,
    /** Paused. */
    PAUSED,
    /** Resumed. */
    RESUMED,
    /** Given a new target (priority change), keeping the elapsed time. */
    RETARGETED,
    /** A warning threshold was reached. */
    WARNING,
    /** The target was missed. */
    BREACHED,
    /** An escalation action ran. */
    ESCALATED,
    /** The target was met (or the breached clock stopped). */
    STOPPED,
    /** Cancelled with its record. */
    CANCELLED
  }
}
