package dev.itsm.core.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.access.AccessDecision;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.AccessRequest;
import dev.itsm.core.access.AccessTarget;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.ReadScope;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.spi.AccessPolicy;
import dev.itsm.core.spi.Directory;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one gate every API call passes: the actor's tenant must be declared, a record of another
 * tenant is "not found", and the access policy must allow the permission. Also owns the tenant
 * side of record numbers. Internal: no compatibility guarantees.
 *
 * <p>Order inside a service method: validate the command, load the record, {@link #check} it,
 * then the lifecycle and the practice's own rules.
 */
public final class AccessGuard {

  /** Allows everything in the default tenant: for unit tests of the domain services. */
  public static final AccessGuard PERMIT_ALL =
      new AccessGuard(AccessPolicy.PERMIT_ALL, Directory.NONE, Set.of(Actor.DEFAULT_TENANT));

  private final AccessPolicy policy;
  private final Directory directory;
  private final Set<String> tenants;

  /**
   * @param policy the access policy
   * @param directory adds the groups it knows to each actor
   * @param tenants the declared tenants (the default tenant is always one)
   */
  public AccessGuard(AccessPolicy policy, Directory directory, Set<String> tenants) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.directory = Objects.requireNonNull(directory, "directory");
    Set<String> all = new TreeSet<>(tenants);
    all.add(Actor.DEFAULT_TENANT);
    this.tenants = Set.copyOf(all);
  }

  /** @return the declared tenants, the default tenant included */
  public Set<String> tenants() {
    return tenants;
  }

  /**
   * Checks a call on a record, or on the record about to be created.
   *
   * @param actor the acting user
   * @param permission what the call needs
   * @param target the record, or {@code null} for calls on no record
   * @throws ValidationException the actor's tenant is not declared (field {@code actor.tenant})
   * @throws RecordNotFoundException the record belongs to another tenant
   * @throws AccessDeniedException the policy says no
   */
  public void check(Actor actor, Permission permission, AccessTarget target) {
    Objects.requireNonNull(permission, "permission");
    requireTenant(actor);
    if (actor.isSystem()) {
      return;
    }
    if (target != null && !target.tenant().equals(actor.tenant())) {
      if (target.number() != null) {
        throw new RecordNotFoundException(target.number());
      }
      throw new AccessDeniedException(permission, actor.id(), null,
          "the record would belong to tenant " + target.tenant() + ", the actor to "
              + actor.tenant());
    }
    AccessDecision decision = policy.decide(new AccessRequest(effective(actor), permission,
        target));
    if (decision == null || !decision.allowed()) {
      throw new AccessDeniedException(permission, actor.id(),
          target == null ? null : target.number(),
          decision == null ? "the access policy gave no decision" : decision.reason());
    }
  }

  /**
   * Checks a call on no record.
   *
   * @param actor the acting user
   * @param permission what the call needs
   */
  public void check(Actor actor, Permission permission) {
    check(actor, permission, null);
  }

  /**
   * Checks a query and says which records it may return.
   *
   * @param actor the acting user
   * @param permission the read permission of the kind
   * @param kind the kind of record queried
   * @return {@link ReadScope#ALL} or {@link ReadScope#OWN}, never {@link ReadScope#NONE}
   * @throws AccessDeniedException the actor may read no record of the kind
   */
  public ReadScope scope(Actor actor, Permission permission, RecordKind kind) {
    check(actor, permission);
    if (actor.isSystem()) {
      return ReadScope.ALL;
    }
    ReadScope scope = policy.readScope(effective(actor), kind);
    if (scope == null || scope == ReadScope.NONE) {
      throw new AccessDeniedException(permission, actor.id(), null,
          "the access policy lets " + actor.id() + " read no " + kind);
    }
    return scope;
  }

  /**
   * Checks a query and says whose records it may return: the one place that turns a
   * {@link ReadScope} into a query restriction.
   *
   * @param actor the acting user
   * @param permission the read permission of the kind
   * @param kind the kind of record queried
   * @return the actor's id under {@link ReadScope#OWN} (only records the actor owns), or
   *     {@code null} under {@link ReadScope#ALL} (every record of the actor's tenant)
   * @throws AccessDeniedException the actor may read no record of the kind
   */
  public String queryOwner(Actor actor, Permission permission, RecordKind kind) {
    return scope(actor, permission, kind) == ReadScope.OWN ? actor.id() : null;
  }

  /**
   * A read of one part of a record (its timeline, audit trail or decisions): the actor's tenant
   * must be declared and the number a key; then, in one transaction, the record is checked
   * readable by the actor before the part is read.
   *
   * @param actor the acting user
   * @param number the record's number
   * @param tx the transactions
   * @param checkReadable loads the record and checks the read permission on it (throws when the
   *     record is not there for the actor, or the actor may not read it)
   * @param part reads the part
   * @param <T> the part's type
   * @return the part
   */
  public <T> T readPart(Actor actor, String number, Transactions tx,
      java.util.function.Consumer<String> checkReadable, java.util.function.Supplier<T> part) {
    requireTenant(actor);
    Arguments.key(number, "number");
    return tx.required(() -> {
      checkReadable.accept(number);
      return part.get();
    });
  }

  /**
   * Filters records already loaded (lists on a record, e.g. linked incidents) to those the actor
   * may read: same tenant, and the policy allows the read permission.
   *
   * @param actor the acting user
   * @param permission the read permission
   * @param target the record's facts
   * @return whether the actor may see it
   */
  public boolean canRead(Actor actor, Permission permission, AccessTarget target) {
    if (!target.tenant().equals(actor.tenant()) && !actor.isSystem()) {
      return false;
    }
    if (actor.isSystem()) {
      return true;
    }
    AccessDecision d = policy.decide(new AccessRequest(effective(actor), permission, target));
    return d != null && d.allowed();
  }

  /**
   * @param actor the acting user
   * @throws ValidationException when the actor is {@code null} or its tenant is not declared
   */
  public void requireTenant(Actor actor) {
    if (actor == null) {
      throw new ValidationException("call", List.of(new Violation("actor", "NotNull",
          "must not be null: name the acting user")));
    }
    if (!tenants.contains(actor.tenant())) {
      throw new ValidationException("call", List.of(new Violation("actor.tenant",
          "DeclaredTenant", "is '" + actor.tenant() + "', which this engine does not serve;"
              + " declare it with ItsmEngine.builder().tenants(...) (declared: "
              + String.join(", ", new TreeSet<>(tenants)) + ")")));
    }
  }

  /**
   * The number of a new record in a tenant: the default tenant's numbers are the policy's own
   * (e.g. {@code INC0000001}); other tenants' carry the tenant as a prefix
   * ({@code ACME-INC0000001}), so a number names one record across tenants.
   *
   * @param tenant the record's tenant
   * @param formatted the number as the numbering policy formats it
   * @return the record number
   */
  public static String number(String tenant, String formatted) {
    return Actor.DEFAULT_TENANT.equals(tenant) ? formatted
        : tenant.toUpperCase(Locale.ROOT) + "-" + formatted;
  }

  /**
   * @param actor an actor
   * @return the actor with the groups the directory knows for it added
   */
  public Actor effective(Actor actor) {
    Set<String> extra = directory.groupsOf(actor.id());
    if (extra.isEmpty() || actor.groups().containsAll(extra)) {
      return actor;
    }
    Set<String> groups = new HashSet<>(actor.groups());
    groups.addAll(extra);
    return new Actor(actor.id(), groups, actor.tenant());
  }
}
