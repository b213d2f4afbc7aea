package dev.itsm.core.policy;

import java.util.Map;
import java.util.Optional;

/**
 * Chooses the assignment group of a new incident that names none.
 */
@FunctionalInterface
public interface AssignmentRule {

  /**
   * @param category the incident's category, may be {@code null}
   * @param subcategory the incident's subcategory, may be {@code null}
   * @return the group, or empty to leave it to the fallback group
   */
  Optional<String> groupFor(String category, String subcategory);

  /**
   * A rule that looks the category up in a map ("category" or "category/subcategory", the more
   * specific key winning).
   *
   * <pre>{@code
   * AssignmentRule.byCategory(Map.of("network", "network-ops", "hardware/printer", "field-services"))
   * }</pre>
   *
   * @param groups category (or category/subcategory) → group
   * @return the rule
   */
  static AssignmentRule byCategory(Map<String, String> groups) {
    Map<String, String> copy = Map.copyOf(groups);
    return (category, subcategory) -> {
      if (category == null) {
        return Optional.empty();
      }
      String specific = subcategory == null ? null : copy.get(category + "/" + subcategory);
      return Optional.ofNullable(specific != null ? specific : copy.get(category));
    };
  }

  /** @return a rule that never chooses (every unassigned incident goes to the fallback group) */
  static AssignmentRule none() {
    return (category, subcategory) -> Optional.empty();
  }
}
