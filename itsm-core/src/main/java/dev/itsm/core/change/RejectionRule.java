package dev.itsm.core.change;

/** When rejections end an authorisation round with the change rejected. */
public enum RejectionRule {
  /** One rejection rejects the change (every approver holds a veto). The default. */
  FIRST_REJECTION,
  /**
   * The change is rejected only once the approvers who have not decided yet can no longer bring
   * the approvals to the number required. Needs the approver group's members (a
   * {@code Directory}); without them, rejections never end the round and only approvals or the
   * escalation at the deadline do.
   */
  WHEN_APPROVAL_IMPOSSIBLE
}
