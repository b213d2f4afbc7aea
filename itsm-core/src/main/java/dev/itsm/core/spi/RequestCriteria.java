package dev.itsm.core.spi;

import dev.itsm.core.request.RequestSort;
import dev.itsm.core.request.RequestState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;

/**
 * What a request query asks a {@link RequestStore} for; every field is optional ({@code null} or
 * empty: no restriction) and the restrictions combine with AND.
 *
 * @param states any of these states
 * @param item the catalog item's id
 * @param requestedBy the requester
 * @param requestedFor the person it is for
 * @param approver the manager it waits for
 * @param approverGroup the approver group
 * @param openTaskGroup has a fulfilment task of this group that is OPEN or IN_PROGRESS
 * @param sort the order
 * @param offset rows to skip
 * @param limit rows to return at most, 1..1000
 * @param tenant only requests of this tenant ({@code null}: any tenant, for the library's own use)
 * @param owner only requests this user submitted or that are for this user ({@code null}: anyone's)
 */
public record RequestCriteria(Set<RequestState> states, String item, String requestedBy,
    String requestedFor, String approver, String approverGroup, String openTaskGroup,
    RequestSort sort, @Min(0) int offset, @Min(1) @Max(1000) int limit, String tenant,
    String owner) {

  /** Copies the set and fills the default order. */
  public RequestCriteria {
    states = states == null ? Set.of() : Set.copyOf(states);
    sort = sort == null ? RequestSort.NEWEST_FIRST : sort;
  }
}
