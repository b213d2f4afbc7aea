package dev.itsm.core.change.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.change.Change;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.internal.OpenIncidents;
import java.util.Optional;

/**
 * Change enablement's view of incident management: whether linked incidents exist, and resolving
 * them when a successful change closes. {@link #NONE} when incident management is not deployed.
 * Internal: no compatibility guarantees.
 */
public interface LinkedIncidents {

  /** Incident management is not deployed: links are kept as given and nothing is resolved. */
  LinkedIncidents NONE = new LinkedIncidents() {
    @Override
    public Optional<Boolean> exists(Actor actor, String number) {
      return Optional.empty();
    }

    @Override
    public void resolve(Change change, Actor actor) {}
  };

  /**
   * @param actor the actor linking it: the incident must be one the actor may read, of the
   *     actor's tenant (a change must not resolve incidents its author cannot even see)
   * @param number an incident number
   * @return whether it exists for the actor; empty when incident management is not deployed
   * @throws dev.itsm.core.access.AccessDeniedException when the actor may not read it
   */
  Optional<Boolean> exists(Actor actor, String number);

  /**
   * Resolves the change's linked incidents that are still open (acknowledging or resuming them
   * first); resolved, closed and cancelled ones are left alone.
   *
   * @param change the successful change
   * @param actor the library's own actor of the change's tenant: a cascade of a permitted call,
   *     not checked again
   */
  void resolve(Change change, Actor actor);

  /**
   * @param incidents the incident service
   * @return the links over it
   */
  static LinkedIncidents over(IncidentService incidents) {
    return new LinkedIncidents() {
      @Override
      public Optional<Boolean> exists(Actor actor, String number) {
        return Optional.of(incidents.find(actor, number).isPresent());
      }

      @Override
      public void resolve(Change change, Actor actor) {
        OpenIncidents.notify(incidents, actor, change.incidents(), "Fixed by change "
            + change.number() + " (" + change.outcome() + ")");
        OpenIncidents.resolve(incidents, actor, change.incidents(),
            ResolutionCode.SOLVED_PERMANENTLY, "Resolved by change " + change.number() + ": "
                + change.title());
      }
    };
  }
}
