package dev.itsm.core.problem;

import java.time.Duration;
import java.util.Objects;

/**
 * How an engine runs problem management. Immutable; every setting has a default.
 *
 * @param problemManagers the group that works problems; default {@code problem-managers}
 * @param onResolve what resolving a problem does to its open incidents; default
 *     {@link LinkedIncidentAction#RESOLVE}
 * @param resolveByChange whether a successful change linked as the fix resolves the problem;
 *     default {@code true}
 * @param detection proactive detection; default 3 incidents on one item (or category) in 24 h
 */
public record ProblemPolicies(String problemManagers, LinkedIncidentAction onResolve,
    boolean resolveByChange, ProblemDetection detection) {

  /** Checks the components. */
  public ProblemPolicies {
    if (problemManagers == null || problemManagers.isBlank()) {
      throw new IllegalArgumentException("problemManagers must not be blank");
    }
    Objects.requireNonNull(onResolve, "onResolve");
    Objects.requireNonNull(detection, "detection");
  }

  /** @return the defaults */
  public static ProblemPolicies defaults() {
    return new ProblemPolicies("problem-managers", LinkedIncidentAction.RESOLVE, true,
        ProblemDetection.repeatedIncidents(3, Duration.ofHours(24)));
  }

  /** @param d the detection rule @return a copy with it */
  public ProblemPolicies withDetection(ProblemDetection d) {
    return new ProblemPolicies(problemManagers, onResolve, resolveByChange, d);
  }

  /** @param a what resolving does to incidents @return a copy with it */
  public ProblemPolicies withOnResolve(LinkedIncidentAction a) {
    return new ProblemPolicies(problemManagers, a, resolveByChange, detection);
  }

  /** @param on whether a successful change resolves its problem @return a copy with it */
  public ProblemPolicies withResolveByChange(boolean on) {
    return new ProblemPolicies(problemManagers, onResolve, on, detection);
  }
}
