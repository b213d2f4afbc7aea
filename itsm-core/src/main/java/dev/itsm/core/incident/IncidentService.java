package dev.itsm.core.incident;

import dev.itsm.core.Actor;
import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.VetoException;
import dev.itsm.core.audit.AuditEntry;
import java.util.List;
import java.util.Optional;

/**
 * Incident management: the Java API of the ITIL incident practice.
 *
 * <p>Every mutating call names the acting {@link Actor}, runs in one transaction with the process
 * engine (the record and its process change together or not at all), is recorded in the audit
 * trail, and returns the incident as stored. A failing call changes nothing and throws one of:
 * <ul>
 *   <li>{@link ValidationException}: the command broke one or more rules (all are listed);</li>
 *   <li>{@link RecordNotFoundException}: no such incident;</li>
 *   <li>{@link IllegalTransitionException}: the action is not allowed in the current state (the
 *       exception names the state and the allowed actions);</li>
 *   <li>{@link VetoException}: a "before" hook refused the change;</li>
 *   <li>{@link ConcurrentModificationException}: someone else changed it at the same time
 *       (retryable).</li>
 * </ul>
 *
 * <pre>{@code
 * IncidentService incidents = engine.incidents();
 * Incident inc = incidents.open(agent, OpenIncident.builder().title("Printer on fire")
 *     .caller("bob").channel(Channel.PHONE).impact(Impact.LOW).urgency(Urgency.HIGH).build());
 * incidents.acknowledge(agent, new AcknowledgeIncident(inc.number()));
 * incidents.resolve(agent, new ResolveIncident(inc.number(), ResolutionCode.SOLVED_PERMANENTLY,
 *     "Extinguished and replaced"));
 * }</pre>
 */
public interface IncidentService {

  /**
   * Logs a new incident (state NEW), derives its priority, assigns it and starts its process.
   *
   * @param actor who logs it
   * @param command the incident's data
   * @return the stored incident, with its new number
   */
  Incident open(Actor actor, OpenIncident command);

  /**
   * Sets the assignment group and assignee. Allowed in NEW, IN_PROGRESS and ON_HOLD.
   *
   * @param actor who assigns
   * @param command the assignment
   * @return the stored incident
   */
  Incident assign(Actor actor, AssignIncident command);

  /**
   * Changes impact and urgency; the priority is derived again through the priority matrix and the
   * service-level clocks are re-targeted, keeping their elapsed time. Allowed in NEW, IN_PROGRESS
   * and ON_HOLD.
   *
   * @param actor who changes it
   * @param command the new impact and urgency
   * @return the stored incident
   */
  Incident reprioritize(Actor actor, ChangeIncidentPriority command);

  /**
   * NEW → IN_PROGRESS: accepts the incident for work and meets the response target.
   *
   * @param actor who acknowledges
   * @param command the incident
   * @return the stored incident
   */
  Incident acknowledge(Actor actor, AcknowledgeIncident command);

  /**
   * IN_PROGRESS → ON_HOLD.
   *
   * @param actor who puts it on hold
   * @param command the incident and the hold reason
   * @return the stored incident
   */
  Incident putOnHold(Actor actor, PutIncidentOnHold command);

  /**
   * ON_HOLD → IN_PROGRESS.
   *
   * @param actor who resumes
   * @param command the incident
   * @return the stored incident
   */
  Incident resume(Actor actor, ResumeIncident command);

  /**
   * IN_PROGRESS → RESOLVED; starts the auto-close period.
   *
   * @param actor who resolves
   * @param command the resolution
   * @return the stored incident
   */
  Incident resolve(Actor actor, ResolveIncident command);

  /**
   * RESOLVED → IN_PROGRESS.
   *
   * @param actor who reopens
   * @param command the reason
   * @return the stored incident
   */
  Incident reopen(Actor actor, ReopenIncident command);

  /**
   * RESOLVED → CLOSED, typically on the caller's confirmation.
   *
   * @param actor who closes
   * @param command the incident
   * @return the stored incident
   */
  Incident close(Actor actor, CloseIncident command);

  /**
   * NEW, IN_PROGRESS or ON_HOLD → CANCELLED.
   *
   * @param actor who cancels
   * @param command the reason
   * @return the stored incident
   */
  Incident cancel(Actor actor, CancelIncident command);

  /**
   * Adds a work note or comment to the timeline. Allowed in every state but CLOSED and CANCELLED.
   *
   * @param actor who writes it
   * @param command the note
   * @return the stored incident
   */
  Incident addWorkNote(Actor actor, AddWorkNote command);

  /**
   * @param number the incident number
   * @return the incident
   * @throws RecordNotFoundException when there is none
   */
  Incident get(String number);

  /**
   * @param number the incident number
   * @return the incident, if it exists
   */
  Optional<Incident> find(String number);

  /** @return a new query over all incidents */
  IncidentQuery query();

  /**
   * @param number the incident number
   * @return its timeline, oldest first: work notes, comments and lifecycle steps
   */
  List<TimelineEntry> timeline(String number);

  /**
   * @param number the incident number
   * @return its audit trail, oldest first: who changed which field when, through which call
   */
  List<AuditEntry> auditTrail(String number);
}
