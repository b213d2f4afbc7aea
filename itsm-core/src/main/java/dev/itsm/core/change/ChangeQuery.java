package dev.itsm.core.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A fluent query over changes; restrictions combine with AND.
 *
 * <pre>{@code
 * List<Change> mine = engine.changes().query(olivia).owner("olivia")
 *     .state(ChangeState.AUTHORIZATION, ChangeState.SCHEDULED).list();
 * }</pre>
 */
public interface ChangeQuery {

  /** @param states any of these @return this */
  ChangeQuery state(ChangeState... states);

  /** @param type the type @return this */
  ChangeQuery type(ChangeType type);

  /** @param requester the requester @return this */
  ChangeQuery requester(String requester);

  /** @param owner the change owner @return this */
  ChangeQuery owner(String owner);

  /** @param service affects this service @return this */
  ChangeQuery service(String service);

  /** @param configurationItem affects this configuration item @return this */
  ChangeQuery configurationItem(String configurationItem);

  /** @param incident linked to this incident @return this */
  ChangeQuery linkedIncident(String incident);

  /** @param problem linked to this problem @return this */
  ChangeQuery linkedProblem(String problem);

  /**
   * @param from the planned window ends after this
   * @param to the planned window starts before this
   * @return this
   */
  ChangeQuery windowOverlapping(Instant from, Instant to);

  /** @param sort the order; default newest first @return this */
  ChangeQuery orderBy(ChangeSort sort);

  /** @param pageIndex from 0 @param pageSize 1..1000, default 50 @return this */
  ChangeQuery page(int pageIndex, int pageSize);

  /** @return the matching changes */
  List<Change> list();

  /** @return how many match */
  long count();

  /** @return the first match */
  default Optional<Change> first() {
    return list().stream().findFirst();
  }
}
