package dev.itsm.core.incident.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import java.util.Collection;

/**
 * Resolving or notifying incidents on behalf of another record (a change, a problem, a major
 * incident), through the incident API so that each incident's process, clocks, audit and events
 * follow. These cascades are the library's own follow-up of a call that was already permitted:
 * they act as {@link Actor#system(String)} of the actor's tenant and are not checked against the
 * incident permissions (the text names the cause). Internal: no compatibility guarantees.
 */
public final class OpenIncidents {

  private OpenIncidents() {}

  /**
   * Resolves the incidents that are still open (NEW ones are acknowledged and ON_HOLD ones resumed
   * first); resolved, closed, cancelled and unknown ones are left alone.
   *
   * @param incidents the incident service
   * @param actor on whose permitted call they are resolved; the incidents are resolved by the
   *     system actor of its tenant
   * @param numbers the incidents
   * @param code the resolution code
   * @param notes the resolution notes
   * @return how many were resolved
   */
  public static int resolve(IncidentService incidents, Actor actor, Collection<String> numbers,
      ResolutionCode code, String notes) {
    Actor system = cascade(actor);
    int resolved = 0;
    for (String number : numbers) {
      Incident i = incidents.find(system, number).orElse(null);
      if (i == null || i.state().isFinal() || i.state() == IncidentState.RESOLVED) {
        continue;
      }
      if (i.state() == IncidentState.NEW) {
        incidents.acknowledge(system, new AcknowledgeIncident(number));
      } else if (i.state() == IncidentState.ON_HOLD) {
        incidents.resume(system, new ResumeIncident(number, notes));
      }
      incidents.resolve(system, new ResolveIncident(number, code, notes));
      resolved++;
    }
    return resolved;
  }

  /**
   * Adds an internal work note to each incident that is not final.
   *
   * @param incidents the incident service
   * @param actor on whose permitted call the note is written; it is written by the system
   *     actor of its tenant
   * @param numbers the incidents
   * @param text the note
   */
  public static void notify(IncidentService incidents, Actor actor, Collection<String> numbers,
      String text) {
    Actor system = cascade(actor);
    for (String number : numbers) {
      incidents.find(system, number).filter(i -> !i.state().isFinal()).ifPresent(i ->
          incidents.addWorkNote(system, new AddWorkNote(number, text,
              AddWorkNote.Visibility.INTERNAL)));
    }
  }

  /**
   * @param actor the actor of the permitted call
   * @return the library's own identity in its tenant
   */
  private static Actor cascade(Actor actor) {
    return actor.isSystem() ? actor : Actor.system(actor.tenant());
  }
}
