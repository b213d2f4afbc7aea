package dev.itsm.core.change;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.VetoException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.incident.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Change enablement: standard, normal and emergency changes from request to close. Every call
 * names the acting user, runs in one transaction, validates its input and changes nothing when it
 * fails.
 *
 * <ul>
 *   <li>{@link ValidationException}: the command broke a rule (field, rule, message); also a
 *       window in a freeze, or a collision in {@link CollisionMode#BLOCK} mode;</li>
 *   <li>{@link IllegalTransitionException}: the action is not allowed in the change's state
 *       (names the state and the allowed actions);</li>
 *   <li>{@link NotPermittedException}: the actor may not do it (segregation of duties, not an
 *       approver, already decided);</li>
 *   <li>{@link RecordNotFoundException}, {@link VetoException} (a before-hook refused),
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
   * by the emergency change authority). The risk is computed at once.
   *
   * @param actor the requester
   * @param command the change
   * @return the change
   */
  Change create(Actor actor, CreateChange command);

  /**
   * Raises a standard change from a catalog template: pre-authorised, state AUTHORIZED, risk LOW.
   *
   * @param actor the requester
   * @param command the template and the details
   * @return the change
   * @throws ValidationException when the template is not in the catalog
   */
  Change createStandard(Actor actor, CreateStandardChange command);

  /** @param actor who @param command new questionnaire answers @return the change, risk recomputed */
  Change assess(Actor actor, AssessChange command);

  /**
   * Sends a normal change to the change authority the authority policy names for its risk; opens
   * a new authorisation round with its approval policy and deadline.
   *
   * @param actor who
   * @param command the change
   * @return the change, in AUTHORIZATION
   */
  Change submitForAuthorization(Actor actor, SubmitChange command);

  /**
   * Records an approver's decision and applies the approval policy and rejection rule: the change
   * stays in AUTHORIZATION, or becomes AUTHORIZED or REJECTED.
   *
   * @param actor the approver
   * @param command the decision
   * @return the change
   * @throws NotPermittedException when the actor is not an approver of this change, is its
   *     requester, owner or implementer, or already decided in this round
   */
  Change decide(Actor actor, DecideChange command);

  /** @param actor who @param command the window @return the change, SCHEDULED */
  Change schedule(Actor actor, ScheduleChange command);

  /** @param actor who @param command the change @return the change, in IMPLEMENTATION */
  Change startImplementation(Actor actor, StartImplementation command);

  /**
   * Records the outcome; the change goes to REVIEW if the review rule requires it, else closes
   * (a successful close resolves the linked incidents when the policy says so).
   *
   * @param actor who
   * @param command the outcome
   * @return the change
   */
  Change recordOutcome(Actor actor, RecordOutcome command);

  /** @param actor the reviewer @param command the findings @return the change, CLOSED */
  Change completeReview(Actor actor, CompleteReview command);

  /** @param actor who @param command the reason @return the change, CANCELLED */
  Change cancel(Actor actor, CancelChange command);

  /** @param actor who @param command the note @return the change (unchanged) */
  Change addNote(Actor actor, AddChangeNote command);

  /** @param number a change number @return the change @throws RecordNotFoundException if none */
  Change get(String number);

  /** @param number a change number @return the change, if it exists */
  Optional<Change> find(String number);

  /** @return a new query */
  ChangeQuery query();

  /**
   * The change schedule: changes SCHEDULED or in IMPLEMENTATION whose window overlaps the period,
   * earliest first.
   *
   * @param from period start
   * @param to period end
   * @return the scheduled changes
   */
  List<Change> schedule(Instant from, Instant to);

  /** @param number a change @return its approver decisions, oldest first */
  List<ApprovalRecord> decisions(String number);

  /** @param number a change @return its timeline, oldest first */
  List<TimelineEntry> timeline(String number);

  /** @param number a change @return its audit trail, oldest first */
  List<AuditEntry> auditTrail(String number);

  /** @return the standard change catalog */
  List<StandardChangeTemplate> standardChanges();
}
