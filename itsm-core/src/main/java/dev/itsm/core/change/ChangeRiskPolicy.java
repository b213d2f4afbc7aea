package dev.itsm.core.change;

/**
 * Computes a change's risk. The engine's default is the shipped DMN table
 * {@code itsm/policies/change-risk.dmn} ({@code DmnPolicies.changeRisk()}); a host may pass its own
 * DMN file or any implementation.
 */
@FunctionalInterface
public interface ChangeRiskPolicy {

  /**
   * @param factors what is known about the change
   * @return its risk
   */
  ChangeRisk riskOf(RiskFactors factors);
}
