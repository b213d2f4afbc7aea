package dev.itsm.core.change;

/**
 * Decides whether a change needs a post-implementation review before it closes. Called when its
 * outcome is recorded (the change passed carries the outcome).
 */
@FunctionalInterface
public interface ReviewRule {

  /** Failed, emergency and high-risk changes are reviewed (the default). */
  ReviewRule ITIL = c -> c.outcome() == ChangeOutcome.FAILED || c.type() == ChangeType.EMERGENCY
      || c.risk() == ChangeRisk.HIGH;

  /** Every change is reviewed. */
  ReviewRule ALWAYS = c -> true;

  /**
   * @param change the change, with its outcome
   * @return whether it must be reviewed
   */
  boolean reviewRequired(Change change);
}
