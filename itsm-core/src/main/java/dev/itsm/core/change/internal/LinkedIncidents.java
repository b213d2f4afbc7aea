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
    public Optional<Boolean> exists(String tenant, String number) {
      return Optional.empty();
    }

    @Override
    public void resolve(Change change, Actor actor) {}
  };

  /**
   * @param tenant the tenant of the change that links it
   * @param number an incident number
   * @return whether it exists in that tenant; empty when incident management is not deployed
   */
  Optional<Boolean> exists(String tenant, String number);

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
      public Optional<Boolean> exists(String tenant, String number) {
        return Optional.of(incidents.find(Actor.system(tenant), number)
            .filter(i -> i.tenant().equals(tenant)).isPresent());
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
