package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;

/**
 * Something that happened to a service request. A "before" hook sees the event before it is
 * stored (and may veto it), an "after" listener once it is committed. {@link #previous()} is the
 * request before ({@code null} for {@link Submitted}) and {@link #request()} the request after.
 */
public sealed interface RequestEvent extends ItsmEvent {

  /** @return the request after the event */
  Request request();

  /** @return the request before; {@code null} for {@link Submitted} */
  Request previous();

  /** @return the API action that caused it; {@code null} for {@link Submitted} and the library's own steps */
  RequestAction action();

  @Override
  default String recordNumber() {
    return request().number();
  }

  /** A request was submitted (in AWAITING_APPROVAL, SUBMITTED or IN_FULFILMENT). @param request after @param previous before @param actor who @param occurredAt when */
  record Submitted(Request request, Request previous, Actor actor, Instant occurredAt)
      implements RequestEvent {
    @Override public RequestAction action() { return null; }
  }

  /**
   * An approver's decision was recorded (before the outcome, which follows as {@link Approved} or
   * {@link Rejected} when reached).
   *
   * @param request after @param previous before @param actor the approver @param occurredAt when
   * @param decision the decision recorded
   */
  record DecisionRecorded(Request request, Request previous, Actor actor, Instant occurredAt,
      RequestDecision decision) implements RequestEvent {
    @Override public RequestAction action() { return RequestAction.DECIDE; }
  }

  /** The approval was given; fulfilment may begin. @param request after @param previous before @param actor who @param occurredAt when */
  record Approved(Request request, Request previous, Actor actor, Instant occurredAt)
      implements RequestEvent {
    @Override public RequestAction action() { return RequestAction.DECIDE; }
  }

  /** The request was rejected. @param request after @param previous before @param actor who @param occurredAt when */
  record Rejected(Request request, Request previous, Actor actor, Instant occurredAt)
      implements RequestEvent {
    @Override public RequestAction action() { return RequestAction.DECIDE; }
  }

  /**
   * A fulfilment task was started.
   *
   * @param request after @param previous before @param actor who @param occurredAt when
   * @param task the task after
   */
  record TaskStarted(Request request, Request previous, Actor actor, Instant occurredAt,
      RequestTask task) implements RequestEvent {
    @Override public RequestAction action() { return RequestAction.START_TASK; }
  }

  /**
   * A fulfilment task was completed.
   *
   * @param request after @param previous before @param actor who @param occurredAt when
   * @param task the task after
   */
  record TaskCompleted(Request request, Request previous, Actor actor, Instant occurredAt,
      RequestTask task) implements RequestEvent {
    @Override public RequestAction action() { return RequestAction.COMPLETE_TASK; }
  }

  /** Every task is done (or the item's own process ended): the request is FULFILLED. @param request after @param previous before @param actor who @param occurredAt when */
  record Fulfilled(Request request, Request previous, Actor actor, Instant occurredAt)
      implements RequestEvent {
    @Override public RequestAction action() {
      return request.fulfilmentProcess() == null ? RequestAction.COMPLETE_TASK : null;
    }
  }

  /**
   * The request was closed.
   *
   * @param request after @param previous before @param actor who @param occurredAt when
   * @param automatically whether the auto-close period elapsed (actor {@code system})
   */
  record Closed(Request request, Request previous, Actor actor, Instant occurredAt,
      boolean automatically) implements RequestEvent {
    @Override public RequestAction action() { return automatically ? null : RequestAction.CLOSE; }
  }

  /** The request was withdrawn. @param request after @param previous before @param actor who @param occurredAt when */
  record Cancelled(Request request, Request previous, Actor actor, Instant occurredAt)
      implements RequestEvent {
    @Override public RequestAction action() { return RequestAction.CANCEL; }
  }

  /** A work note was added. @param request after @param previous before @param actor who @param occurredAt when */
  record NoteAdded(Request request, Request previous, Actor actor, Instant occurredAt)
      implements RequestEvent {
    @Override public RequestAction action() { return RequestAction.ADD_NOTE; }
  }
}
