package dev.itsm.core.request;

import java.util.List;
import java.util.Optional;

/**
 * A fluent query over service requests; restrictions combine with AND.
 *
 * <pre>{@code
 * List<Request> queue = engine.requests().query(dan).openTaskGroup("desktop-support")
 *     .orderBy(RequestSort.OLDEST_FIRST).list();
 * }</pre>
 */
public interface RequestQuery {

  /** @param states any of these @return this */
  RequestQuery state(RequestState... states);

  /** @param item for this catalog item @return this */
  RequestQuery item(String item);

  /** @param requestedBy submitted by this user @return this */
  RequestQuery requestedBy(String requestedBy);

  /** @param requestedFor for this user @return this */
  RequestQuery requestedFor(String requestedFor);

  /** @param approver awaits this manager's approval @return this */
  RequestQuery approver(String approver);

  /** @param group approved by members of this group @return this */
  RequestQuery approverGroup(String group);

  /** @param group has an open or started fulfilment task of this group @return this */
  RequestQuery openTaskGroup(String group);

  /** @param sort the order; default newest first @return this */
  RequestQuery orderBy(RequestSort sort);

  /** @param pageIndex from 0 @param pageSize 1..1000, default 50 @return this */
  RequestQuery page(int pageIndex, int pageSize);

  /** @return the matching requests */
  List<Request> list();

  /** @return how many match */
  long count();

  /** @return the first match */
  default Optional<Request> first() {
    return list().stream().findFirst();
  }
}
