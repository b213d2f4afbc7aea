package dev.itsm.core.change;

/** An approver's decision on a change. */
public enum Decision {
  /** Approve. */
  APPROVE,
  /** Reject (a comment is required). */
  REJECT
}
