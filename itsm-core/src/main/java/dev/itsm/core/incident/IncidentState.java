package dev.itsm.core.incident;

/**
 * The states of an incident.
 *
 * <pre>
 * NEW → IN_PROGRESS → ON_HOLD ⇄ IN_PROGRESS → RESOLVED → CLOSED
 * RESOLVED → IN_PROGRESS (reopen);  NEW | IN_PROGRESS | ON_HOLD → CANCELLED
 * </pre>
 */
public enum IncidentState {
  /** Logged, waiting for triage. */
  NEW,
  /** Acknowledged and being worked on by the assignment group. */
  IN_PROGRESS,
  /** Waiting on someone else (see {@link HoldReason}). */
  ON_HOLD,
  /** Service restored; waiting for the caller's confirmation or the auto-close period. */
  RESOLVED,
  /** Final: confirmed or closed automatically. */
  CLOSED,
  /** Final: withdrawn or logged in error. */
  CANCELLED;

  /** @return whether no further action is possible */
  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }
}
