package dev.itsm.core.request;

/** The states of a service request. See {@link RequestLifecycle} for the transitions. */
public enum RequestState {
  /** Submitted; needs no approval and waits for fulfilment to begin. */
  SUBMITTED,
  /** Waiting for the approver's (or approvers') decision. */
  AWAITING_APPROVAL,
  /** Approved; waits for fulfilment to begin. */
  APPROVED,
  /** The approver rejected it (final). */
  REJECTED,
  /** Fulfilment has begun: a task was started or completed, or the item's own process runs. */
  IN_FULFILMENT,
  /** Every fulfilment task is done; waits for the requester's confirmation or the auto-close. */
  FULFILLED,
  /** Done (final). */
  CLOSED,
  /** Withdrawn before it was fulfilled (final). */
  CANCELLED;

  /** @return whether no action is allowed any more */
  public boolean isFinal() {
    return this == REJECTED || this == CLOSED || this == CANCELLED;
  }
}
