package dev.itsm.core.access;

import java.util.Objects;

/**
 * The answer of an {@link dev.itsm.core.spi.AccessPolicy}.
 *
 * @param allowed whether the call may go ahead
 * @param reason why not (shown in {@link AccessDeniedException}), or {@code null} when allowed
 */
public record AccessDecision(boolean allowed, String reason) {

  private static final AccessDecision ALLOW = new AccessDecision(true, null);

  /** Checks that a denial says why. */
  public AccessDecision {
    if (!allowed) {
      Objects.requireNonNull(reason, "a denial needs a reason the user can act on");
    }
  }

  /** @return a grant */
  public static AccessDecision allow() {
    return ALLOW;
  }

  /**
   * @param reason why not, and what would allow it (e.g. "needs the role CHANGE_MANAGER (group
   *     change-managers)")
   * @return a denial
   */
  public static AccessDecision deny(String reason) {
    return new AccessDecision(false, reason);
  }
}
