package dev.itsm.core.spi;

import dev.itsm.core.change.ChangeSort;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Set;

/**
 * What a change query asks a {@link ChangeStore} for; every field is optional ({@code null} or
 * empty: no restriction) and the restrictions combine with AND.
 *
 * @param states any of these states
 * @param type the type
 * @param requester the requester
 * @param owner the change owner
 * @param service affects this service
 * @param configurationItem affects this configuration item
 * @param incident linked to this incident
 * @param problem linked to this problem
 * @param windowFrom the planned window ends after this
 * @param windowTo the planned window starts before this
 * @param tenant the tenant the changes belong to; {@code null}: any tenant (for the library's own
 *     use; the API always names the actor's tenant)
 * @param ownedBy only the changes this user owns in the access sense, i.e. requested (a query
 *     under {@link dev.itsm.core.access.ReadScope#OWN}); {@code null}: anyone's. Not to be confused
 *     with {@code owner}, the change owner
 * @param sort the order
 * @param offset rows to skip
 * @param limit rows to return at most, 1..1000
 */
public record ChangeCriteria(Set<ChangeState> states, ChangeType type, String requester,
    String owner, String service, String configurationItem, String incident, String problem,
    Instant windowFrom, Instant windowTo, String tenant, String ownedBy, ChangeSort sort, @Min(0) int offset,
    @Min(1) @Max(1000) int limit) {

  /** Copies the set and fills the default order. */
  public ChangeCriteria {
    states = states == null ? Set.of() : Set.copyOf(states);
    sort = sort == null ? ChangeSort.NEWEST_FIRST : sort;
  }
}
