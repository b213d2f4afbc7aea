package dev.itsm.core.problem;

/** What resolving a problem does to its linked incidents that are still open. */
public enum LinkedIncidentAction {
  /** Resolve them with the problem's resolution (acknowledging or resuming them first). Default. */
  RESOLVE,
  /** Add a work note to each, saying the problem is resolved. */
  NOTIFY,
  /** Nothing. */
  NONE
}
