package dev.itsm.core.incident;

/** Why an incident is on hold. */
public enum HoldReason {
  /** Waiting for information or a test from the caller. */
  AWAITING_CALLER,
  /** Waiting for a supplier. */
  AWAITING_VENDOR,
  /** Waiting for a change to be implemented. */
  AWAITING_CHANGE,
  /** Waiting for a problem investigation. */
  AWAITING_PROBLEM
}
