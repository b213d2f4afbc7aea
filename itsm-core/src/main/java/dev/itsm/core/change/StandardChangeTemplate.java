package dev.itsm.core.change;

import dev.itsm.core.incident.Impact;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-authorised standard change in the catalog: low risk, done often, done the same way.
 *
 * @param id the id a {@link CreateStandardChange} names, e.g. {@code restart-app-server}
 * @param title the default title
 * @param description what it does
 * @param category its category
 * @param implementationPlan the documented procedure
 * @param backoutPlan how it is undone
 * @param testPlan how it is verified, or {@code null}
 * @param implementerGroup the group that carries it out
 * @param impact its impact (standard changes are low risk whatever the impact)
 */
public record StandardChangeTemplate(String id, String title, String description,
    String category, String implementationPlan, String backoutPlan, String testPlan,
    String implementerGroup, Impact impact) {

  /** Checks the components; every problem at once. */
  public StandardChangeTemplate {
    List<String> problems = new ArrayList<>();
    require(problems, id, "id");
    require(problems, title, "title");
    require(problems, implementationPlan, "implementationPlan");
    require(problems, backoutPlan, "backoutPlan");
    require(problems, implementerGroup, "implementerGroup");
    if (impact == null) {
      problems.add("impact must be one of HIGH, MEDIUM, LOW");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid standard change template '" + id + "': "
          + String.join("; ", problems));
    }
  }

  private static void require(List<String> problems, String value, String field) {
    if (value == null || value.isBlank()) {
      problems.add(field + " must not be blank");
    }
  }
}
