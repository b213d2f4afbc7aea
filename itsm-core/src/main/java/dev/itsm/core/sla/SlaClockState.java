package dev.itsm.core.sla;

/** The lifecycle of a service-level clock. */
public enum SlaClockState {
  /** Measuring business time. */
  RUNNING,
  /** Stopped for a while (e.g. the record is on hold awaiting the caller). */
  PAUSED,
  /** The target was met. Final. */
  ACHIEVED,
  /** The target was missed. The clock keeps measuring until the record meets the target, for reporting. */
  BREACHED,
  /** The record was cancelled or closed before the target applied. Final. */
  CANCELLED;

  /** @return whether the clock no longer changes state */
  public boolean isFinal() {
    return this == ACHIEVED || this == CANCELLED;
  }
}
