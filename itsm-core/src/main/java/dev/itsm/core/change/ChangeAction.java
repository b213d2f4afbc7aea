package dev.itsm.core.change;

/** The API actions on a change; {@link ChangeLifecycle} says where each is allowed. */
public enum ChangeAction {
  /** Re-answer the risk questionnaire; the risk is computed again. */
  ASSESS,
  /** Send a normal change to its change authority. */
  SUBMIT_FOR_AUTHORIZATION,
  /** Approve or reject as an approver. */
  DECIDE,
  /** Give (or move) the planned implementation window. */
  SCHEDULE,
  /** Begin implementation. */
  START_IMPLEMENTATION,
  /** Record how the implementation went. */
  RECORD_OUTCOME,
  /** Record the post-implementation review; closes the change. */
  COMPLETE_REVIEW,
  /** Withdraw the change. */
  CANCEL,
  /** Add a work note. */
  ADD_NOTE
}
