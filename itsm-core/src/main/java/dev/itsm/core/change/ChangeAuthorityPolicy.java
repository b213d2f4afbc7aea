package dev.itsm.core.change;

/**
 * Maps a change's type and risk to its change authority (e.g. low risk: the change manager alone;
 * high risk: the change advisory board). Consulted for normal and emergency changes; standard
 * changes are pre-authorised. The engine's default is the shipped DMN table
 * {@code itsm/policies/change-authority.dmn} ({@code DmnPolicies.changeAuthority()}).
 */
@FunctionalInterface
public interface ChangeAuthorityPolicy {

  /**
   * @param type {@link ChangeType#NORMAL} or {@link ChangeType#EMERGENCY}
   * @param risk the change's risk
   * @return the authority
   */
  ChangeAuthority authorityFor(ChangeType type, ChangeRisk risk);
}
