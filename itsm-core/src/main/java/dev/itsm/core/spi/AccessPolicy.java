package dev.itsm.core.spi;

import dev.itsm.core.Actor;
import dev.itsm.core.access.AccessDecision;
import dev.itsm.core.access.AccessRequest;
import dev.itsm.core.access.ReadScope;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.access.RoleModel;

/**
 * Decides whether an actor may make an API call. The engine asks it once per call, before
 * anything is read or changed, with the {@link dev.itsm.core.access.Permission} the call needs and
 * the record it acts on; a denial becomes an {@link dev.itsm.core.access.AccessDeniedException}.
 * The default is {@link RoleModel#standard()}; replace it with
 * {@code ItsmEngine.builder().accessPolicy(...)}.
 *
 * <p>Tenant confinement is not the policy's business: the engine checks it first and a record of
 * another tenant is never shown to a policy. Rules of the practices themselves (only eligible
 * approvers decide, segregation of duties) also hold whatever the policy says. The library's own
 * identity ({@link Actor#system()}) is not checked.
 *
 * <pre>{@code
 * AccessPolicy policy = RoleModel.standard().and(request ->
 *     request.permission() == Permission.INCIDENT_CANCEL && request.actor().id().startsWith("ext-")
 *         ? AccessDecision.deny("contractors do not cancel incidents")
 *         : AccessDecision.allow());
 * }</pre>
 */
@FunctionalInterface
public interface AccessPolicy {

  /**
   * Allows everything (within the actor's tenant). For tests and for hosts that authorise before
   * they call the library.
   */
  AccessPolicy PERMIT_ALL = request -> AccessDecision.allow();

  /**
   * @param request who, what and on which record
   * @return the decision; a denial names the reason
   */
  AccessDecision decide(AccessRequest request);

  /**
   * Which records of a kind the actor's queries return, within the tenant. The default returns
   * {@link ReadScope#ALL}; a policy that denies reading other people's records returns
   * {@link ReadScope#OWN} for such actors so that queries agree with {@link #decide}.
   *
   * @param actor the acting user, with the groups the directory adds
   * @param kind the kind of record queried
   * @return the scope
   */
  default ReadScope readScope(Actor actor, RecordKind kind) {
    return ReadScope.ALL;
  }

  /**
   * @param other a further policy
   * @return a policy that allows only what both allow (read scopes: the narrower)
   */
  default AccessPolicy and(AccessPolicy other) {
    AccessPolicy first = this;
    return new AccessPolicy() {
      @Override
      public AccessDecision decide(AccessRequest request) {
        AccessDecision d = first.decide(request);
        return d.allowed() ? other.decide(request) : d;
      }

      @Override
      public ReadScope readScope(Actor actor, RecordKind kind) {
        ReadScope a = first.readScope(actor, kind);
        ReadScope b = other.readScope(actor, kind);
        return a.ordinal() >= b.ordinal() ? a : b;
      }
    };
  }
}
