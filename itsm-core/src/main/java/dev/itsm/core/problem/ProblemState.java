package dev.itsm.core.problem;

/** The states of a problem. See {@link ProblemLifecycle}. */
public enum ProblemState {
  /** Logged, not yet assessed. */
  NEW,
  /** Being assessed (is it a problem worth investigating; who manages it). */
  ASSESS,
  /** The root cause is being investigated. */
  ROOT_CAUSE_ANALYSIS,
  /** The root cause is known; a fix (usually a change) is under way. */
  FIX_IN_PROGRESS,
  /** Fixed; waiting to be closed. */
  RESOLVED,
  /** Done (final). */
  CLOSED,
  /** Withdrawn (final). */
  CANCELLED;

  /** @return whether no action is allowed any more */
  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }
}
