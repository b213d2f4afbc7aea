package dev.itsm.core.change;

/** The states of a change. See {@link ChangeLifecycle} for the transitions. */
public enum ChangeState {
  /** A normal change being assessed (risk questionnaire, plans). */
  ASSESSMENT,
  /** Waiting for the change authority's decisions. */
  AUTHORIZATION,
  /** Authorised (or a pre-authorised standard change): waiting to be scheduled. */
  AUTHORIZED,
  /** Has a planned window; waiting for implementation to start. */
  SCHEDULED,
  /** Being implemented. */
  IMPLEMENTATION,
  /** Implemented; waiting for the post-implementation review. */
  REVIEW,
  /** Done (final). */
  CLOSED,
  /** The change authority rejected it (final). */
  REJECTED,
  /** Withdrawn before implementation (final). */
  CANCELLED;

  /** @return whether no action is allowed any more */
  public boolean isFinal() {
    return this == CLOSED || this == REJECTED || this == CANCELLED;
  }
}
