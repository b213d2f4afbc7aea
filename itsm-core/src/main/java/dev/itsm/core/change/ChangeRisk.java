package dev.itsm.core.change;

/** The risk of a change, as computed by the {@link ChangeRiskPolicy}. */
public enum ChangeRisk {
  /** Low risk. */
  LOW,
  /** Medium risk. */
  MEDIUM,
  /** High risk: a post-implementation review is required (default review rule). */
  HIGH
}
