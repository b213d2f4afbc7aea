package dev.itsm.core.change;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.VetoException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.incident.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Change enablement: standard, normal and emergency changes from request to close. Every call,
 * reads included, names the acting user first, runs in one transaction, validates its input,
 * passes the engine's access policy and changes nothing when it fails. A change belongs to the
 * tenant of the actor who raised it; a change of another tenant is not found.
 *
 * <ul>
 *   <li>{@link ValidationException}: the command broke a rule (field, rule, message); also a
 *       window in a freeze, or a collision in {@link CollisionMode#BLOCK} mode;</li>
 *   <li>{@link IllegalTransitionException}: the action is not allowed in the change's state
 *       (names the state and the allowed actions);</li>
 *   <li>{@link NotPermittedException}: the actor may not do it (segregation of duties, not an
 *       approver, already decided); its subtype {@link AccessDeniedException}: the engine's access
 *       policy refused the call (checked before anything is read or changed, and before the
 *       change's state is looked at);</li>
 *   <li>{@link RecordNotFoundException} (also for a change of another tenant),
 *       {@link VetoException} (a before-hook refused),
 *       {@code ConcurrentModificationException} (retry).</li>
 * </ul>
 *
 * <pre>{@code
 * ChangeService changes = engine.changes();
 * Change c = changes.create(requester, CreateChange.builder()...build());   // ASSESSMENT
 * changes.submitForAuthorization(owner, new SubmitChange(c.number(), null)); // AUTHORIZATION
 * changes.decide(cabMember, DecideChange.approve(c.number(), "ok"));        // AUTHORIZED
 * changes.schedule(manager, ScheduleChange.window(c.number(), start, end)); // SCHEDULED
 * changes.startImplementation(implementer, new StartImplementation(c.number(), null));
 * changes.recordOutcome(implementer, new RecordOutcome(c.number(), ChangeOutcome.SUCCESSFUL, "done"));
 * }</pre>
 */
public interface ChangeService {

  /**
   * Raises a normal change (into ASSESSMENT) or an emergency change (straight into AUTHORIZATION
   * by the emergency change authority). The risk is computed at once. The change belongs to the
   * actor's tenant.
   *
   * @param actor the requester; checked for {@code change.create}
   * @param command the change
   * @return the change
   * @throws AccessDeniedException when the actor may not raise changes
   */
  Change create(Actor actor, CreateChange command);

  /**
   * Raises a standard change from a catalog template: pre-authorised, state AUTHORIZED, risk LOW.
   *
   * @param actor the requester; checked for {@code change.create}
   * @param command the template and the details
   * @return the change
   * @throws ValidationException when the template is not in the catalog
   * @throws AccessDeniedException when the actor may not raise changes
   */
  Change createStandard(Actor actor, CreateStandardChange command);

  /**
   * Answers the risk questionnaire again; the risk is recomputed.
   *
   * @param actor the acting user; checked for {@code change.assess}
   * @param command new questionnaire answers
   * @return the change, risk recomputed
   * @throws AccessDeniedException when the actor may not assess this change
   */
  Change assess(Actor actor, AssessChange command);

  /**
   * Sends a normal change to the change authority the authority policy names for its risk; opens
   * a new authorisation round with its approval policy and deadline.
   *
   * @param actor the acting user; checked for {@code change.submit}
   * @param command the change
   * @return the change, in AUTHORIZATION
   * @throws AccessDeniedException when the actor may not submit this change
   */
  Change submitForAuthorization(Actor actor, SubmitChange command);

  /**
   * Records an approver's decision and applies the approval policy and rejection rule: the change
   * stays in AUTHORIZATION, or becomes AUTHORIZED or REJECTED. The access policy is asked first
   * ({@code change.decide}); the change's approval rules then still decide who is eligible.
   *
   * @param actor the approver; checked for {@code change.decide}
   * @param command the decision
   * @return the change
   * @throws AccessDeniedException when the access policy refuses the actor
   * @throws NotPermittedException when the actor is not an approver of this change, is its
   *     requester, owner or implementer, or already decided in this round
   */
  Change decide(Actor actor, DecideChange command);

  /**
   * Schedules an authorised change (or moves a scheduled one) into a window, checking freeze
   * windows and collisions.
   *
   * @param actor the acting user; checked for {@code change.schedule}
   * @param command the window
   * @return the change, SCHEDULED
   * @throws AccessDeniedException when the actor may not schedule this change
   */
  Change schedule(Actor actor, ScheduleChange command);

  /**
   * @param actor the implementer; checked for {@code change.implement}
   * @param command the change
   * @return the change, in IMPLEMENTATION
   * @throws AccessDeniedException when the actor may not implement this change
   */
  Change startImplementation(Actor actor, StartImplementation command);

  /**
   * Records the outcome; the change goes to REVIEW if the review rule requires it, else closes
   * (a successful close resolves the linked incidents when the policy says so; that follow-up is
   * the library's own and is not checked against the incident permissions).
   *
   * @param actor the implementer; checked for {@code change.implement}
   * @param command the outcome
   * @return the change
   * @throws AccessDeniedException when the actor may not implement this change
   */
  Change recordOutcome(Actor actor, RecordOutcome command);

  /**
   * Completes the post-implementation review and closes the change (resolving linked incidents
   * after a successful change, as {@link #recordOutcome} does).
   *
   * @param actor the reviewer; checked for {@code change.review}
   * @param command the findings
   * @return the change, CLOSED
   * @throws AccessDeniedException when the actor may not review changes
   */
  Change completeReview(Actor actor, CompleteReview command);

  /**
   * @param actor the acting user; checked for {@code change.cancel}
   * @param command the reason
   * @return the change, CANCELLED
   * @throws AccessDeniedException when the actor may not cancel this change
   */
  Change cancel(Actor actor, CancelChange command);

  /**
   * @param actor the acting user; checked for {@code change.note}
   * @param command the note
   * @return the change (unchanged)
   * @throws AccessDeniedException when the actor may not add notes to this change
   */
  Change addNote(Actor actor, AddChangeNote command);

  /**
   * @param actor the acting user; checked for {@code change.read}
   * @param number a change number
   * @return the change
   * @throws RecordNotFoundException if none exists in the actor's tenant
   * @throws AccessDeniedException when the actor may not read this change
   */
  Change get(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code change.read}
   * @param number a change number
   * @return the change, if it exists in the actor's tenant
   * @throws AccessDeniedException when it exists but the actor may not read it
   */
  Optional<Change> find(Actor actor, String number);

  /**
   * A new query over the changes of the actor's tenant; an actor whose read scope is
   * {@link dev.itsm.core.access.ReadScope#OWN} (with the standard role model: an actor in no
   * group) sees only the changes they requested.
   *
   * @param actor the acting user; checked for {@code change.read} when the query runs
   * @return a new query
   */
  ChangeQuery query(Actor actor);

  /**
   * The change schedule: changes SCHEDULED or in IMPLEMENTATION whose window overlaps the period,
   * earliest first, within the actor's tenant and read scope (as {@link #query}).
   *
   * @param actor the acting user; checked for {@code change.read}
   * @param from period start
   * @param to period end
   * @return the scheduled changes
   * @throws AccessDeniedException when the actor may not read changes
   */
  List<Change> schedule(Actor actor, Instant from, Instant to);

  /**
   * @param actor the acting user; checked for {@code change.read}
   * @param number a change
   * @return its approver decisions, oldest first
   * @throws RecordNotFoundException if none exists in the actor's tenant
   * @throws AccessDeniedException when the actor may not read this change
   */
  List<ApprovalRecord> decisions(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code change.read}
   * @param number a change
   * @return its timeline, oldest first
   * @throws RecordNotFoundException if none exists in the actor's tenant
   * @throws AccessDeniedException when the actor may not read this change
   */
  List<TimelineEntry> timeline(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code change.read}
   * @param number a change
   * @return its audit trail, oldest first
   * @throws RecordNotFoundException if none exists in the actor's tenant
   * @throws AccessDeniedException when the actor may not read this change
   */
  List<AuditEntry> auditTrail(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code change.read}
   * @return the standard change catalog
   * @throws AccessDeniedException when the actor may not read changes
   */
  List<StandardChangeTemplate> standardChanges(Actor actor);
}
