package dev.itsm.core;

import java.util.Objects;
import java.util.Set;

/**
 * The user (or system) on whose behalf an API call is made. Every mutating call names one; it is
 * recorded in the audit trail.
 *
 * @param id the user id, not blank
 * @param groups the groups the user belongs to (may be empty)
 */
public record Actor(String id, Set<String> groups) {

  /** The id used for changes made by the library itself, e.g. by a timer. */
  public static final String SYSTEM_ID = "system";

  /** Validates and copies the arguments. */
  public Actor {
    Objects.requireNonNull(id, "actor id must not be null: name the user making the call");
    if (id.isBlank()) {
      throw new IllegalArgumentException("actor id must not be blank: name the user making the call");
    }
    groups = groups == null ? Set.of() : Set.copyOf(groups);
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
    return new Actor(SYSTEM_ID, Set.of());
  }
}
