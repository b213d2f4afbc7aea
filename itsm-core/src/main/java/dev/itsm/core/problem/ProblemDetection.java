package dev.itsm.core.problem;

import dev.itsm.core.incident.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Proactive problem management: looks at every newly opened incident and may propose a problem.
 * The default, {@link #repeatedIncidents(int, Duration)}, proposes one when N incidents on the same
 * configuration item (or, for incidents without one, the same category) were opened within a time
 * window and no open problem covers that item or category yet.
 */
@FunctionalInterface
public interface ProblemDetection {

  /**
   * What a detection rule can look up: incidents and problems of the opened incident's tenant
   * only, so a proposal never groups incidents of several tenants.
   */
  interface Lookup {
    /**
     * @param configurationItem a configuration item, or {@code null}
     * @param category a category, or {@code null} (used when no item is given)
     * @param since opened at or after
     * @return incidents on that item (or of that category) opened since then, at most 1000
     */
    List<Incident> openedSince(String configurationItem, String category, Instant since);

    /**
     * @param configurationItem a configuration item, or {@code null}
     * @param category a category, or {@code null} (used when no item is given)
     * @return whether an open problem covers it
     */
    boolean openProblemFor(String configurationItem, String category);
  }

  /**
   * A problem to log.
   *
   * @param title its title
   * @param configurationItem its configuration item, or {@code null}
   * @param category its category, or {@code null}
   * @param service its service, or {@code null}
   * @param incidents the incidents that triggered it
   */
  record Proposal(String title, String configurationItem, String category, String service,
      List<String> incidents) {}

  /** Never proposes anything. */
  ProblemDetection OFF = (incident, lookup) -> Optional.empty();

  /**
   * @param opened a newly opened incident
   * @param lookup recent incidents and open problems
   * @return a problem to log, if any
   */
  Optional<Proposal> evaluate(Incident opened, Lookup lookup);

  /**
   * @param threshold how many incidents (the new one included), at least 2
   * @param window within how long
   * @return the repeated-incidents rule
   */
  static ProblemDetection repeatedIncidents(int threshold, Duration window) {
    if (threshold < 2) {
      throw new IllegalArgumentException("threshold must be at least 2, was " + threshold);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    return (incident, lookup) -> {
      String ci = incident.configurationItem();
      String category = ci == null ? incident.category() : null;
      if (ci == null && category == null) {
        return Optional.empty();
      }
      List<Incident> recent = lookup.openedSince(ci, category,
          incident.milestones().openedAt().minus(window));
      if (recent.size() < threshold || lookup.openProblemFor(ci, category)) {
        return Optional.empty();
      }
      String what = ci != null ? "configuration item " + ci : "category " + category;
      return Optional.of(new Proposal(recent.size() + " incidents on " + what + " within "
          + window.toHours() + " h", ci, incident.category(), incident.service(),
          recent.stream().map(Incident::number).sorted().toList()));
    };
  }
}
