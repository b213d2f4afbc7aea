package dev.itsm.core.change;

import java.time.Duration;
import java.util.Objects;

/**
 * Who authorises a change and how: the result of the {@link ChangeAuthorityPolicy}.
 *
 * @param name the authority's name, e.g. {@code change-manager}, {@code cab}, {@code ecab}
 * @param approverGroup the group whose members may approve or reject
 * @param policy how many approvals authorise the change
 * @param deadline how long the authority has to decide before the authorisation is escalated
 */
public record ChangeAuthority(String name, String approverGroup, ApprovalPolicy policy,
    Duration deadline) {

  /** Checks the components. */
  public ChangeAuthority {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("change authority name must not be blank");
    }
    if (approverGroup == null || approverGroup.isBlank()) {
      throw new IllegalArgumentException("change authority '" + name
          + "': approverGroup must not be blank");
    }
    Objects.requireNonNull(policy, "policy");
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("change authority '" + name
          + "': deadline must be a positive duration, was " + deadline);
    }
  }
}
