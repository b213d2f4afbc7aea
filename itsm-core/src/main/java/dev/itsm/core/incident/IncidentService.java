package dev.itsm.core.incident;

import dev.itsm.core.Actor;
import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.VetoException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.audit.AuditEntry;
import java.util.List;
import java.util.Optional;

/**
 * Incident management: the Java API of the ITIL incident practice.
 *
 * <p>Every call, reads included, names the acting {@link Actor}: the engine's access policy must
 * grant it the call's {@link Permission} on the incident (see {@code RoleModel}), and the call
 * sees only the incidents of the actor's tenant (another tenant's incident is "not found").
 * Every mutating call runs in one transaction with the process
 * engine (the record and its process change together or not at all), is recorded in the audit
 * trail, and returns the incident as stored. A failing call changes nothing and throws one of:
 * <ul>
 *   <li>{@link ValidationException}: the command broke one or more rules (all are listed);</li>
 *   <li>{@link RecordNotFoundException}: no such incident (in the actor's tenant);</li>
 *   <li>{@link AccessDeniedException}: the actor lacks the call's permission;</li>
 *   <li>{@link IllegalTransitionException}: the action is not allowed in the current state (the
 *       exception names the state and the allowed actions);</li>
 *   <li>{@link VetoException}: a "before" hook refused the change;</li>
 *   <li>{@link ConcurrentModificationException}: someone else changed it at the same time
 *       (retryable).</li>
 * </ul>
 *
 * <pre>{@code
 * IncidentService incidents = engine.incidents();
 * Actor agent = Actor.of("dana", "service-desk");   // resolves what her group is assigned
 * Incident inc = incidents.open(agent, OpenIncident.builder().title("Printer on fire")
 *     .caller("bob").channel(Channel.PHONE).impact(Impact.LOW).urgency(Urgency.HIGH)
 *     .assignmentGroup("service-desk").build());
 * incidents.acknowledge(agent, new AcknowledgeIncident(inc.number()));
 * incidents.resolve(agent, new ResolveIncident(inc.number(), ResolutionCode.SOLVED_PERMANENTLY,
 *     "Extinguished and replaced"));
 * }</pre>
 */
public interface IncidentService {

  /**
   * Logs a new incident (state NEW), derives its priority, assigns it and starts its process.
   *
   * @param actor who logs it; checked for {@code incident.open}
   * @param command the incident's data
   * @return the stored incident, with its new number
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_OPEN}
   */
  Incident open(Actor actor, OpenIncident command);

  /**
   * Sets the assignment group and assignee. Allowed in NEW, IN_PROGRESS and ON_HOLD.
   *
   * @param actor who assigns; checked for {@code incident.assign}
   * @param command the assignment
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_ASSIGN}
   */
  Incident assign(Actor actor, AssignIncident command);

  /**
   * Changes impact and urgency; the priority is derived again through the priority matrix and the
   * service-level clocks are re-targeted, keeping their elapsed time. Allowed in NEW, IN_PROGRESS
   * and ON_HOLD.
   *
   * @param actor who changes it; checked for {@code incident.reprioritize}
   * @param command the new impact and urgency
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_REPRIORITIZE}
   */
  Incident reprioritize(Actor actor, ChangeIncidentPriority command);

  /**
   * NEW → IN_PROGRESS: accepts the incident for work and meets the response target.
   *
   * @param actor who acknowledges; checked for {@code incident.work}
   * @param command the incident
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_WORK}
   */
  Incident acknowledge(Actor actor, AcknowledgeIncident command);

  /**
   * IN_PROGRESS → ON_HOLD.
   *
   * @param actor who puts it on hold; checked for {@code incident.work}
   * @param command the incident and the hold reason
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_WORK}
   */
  Incident putOnHold(Actor actor, PutIncidentOnHold command);

  /**
   * ON_HOLD → IN_PROGRESS.
   *
   * @param actor who resumes; checked for {@code incident.work}
   * @param command the incident
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_WORK}
   */
  Incident resume(Actor actor, ResumeIncident command);

  /**
   * IN_PROGRESS → RESOLVED; starts the auto-close period.
   *
   * @param actor who resolves; checked for {@code incident.resolve}
   * @param command the resolution
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_RESOLVE}
   */
  Incident resolve(Actor actor, ResolveIncident command);

  /**
   * RESOLVED → IN_PROGRESS.
   *
   * @param actor who reopens; checked for {@code incident.reopen}
   * @param command the reason
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_REOPEN}
   */
  Incident reopen(Actor actor, ReopenIncident command);

  /**
   * RESOLVED → CLOSED, typically on the caller's confirmation.
   *
   * @param actor who closes; checked for {@code incident.close}
   * @param command the incident
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_CLOSE}
   */
  Incident close(Actor actor, CloseIncident command);

  /**
   * NEW, IN_PROGRESS or ON_HOLD → CANCELLED.
   *
   * @param actor who cancels; checked for {@code incident.cancel}
   * @param command the reason
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_CANCEL}
   */
  Incident cancel(Actor actor, CancelIncident command);

  /**
   * Adds a work note or comment to the timeline. Allowed in every state but CLOSED and CANCELLED.
   *
   * @param actor who writes it; checked for {@code incident.note}
   * @param command the note
   * @return the stored incident
   * @throws RecordNotFoundException no such incident in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_NOTE}
   */
  Incident addWorkNote(Actor actor, AddWorkNote command);

  /**
   * @param actor the acting user; checked for {@code incident.read}
   * @param number the incident number
   * @return the incident
   * @throws RecordNotFoundException when there is none in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_READ} on it
   */
  Incident get(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code incident.read}
   * @param number the incident number
   * @return the incident, if it exists in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_READ} on it
   */
  Optional<Incident> find(Actor actor, String number);

  /**
   * A new query over the incidents of the actor's tenant. An actor whose
   * {@link dev.itsm.core.access.ReadScope} is {@code OWN} (with the standard role model: an actor
   * in no group) sees only the incidents it is the caller of.
   *
   * @param actor the acting user; checked for {@code incident.read}
   * @return a new query over the incidents the actor may read
   * @throws AccessDeniedException the actor may read no incident
   */
  IncidentQuery query(Actor actor);

  /**
   * @param actor the acting user; checked for {@code incident.read}
   * @param number the incident number
   * @return its timeline, oldest first: work notes, comments and lifecycle steps
   * @throws RecordNotFoundException when there is none in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_READ} on it
   */
  List<TimelineEntry> timeline(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code incident.read}
   * @param number the incident number
   * @return its audit trail, oldest first: who changed which field when, through which call
   * @throws RecordNotFoundException when there is none in the actor's tenant
   * @throws AccessDeniedException the actor lacks {@link Permission#INCIDENT_READ} on it
   */
  List<AuditEntry> auditTrail(Actor actor, String number);
}
