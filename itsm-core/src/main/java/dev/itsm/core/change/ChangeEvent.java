package dev.itsm.core.change;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;

/**
 * Something that happened to a change. A "before" hook sees the event before it is stored (and may
 * veto it), an "after" listener once it is committed. {@link #previous()} is the change before
 * ({@code null} for {@link Created}) and {@link #change()} the change after.
 */
public sealed interface ChangeEvent extends ItsmEvent {

  /** @return the change after the event */
  Change change();

  /** @return the change before; {@code null} for {@link Created} */
  Change previous();

  /** @return the API action that caused it; {@code null} for {@link Created} and escalations */
  ChangeAction action();

  @Override
  default String recordNumber() {
    return change().number();
  }

  /**
   * An approver's decision was recorded (before the round's outcome, which follows as
   * {@link Authorized} or {@link Rejected} when reached).
   *
   * @param change after @param previous before @param actor the approver @param occurredAt when
   * @param decision the decision recorded
   */
  record DecisionRecorded(Change change, Change previous, Actor actor, Instant occurredAt,
      ApprovalRecord decision) implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.DECIDE; }
  }

  /** A change was raised (any type). @param change after @param previous before @param actor who @param occurredAt when */
  record Created(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return null; }
  }

  /** The risk questionnaire was answered again. @param change after @param previous before @param actor who @param occurredAt when */
  record Assessed(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.ASSESS; }
  }

  /** A normal change went to its change authority. @param change after @param previous before @param actor who @param occurredAt when */
  record SubmittedForAuthorization(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.SUBMIT_FOR_AUTHORIZATION; }
  }

  /** The authorisation passed its deadline; the escalation group may decide. @param change after @param previous before @param actor who @param occurredAt when */
  record AuthorizationEscalated(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return null; }
  }

  /** The approval policy was met (or the escalation group approved). @param change after @param previous before @param actor who @param occurredAt when */
  record Authorized(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.DECIDE; }
  }

  /** The change was rejected under the rejection rule (or by the escalation group). @param change after @param previous before @param actor who @param occurredAt when */
  record Rejected(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.DECIDE; }
  }

  /** The change got (or moved) its implementation window; {@code change().collisions()} lists collisions that were flagged. @param change after @param previous before @param actor who @param occurredAt when */
  record Scheduled(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.SCHEDULE; }
  }

  /** Implementation began. @param change after @param previous before @param actor who @param occurredAt when */
  record ImplementationStarted(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.START_IMPLEMENTATION; }
  }

  /** The outcome was recorded; the change is in REVIEW or CLOSED. @param change after @param previous before @param actor who @param occurredAt when */
  record OutcomeRecorded(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.RECORD_OUTCOME; }
  }

  /** The post-implementation review was recorded; the change is CLOSED. @param change after @param previous before @param actor who @param occurredAt when */
  record Reviewed(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.COMPLETE_REVIEW; }
  }

  /** The change was withdrawn. @param change after @param previous before @param actor who @param occurredAt when */
  record Cancelled(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.CANCEL; }
  }

  /** A work note was added. @param change after @param previous before @param actor who @param occurredAt when */
  record NoteAdded(Change change, Change previous, Actor actor, Instant occurredAt)
      implements ChangeEvent {
    @Override public ChangeAction action() { return ChangeAction.ADD_NOTE; }
  }

}
