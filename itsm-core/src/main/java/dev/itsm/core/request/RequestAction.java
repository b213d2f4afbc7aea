package dev.itsm.core.request;

/** The API actions on a service request; {@link RequestLifecycle} says where each is allowed. */
public enum RequestAction {
  /** Approve or reject as an approver. */
  DECIDE,
  /** Start a fulfilment task (the actor takes it). */
  START_TASK,
  /** Complete a fulfilment task. */
  COMPLETE_TASK,
  /** Confirm the fulfilled request; closes it. */
  CLOSE,
  /** Withdraw the request. */
  CANCEL,
  /** Add a work note. */
  ADD_NOTE
}
