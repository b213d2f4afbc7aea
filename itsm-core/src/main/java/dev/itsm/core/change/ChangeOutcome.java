package dev.itsm.core.change;

/** How the implementation of a change went. */
public enum ChangeOutcome {
  /** Implemented as planned. */
  SUCCESSFUL,
  /** Implemented, with issues worth recording. */
  SUCCESSFUL_WITH_ISSUES,
  /** Not implemented; the backout plan was carried out. Requires a post-implementation review. */
  FAILED;

  /** @return whether the change achieved its purpose (successful, with or without issues) */
  public boolean succeeded() {
    return this != FAILED;
  }
}
