package dev.itsm.core.spi;

import dev.itsm.core.problem.ProblemState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;

/**
 * What a problem query asks a {@link ProblemStore} for; {@code null} or empty: no restriction.
 *
 * @param states any of these states
 * @param problemManager the problem manager
 * @param incident linked to this incident
 * @param fixChange fixed by this change
 * @param category the category
 * @param service the service
 * @param configurationItem the configuration item
 * @param proactive proposed by the detection rule (true) or logged by a user (false)
 * @param offset rows to skip
 * @param limit rows to return, 1..1000 (newest first)
 * @param tenant only problems of this tenant; {@code null}: any tenant (the library's own use,
 *     never for a user's query)
 * @param owner only problems this user owns; {@code null}: anyone's. Problems have no owner
 *     ({@code AccessTarget.owners()} is empty), so a non-null owner matches no problem: a policy
 *     that gives an actor {@code ReadScope.OWN} on problems lets its queries return nothing
 */
public record ProblemCriteria(Set<ProblemState> states, String problemManager, String incident,
    String fixChange, String category, String service, String configurationItem,
    Boolean proactive, @Min(0) int offset, @Min(1) @Max(1000) int limit, String tenant,
    String owner) {

  /** Copies the set. */
  public ProblemCriteria {
    states = states == null ? Set.of() : Set.copyOf(states);
  }
}
