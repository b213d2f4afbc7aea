package dev.itsm.core.change;

import dev.itsm.core.incident.Impact;
import java.util.Objects;

/**
 * What the {@link ChangeRiskPolicy} weighs: the change's impact, how many configuration items it
 * touches, the answers to the short risk questionnaire, and how often similar changes failed.
 *
 * @param impact the impact on the business if the change goes wrong
 * @param affectedItems the number of configuration items the change touches, 0 or more
 * @param requiresOutage questionnaire: does the change need a service outage?
 * @param tested questionnaire: was the change tested in a production-like environment?
 * @param backoutTested questionnaire: was the backout plan tested?
 * @param failedSimilarChanges failed changes of the same category in the look-back period
 *     (computed by the library, see {@code ChangePolicies#similarChangesLookBack})
 */
public record RiskFactors(Impact impact, int affectedItems, boolean requiresOutage,
    boolean tested, boolean backoutTested, int failedSimilarChanges) {

  /** Checks the components. */
  public RiskFactors {
    Objects.requireNonNull(impact, "impact");
    if (affectedItems < 0 || failedSimilarChanges < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
