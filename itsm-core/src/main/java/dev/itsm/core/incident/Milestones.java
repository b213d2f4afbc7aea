package dev.itsm.core.incident;

import java.time.Instant;

/**
 * The times of an incident's milestones and its basic service-level targets. {@code null} means
 * "not (yet) reached".
 *
 * @param openedAt when the incident was logged
 * @param acknowledgedAt when it was first acknowledged (response)
 * @param onHoldSince when the current hold began, {@code null} when not on hold
 * @param resolvedAt when it was last resolved
 * @param closedAt when it was closed
 * @param cancelledAt when it was cancelled
 * @param responseDue when the response target falls due
 * @param resolutionDue when the resolution target falls due
 * @param responseBreachedAt when the response target was missed
 * @param resolutionBreachedAt when the resolution target was missed
 */
public record Milestones(
    Instant openedAt,
    Instant acknowledgedAt,
    Instant onHoldSince,
    Instant resolvedAt,
    Instant closedAt,
    Instant cancelledAt,
    Instant responseDue,
    Instant resolutionDue,
    Instant responseBreachedAt,
    Instant resolutionBreachedAt) {

  /**
   * @param openedAt when the incident was logged
   * @param responseDue the response target
   * @param resolutionDue the resolution target
   * @return the milestones of a new incident
   */
  public static Milestones opened(Instant openedAt, Instant responseDue, Instant resolutionDue) {
    return new Milestones(openedAt, null, null, null, null, null, responseDue, resolutionDue, null,
        null);
  }

  /** @param at the time @return a copy with {@code acknowledgedAt} set */
  public Milestones withAcknowledgedAt(Instant at) {
    return new Milestones(openedAt, at, onHoldSince, resolvedAt, closedAt, cancelledAt, responseDue,
        resolutionDue, responseBreachedAt, resolutionBreachedAt);
  }

  /** @param at the time, or {@code null} @return a copy with {@code onHoldSince} set */
  public Milestones withOnHoldSince(Instant at) {
    return new Milestones(openedAt, acknowledgedAt, at, resolvedAt, closedAt, cancelledAt,
        responseDue, resolutionDue, responseBreachedAt, resolutionBreachedAt);
  }

  /** @param at the time, or {@code null} @return a copy with {@code resolvedAt} set */
  public Milestones withResolvedAt(Instant at) {
    return new Milestones(openedAt, acknowledgedAt, onHoldSince, at, closedAt, cancelledAt,
        responseDue, resolutionDue, responseBreachedAt, resolutionBreachedAt);
  }

  /** @param at the time @return a copy with {@code closedAt} set */
  public Milestones withClosedAt(Instant at) {
    return new Milestones(openedAt, acknowledgedAt, onHoldSince, resolvedAt, at, cancelledAt,
        responseDue, resolutionDue, responseBreachedAt, resolutionBreachedAt);
  }

  /** @param at the time @return a copy with {@code cancelledAt} set */
  public Milestones withCancelledAt(Instant at) {
    return new Milestones(openedAt, acknowledgedAt, onHoldSince, resolvedAt, closedAt, at,
        responseDue, resolutionDue, responseBreachedAt, resolutionBreachedAt);
  }

  /**
   * @param target the missed target
   * @param at when it was missed
   * @return a copy with the breach time of {@code target} set
   */
  public Milestones withBreach(ServiceTarget target, Instant at) {
    return target == ServiceTarget.RESPONSE
        ? new Milestones(openedAt, acknowledgedAt, onHoldSince, resolvedAt, closedAt, cancelledAt,
            responseDue, resolutionDue, at, resolutionBreachedAt)
        : new Milestones(openedAt, acknowledgedAt, onHoldSince, resolvedAt, closedAt, cancelledAt,
            responseDue, resolutionDue, responseBreachedAt, at);
  }

  /**
   * @param target a target
   * @return when it was missed, or {@code null}
   */
  public Instant breachedAt(ServiceTarget target) {
    return target == ServiceTarget.RESPONSE ? responseBreachedAt : resolutionBreachedAt;
  }
}
