package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.VetoException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.incident.TimelineEntry;
import java.util.List;
import java.util.Optional;

/**
 * Service request management: requests for catalog items, their approval and their fulfilment
 * tasks, from submission to close. Every call, reads included, names the acting user, is checked
 * against the engine's access policy and confined to the actor's tenant (a request of another
 * tenant is not found), runs in one transaction, validates its input and changes nothing when it
 * fails.
 *
 * <ul>
 *   <li>{@link ValidationException}: the command broke a rule (field, rule, message), e.g. a form
 *       value ({@code form.<name>}), an unknown or retired item, a task that is not open;</li>
 *   <li>{@link IllegalTransitionException}: the action is not allowed in the request's state
 *       (names the state and the allowed actions);</li>
 *   <li>{@link NotPermittedException}: the actor may not do it (segregation of duties, not the
 *       approver, already decided, not in the task's group);</li>
 *   <li>{@link RecordNotFoundException}, {@link VetoException} (a before-hook refused),
 *       {@code ConcurrentModificationException} (retry).</li>
 * </ul>
 *
 * <pre>{@code
 * RequestService requests = engine.requests();
 * Request r = requests.submit(carol, SubmitRequest.builder().item("laptop")
 *     .value("model", "14-inch").build());                                   // AWAITING_APPROVAL
 * requests.decide(mia, DecideRequest.approve(r.number(), "ok"));              // APPROVED
 * requests.completeTask(pat, new CompleteFulfilmentTask(r.number(), 1, "ordered"));
 * requests.completeTask(dan, new CompleteFulfilmentTask(r.number(), 2, "handed over")); // FULFILLED
 * requests.close(carol, new CloseRequest(r.number(), "thanks"));              // CLOSED
 * }</pre>
 */
public interface RequestService {

  /**
   * Requests a catalog item in its current version. The form is validated against the item; the
   * request waits for approval when the item needs it (the approver is found at once, so a
   * request nobody could approve is refused), else its first fulfilment stage opens.
   *
   * @param actor the requester; checked for {@code request.submit}; the request belongs to the
   *     actor's tenant and is made from that tenant's catalog
   * @param command the item, form values, quantity, and for whom
   * @return the request, in AWAITING_APPROVAL, SUBMITTED or (own process) IN_FULFILMENT
   * @throws ValidationException for a bad form value ({@code form.<name>}, the field's message),
   *     an unknown or retired item, or an approver who cannot be found
   * @throws AccessDeniedException when the actor may not submit requests
   */
  Request submit(Actor actor, SubmitRequest command);

  /**
   * Records an approver's decision and applies the item's approval policy and rejection rule: the
   * request stays in AWAITING_APPROVAL, or is APPROVED (its first stage opens) or REJECTED.
   *
   * @param actor the approver; checked for {@code request.decide} (the request's approval still
   *     decides who is eligible)
   * @param command the decision
   * @return the request
   * @throws NotPermittedException when the actor is the requester or the person it is for, is
   *     not the approver, or already decided
   * @throws AccessDeniedException when the actor lacks {@code request.decide}
   */
  Request decide(Actor actor, DecideRequest command);

  /**
   * @param actor a member of the task's group, who takes the task; checked for
   *     {@code request.fulfil}
   * @param command the task
   * @return the request, IN_FULFILMENT
   * @throws AccessDeniedException when the actor lacks {@code request.fulfil} on the request
   */
  Request startTask(Actor actor, StartFulfilmentTask command);

  /**
   * @param actor a member of the task's group; checked for {@code request.fulfil}
   * @param command the task and a note
   * @return the request, IN_FULFILMENT or, with its last task, FULFILLED
   * @throws AccessDeniedException when the actor lacks {@code request.fulfil} on the request
   */
  Request completeTask(Actor actor, CompleteFulfilmentTask command);

  /**
   * @param actor who confirms; checked for {@code request.close}
   * @param command the request
   * @return the request, CLOSED
   * @throws AccessDeniedException when the actor lacks {@code request.close} on the request
   */
  Request close(Actor actor, CloseRequest command);

  /**
   * @param actor who; checked for {@code request.cancel}
   * @param command the reason
   * @return the request, CANCELLED
   * @throws AccessDeniedException when the actor lacks {@code request.cancel} on the request
   */
  Request cancel(Actor actor, CancelRequest command);

  /**
   * @param actor who; checked for {@code request.note}
   * @param command the note
   * @return the request (unchanged)
   * @throws AccessDeniedException when the actor lacks {@code request.note} on the request
   */
  Request addNote(Actor actor, AddRequestNote command);

  /**
   * @param actor the acting user; checked for {@code request.read}
   * @param number a request number
   * @return the request
   * @throws RecordNotFoundException if none, or it belongs to another tenant
   * @throws AccessDeniedException when the actor may not read it
   */
  Request get(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code request.read}
   * @param number a request number
   * @return the request, if it exists in the actor's tenant
   * @throws AccessDeniedException when the actor may not read it
   */
  Optional<Request> find(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code request.read}. The query returns only
   *     requests of the actor's tenant, and only the actor's own (submitted by or for the actor)
   *     when the access policy's read scope for requests is {@code OWN} (by default: an actor in
   *     no group)
   * @return a new query
   * @throws AccessDeniedException when the actor may read no request
   */
  RequestQuery query(Actor actor);

  /**
   * @param actor the acting user; checked for {@code request.read}
   * @param number a request
   * @return its approver decisions, oldest first
   * @throws RecordNotFoundException if none, or it belongs to another tenant
   * @throws AccessDeniedException when the actor may not read it
   */
  List<RequestDecision> decisions(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code request.read}
   * @param number a request
   * @return its timeline, oldest first
   * @throws RecordNotFoundException if none, or it belongs to another tenant
   * @throws AccessDeniedException when the actor may not read it
   */
  List<TimelineEntry> timeline(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code request.read}
   * @param number a request
   * @return its audit trail, oldest first
   * @throws RecordNotFoundException if none, or it belongs to another tenant
   * @throws AccessDeniedException when the actor may not read it
   */
  List<AuditEntry> auditTrail(Actor actor, String number);
}
