package dev.itsm.core.change;

/** The three kinds of change ITIL change enablement distinguishes. */
public enum ChangeType {
  /**
   * Low-risk, pre-authorised, created from a {@link StandardChangeTemplate}: goes straight to
   * scheduling.
   */
  STANDARD,
  /** Assessed, authorised by the change authority, scheduled, implemented, reviewed if needed. */
  NORMAL,
  /**
   * Must be implemented as soon as possible: expedited authorisation by the emergency change
   * authority, may be scheduled into a freeze window with a justification, always reviewed.
   */
  EMERGENCY
}
