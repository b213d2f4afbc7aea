package dev.itsm.core.access;

import dev.itsm.core.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * One question to an {@link dev.itsm.core.spi.AccessPolicy}: may this actor do this, on this
 * record?
 *
 * @param actor the acting user, with the groups the engine's directory adds
 * @param permission what the call needs
 * @param target the record the call acts on; for a call that creates one, the record to be
 *     created (without number); {@code null} for calls on no record (queries, metrics, audit)
 */
public record AccessRequest(Actor actor, Permission permission, AccessTarget target) {

  /** Checks the arguments. */
  public AccessRequest {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(permission, "permission");
  }

  /** @return the target, when the call acts on a record */
  public Optional<AccessTarget> targetIfAny() {
    return Optional.ofNullable(target);
  }
}
