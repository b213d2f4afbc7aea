package dev.itsm.core.incident;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;

/**
 * Something that happened to an incident. One record per transition; a "before" hook sees the
 * event before it is stored (and may veto it), an "after" listener only once it is committed.
 *
 * <p>{@link #previous()} is the incident before the change ({@code null} for {@link Opened}) and
 * {@link #incident()} the incident after it.
 */
public sealed interface IncidentEvent extends ItsmEvent {

  /** @return the incident after the change */
  Incident incident();

  /** @return the incident before the change; {@code null} for {@link Opened} */
  Incident previous();

  /** @return the action that caused the event; {@code null} for {@link TargetMissed} */
  IncidentAction action();

  @Override
  default String recordNumber() {
    return incident().number();
  }

  /** An incident was logged. @param incident after @param previous null @param actor who @param occurredAt when */
  record Opened(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return null; }
  }

  /** The assignment changed. @param incident after @param previous before @param actor who @param occurredAt when */
  record Assigned(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.ASSIGN; }
  }

  /** Impact, urgency and priority changed. @param incident after @param previous before @param actor who @param occurredAt when */
  record Reprioritized(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.REPRIORITIZE; }
  }

  /** Work began. @param incident after @param previous before @param actor who @param occurredAt when */
  record Acknowledged(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.ACKNOWLEDGE; }
  }

  /** Put on hold. @param incident after @param previous before @param actor who @param occurredAt when */
  record PutOnHold(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.PUT_ON_HOLD; }
  }

  /** Work resumed. @param incident after @param previous before @param actor who @param occurredAt when */
  record Resumed(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.RESUME; }
  }

  /** Service restored. @param incident after @param previous before @param actor who @param occurredAt when */
  record Resolved(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.RESOLVE; }
  }

  /** Reopened. @param incident after @param previous before @param actor who @param occurredAt when */
  record Reopened(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.REOPEN; }
  }

  /**
   * Closed, by the caller's confirmation or automatically.
   *
   * @param incident after @param previous before @param actor who @param occurredAt when
   * @param automatically whether the auto-close timer closed it
   */
  record Closed(Incident incident, Incident previous, Actor actor, Instant occurredAt,
      boolean automatically) implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.CLOSE; }
  }

  /** Cancelled. @param incident after @param previous before @param actor who @param occurredAt when */
  record Cancelled(Incident incident, Incident previous, Actor actor, Instant occurredAt)
      implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.CANCEL; }
  }

  /**
   * A work note or comment was added.
   *
   * @param incident after @param previous before @param actor who @param occurredAt when
   * @param note the entry added
   */
  record WorkNoteAdded(Incident incident, Incident previous, Actor actor, Instant occurredAt,
      TimelineEntry note) implements IncidentEvent {
    @Override public IncidentAction action() { return IncidentAction.ADD_WORK_NOTE; }
  }

  /**
   * A service-level target fell due before it was met.
   *
   * @param incident after @param previous before @param actor the system @param occurredAt when
   * @param target the missed target
   */
  record TargetMissed(Incident incident, Incident previous, Actor actor, Instant occurredAt,
      ServiceTarget target) implements IncidentEvent {
    @Override public IncidentAction action() { return null; }
  }
}
