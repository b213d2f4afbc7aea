package dev.itsm.core;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user (or the library itself) on whose behalf an API call is made. Every call,
 * read or write, names one: it is checked by the engine's access policy, confines the call to the
 * actor's tenant, and is recorded in the audit trail.
 *
 * <p>The host authenticates the user and builds the actor; the library trusts the id, the groups
 * and the tenant it is given. Never build an actor from unauthenticated input, and never hand
 * {@link #system()} to a user: it is the library's own identity and passes every check.
 *
 * <pre>{@code
 * Actor dana = Actor.of("dana", "service-desk");          // default tenant
 * Actor acmeDana = Actor.of("dana", "service-desk").inTenant("acme");
 * }</pre>
 *
 * @param id the user id, not blank
 * @param groups the groups the user belongs to (may be empty); the engine adds the groups its
 *     {@link dev.itsm.core.spi.Directory} knows for the user
 * @param tenant the tenant the call is confined to; {@code null} means {@link #DEFAULT_TENANT}
 */
public record Actor(String id, Set<String> groups, String tenant) {

  /** The id used for changes made by the library itself, e.g. by a timer. */
  public static final String SYSTEM_ID = "system";

  /** The library's own identity per tenant; {@link #isSystem()} compares with these instances. */
  private static final java.util.concurrent.ConcurrentMap<String, Actor> SYSTEM =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The tenant of an engine that serves one organisation, and of actors that name none. */
  public static final String DEFAULT_TENANT = "default";

  /**
   * What a tenant id looks like: a lower-case letter, then up to 11 lower-case letters, digits or
   * {@code _} (short, because it prefixes the tenant's record numbers).
   */
  public static final String TENANT_PATTERN = "[a-z][a-z0-9_]{0,11}";

  /** Validates and copies the arguments. */
  public Actor {
    Objects.requireNonNull(id, "actor id must not be null: name the user making the call");
    if (id.isBlank()) {
      throw new IllegalArgumentException("actor id must not be blank: name the user making the call");
    }
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    tenant = tenant == null ? DEFAULT_TENANT : tenant;
    if (!tenant.matches(TENANT_PATTERN)) {
      throw new IllegalArgumentException("actor tenant '" + abbreviate(tenant)
          + "' is not a tenant id: use a lower-case letter followed by up to 11 lower-case"
          + " letters, digits or _ (e.g. acme)");
    }
  }

  /**
   * An actor of the {@link #DEFAULT_TENANT default tenant}.
   *
   * @param id the user id, not blank
   * @param groups the groups the user belongs to
   */
  public Actor(String id, Set<String> groups) {
    this(id, groups, DEFAULT_TENANT);
  }

  /**
   * @param tenant a tenant id declared on the engine
   * @return this actor, confined to {@code tenant}
   */
  public Actor inTenant(String tenant) {
    return new Actor(id, groups, Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * Whether this is the library's own identity: one of the instances {@link #system()} and
   * {@link #system(String)} return, compared by identity. An actor a host builds with the id
   * {@code system} (e.g. from a login of that name, or decoded from an event) is an ordinary
   * user, so the identity cannot be forged through the id.
   *
   * @return whether this actor passes every access check
   */
  public boolean isSystem() {
    return SYSTEM_ID.equals(id) && SYSTEM.get(tenant) == this;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /**
   * @param id the user id
   * @param groups the user's groups
   * @return an actor
   */
  public static Actor of(String id, String... groups) {
    return new Actor(id, Set.of(groups));
  }

  /** @return the actor used for the library's own changes (timers, automatic closure) */
  public static Actor system() {
    return system(DEFAULT_TENANT);
  }

  /**
   * @param tenant a tenant id
   * @return the library's own identity within {@code tenant} (timers of that tenant's records)
   */
  public static Actor system(String tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Actor existing = SYSTEM.get(tenant);
    return existing != null ? existing
        : SYSTEM.computeIfAbsent(new Actor(SYSTEM_ID, Set.of(), tenant).tenant(),
            t -> new Actor(SYSTEM_ID, Set.of(), t));
  }
}
