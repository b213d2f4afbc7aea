package dev.itsm.core.spi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's identity directory, as far as the library needs it: the members of a group (for
 * approval policies that count approvers, e.g. ALL or a percentage quorum). Implement it over
 * LDAP, Keycloak, your own user table, or use {@link #of(Map)}.
 */
@FunctionalInterface
public interface Directory {

  /** Knows no group: policies that need members (ALL, QUORUM:p%) cannot be used. The default. */
  Directory NONE = group -> Optional.empty();

  /**
   * @param group a group id
   * @return its members' user ids, or empty when the directory does not know the group
   */
  Optional<Set<String>> members(String group);

  /**
   * @param groups group id → member user ids
   * @return a fixed directory
   */
  static Directory of(Map<String, Set<String>> groups) {
    Map<String, Set<String>> copy = Map.copyOf(groups);
    return group -> Optional.ofNullable(copy.get(group)).map(Set::copyOf);
  }
}
