package dev.itsm.core.major;

import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.Priority;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How major incidents run. Immutable.
 *
 * @param criteria which incidents may be promoted; default priority P1
 * @param managers the group of major incident managers (the review task); default
 *     {@code major-incident-managers}
 * @param cadence the default stakeholder update cadence; default 30 minutes
 * @param escalationGroup who is told when an update is missed; default {@code incident-managers}
 */
public record MajorIncidentPolicies(Predicate<Incident> criteria, String managers,
    Duration cadence, String escalationGroup) {

  /** Checks the components. */
  public MajorIncidentPolicies {
    Objects.requireNonNull(criteria, "criteria");
    if (managers == null || managers.isBlank() || escalationGroup == null
        || escalationGroup.isBlank()) {
      throw new IllegalArgumentException("managers and escalationGroup must not be blank");
    }
    if (cadence == null || cadence.toMinutes() < 1) {
      throw new IllegalArgumentException("cadence must be at least one minute, was " + cadence);
    }
  }

  /** @return the defaults */
  public static MajorIncidentPolicies defaults() {
    return new MajorIncidentPolicies(i -> i.priority() == Priority.P1, "major-incident-managers",
        Duration.ofMinutes(30), "incident-managers");
  }

  /** @param c the criteria @return a copy with them */
  public MajorIncidentPolicies withCriteria(Predicate<Incident> c) {
    return new MajorIncidentPolicies(c, managers, cadence, escalationGroup);
  }

  /** @param c the default cadence @return a copy with it */
  public MajorIncidentPolicies withCadence(Duration c) {
    return new MajorIncidentPolicies(criteria, managers, c, escalationGroup);
  }
}
