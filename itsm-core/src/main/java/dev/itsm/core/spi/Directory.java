package dev.itsm.core.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The host's identity directory (the identity SPI), as far as the library needs it: the members
 * of a group (for approval policies that count approvers, e.g. ALL or a percentage quorum), the
 * groups of a user (added to the groups an {@link dev.itsm.core.Actor} carries before every access
 * check) and a user's manager (for service requests approved by the requester's manager). Implement it over LDAP, Keycloak,
 * your own user table, or use {@link #of(Map)} / {@link #of(Map, Map)}.
 *
 * <pre>{@code
 * Directory directory = Directory.of(
 *     Map.of("security-owners", Set.of("sol", "sid")),   // group -> members
 *     Map.of("carol", "mia", "dave", "mia"));            // user -> manager
 * }</pre>
 */
@FunctionalInterface
public interface Directory {

  /**
   * Knows no group and no manager: policies that need members (ALL, QUORUM:p%) and manager
   * approval cannot be used. The default.
   */
  Directory NONE = group -> Optional.empty();

  /**
   * @param group a group id
   * @return its members' user ids, or empty when the directory does not know the group
   */
  Optional<Set<String>> members(String group);

  /**
   * @param user a user id
   * @return the user id of the user's manager, or empty when the directory knows none (the
   *     default)
   */
  default Optional<String> managerOf(String user) {
    return Optional.empty();
  }

  /**
   * The groups a user belongs to, added to the actor's own groups before every access check.
   * The default derives nothing: override it when actors arrive without their groups.
   *
   * @param user a user id
   * @return the user's groups (may be empty)
   */
  default Set<String> groupsOf(String user) {
    return Set.of();
  }

  /**
   * @param groups group id → member user ids
   * @return a fixed directory that knows no managers
   */
  static Directory of(Map<String, Set<String>> groups) {
    return of(groups, Map.of());
  }

  /**
   * @param groups group id → member user ids
   * @param managers user id → the user id of that user's manager
   * @return a fixed directory
   */
  static Directory of(Map<String, Set<String>> groups, Map<String, String> managers) {
    Map<String, Set<String>> copy = Map.copyOf(groups);
    Map<String, String> managerCopy = Map.copyOf(Objects.requireNonNull(managers, "managers"));
    return new Directory() {
      @Override
      public Optional<Set<String>> members(String group) {
        return Optional.ofNullable(group == null ? null : copy.get(group)).map(Set::copyOf);
      }

      @Override
      public Optional<String> managerOf(String user) {
        return Optional.ofNullable(user == null ? null : managerCopy.get(user));
      }

      @Override
      public Set<String> groupsOf(String user) {
        Set<String> out = new java.util.TreeSet<>();
        copy.forEach((group, members) -> {
          if (members.contains(user)) {
            out.add(group);
          }
        });
        return Set.copyOf(out);
      }
    };
  }
}
