package dev.itsm.core.problem;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;

/**
 * Something that happened to a problem; before-hooks may veto it, after-listeners see it once
 * committed. {@link #previous()} is {@code null} for {@link Created}.
 */
public sealed interface ProblemEvent extends ItsmEvent {

  /** @return the problem after the event */
  Problem problem();

  /** @return the problem before; {@code null} for {@link Created} */
  Problem previous();

  /** @return the action; {@code null} for {@link Created} */
  ProblemAction action();

  @Override
  default String recordNumber() {
    return problem().number();
  }

  /** A problem was logged (by a user, or proposed by the detection rule). @param problem after @param previous before @param actor who @param occurredAt when */
  record Created(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return null; }
  }

  /** The problem was taken on. @param problem after @param previous before @param actor who @param occurredAt when */
  record Assessed(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.ASSESS; }
  }

  /** Root cause analysis began. @param problem after @param previous before @param actor who @param occurredAt when */
  record AnalysisStarted(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.START_ANALYSIS; }
  }

  /** The root cause was recorded. @param problem after @param previous before @param actor who @param occurredAt when */
  record RootCauseIdentified(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.IDENTIFY_ROOT_CAUSE; }
  }

  /** The workaround was recorded. @param problem after @param previous before @param actor who @param occurredAt when */
  record WorkaroundRecorded(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.RECORD_WORKAROUND; }
  }

  /** Incidents were linked. @param problem after @param previous before @param actor who @param occurredAt when */
  record IncidentsLinked(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.LINK_INCIDENTS; }
  }

  /** The fixing change was named. @param problem after @param previous before @param actor who @param occurredAt when */
  record ChangeLinked(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.LINK_CHANGE; }
  }

  /** A known error was published ({@code problem().knownError()}). @param problem after @param previous before @param actor who @param occurredAt when */
  record KnownErrorPublished(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.PUBLISH_KNOWN_ERROR; }
  }

  /** The problem was resolved (by a user, or by its successful change). @param problem after @param previous before @param actor who @param occurredAt when */
  record Resolved(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.RESOLVE; }
  }

  /** The problem was closed. @param problem after @param previous before @param actor who @param occurredAt when */
  record Closed(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.CLOSE; }
  }

  /** The problem was withdrawn. @param problem after @param previous before @param actor who @param occurredAt when */
  record Cancelled(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.CANCEL; }
  }

  /** A work note was added. @param problem after @param previous before @param actor who @param occurredAt when */
  record NoteAdded(Problem problem, Problem previous, Actor actor, Instant occurredAt)
      implements ProblemEvent {
    @Override public ProblemAction action() { return ProblemAction.ADD_NOTE; }
  }

}
