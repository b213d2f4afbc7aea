package dev.itsm.core.incident;

/** Incident priority, P1 (critical) to P5 (planning), derived from impact and urgency. */
public enum Priority {
  /** Critical. */
  P1,
  /** High. */
  P2,
  /** Moderate. */
  P3,
  /** Low. */
  P4,
  /** Planning. */
  P5;

  /** @return 1 for P1 .. 5 for P5 */
  public int level() {
    return ordinal() + 1;
  }
}
