package dev.itsm.core.incident;

/** The actions of the incident API; {@link IncidentLifecycle} says which are allowed in each state. */
public enum IncidentAction {
  /** Set the assignment group and/or assignee. */
  ASSIGN,
  /** Accept the incident for work: NEW → IN_PROGRESS. */
  ACKNOWLEDGE,
  /** IN_PROGRESS → ON_HOLD. */
  PUT_ON_HOLD,
  /** ON_HOLD → IN_PROGRESS. */
  RESUME,
  /** IN_PROGRESS → RESOLVED. */
  RESOLVE,
  /** RESOLVED → IN_PROGRESS. */
  REOPEN,
  /** RESOLVED → CLOSED. */
  CLOSE,
  /** NEW, IN_PROGRESS or ON_HOLD → CANCELLED. */
  CANCEL,
  /** Change impact and urgency, and so the priority (re-targets the service-level clocks). */
  REPRIORITIZE,
  /** Add a work note or a comment to the timeline. */
  ADD_WORK_NOTE
}
