package dev.itsm.core.major;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The major-incident side of an incident promoted to major: its manager, the communication
 * cadence, the post-incident review, and its child incidents. The incident itself stays an
 * ordinary incident ({@code engine.incidents()}).
 *
 * @param incidentNumber the (parent) incident
 * @param version optimistic-locking version
 * @param manager the major incident manager
 * @param promotedBy who promoted it
 * @param promotedAt when
 * @param cadence how often a stakeholder update is due
 * @param nextUpdateDue when the next update is due, or {@code null} once resolved
 * @param lastUpdateAt when the last update was posted, or {@code null}
 * @param updatesPosted how many updates were posted
 * @param updatesMissed how many updates were missed (each escalated)
 * @param reviewNotes the post-incident review, or {@code null}
 * @param reviewedBy who completed the review, or {@code null}
 * @param reviewedAt when, or {@code null}
 * @param children the child incidents
 * @param tenant the tenant of the incident
 */
public record MajorIncident(String incidentNumber, long version, String manager,
    String promotedBy, Instant promotedAt, Duration cadence, Instant nextUpdateDue,
    Instant lastUpdateAt, int updatesPosted, int updatesMissed, String reviewNotes,
    String reviewedBy, Instant reviewedAt, List<String> children, String tenant) {

  /** Copies the list; a {@code null} tenant is the default tenant. */
  public MajorIncident {
    children = children == null ? List.of() : List.copyOf(children);
    tenant = tenant == null ? dev.itsm.core.Actor.DEFAULT_TENANT : tenant;
  }

  /**
   * A major incident of the default tenant.
   *
   * @param incidentNumber the (parent) incident
   * @param version optimistic-locking version
   * @param manager the major incident manager
   * @param promotedBy who promoted it
   * @param promotedAt when
   * @param cadence how often a stakeholder update is due
   * @param nextUpdateDue when the next update is due, or {@code null} once resolved
   * @param lastUpdateAt when the last update was posted, or {@code null}
   * @param updatesPosted how many updates were posted
   * @param updatesMissed how many updates were missed
   * @param reviewNotes the post-incident review, or {@code null}
   * @param reviewedBy who completed the review, or {@code null}
   * @param reviewedAt when, or {@code null}
   * @param children the child incidents
   */
  public MajorIncident(String incidentNumber, long version, String manager, String promotedBy,
      Instant promotedAt, Duration cadence, Instant nextUpdateDue, Instant lastUpdateAt,
      int updatesPosted, int updatesMissed, String reviewNotes, String reviewedBy,
      Instant reviewedAt, List<String> children) {
    this(incidentNumber, version, manager, promotedBy, promotedAt, cadence, nextUpdateDue,
        lastUpdateAt, updatesPosted, updatesMissed, reviewNotes, reviewedBy, reviewedAt, children,
        dev.itsm.core.Actor.DEFAULT_TENANT);
  }

  /** @param children the child incidents @return this major incident with those children */
  public MajorIncident withChildren(List<String> children) {
    return new MajorIncident(incidentNumber, version, manager, promotedBy, promotedAt, cadence,
        nextUpdateDue, lastUpdateAt, updatesPosted, updatesMissed, reviewNotes, reviewedBy,
        reviewedAt, children, tenant);
  }

  /** @return whether the post-incident review is done */
  public boolean reviewed() {
    return reviewedAt != null;
  }
}
