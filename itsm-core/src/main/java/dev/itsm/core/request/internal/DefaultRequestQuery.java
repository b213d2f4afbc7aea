package dev.itsm.core.request.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestQuery;
import dev.itsm.core.request.RequestSort;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.spi.RequestCriteria;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Collects request query criteria and hands them to the store. */
final class DefaultRequestQuery implements RequestQuery {

  private final Function<RequestCriteria, List<Request>> lister;
  private final ToLongFunction<RequestCriteria> counter;
  private final String tenant;
  private final String owner;
  private Set<RequestState> states = Set.of();
  private String item;
  private String requestedBy;
  private String requestedFor;
  private String approver;
  private String approverGroup;
  private String openTaskGroup;
  private RequestSort sort = RequestSort.NEWEST_FIRST;
  private int pageIndex;
  private int pageSize = 50;

  /**
   * @param lister runs the query
   * @param counter counts
   * @param tenant the tenant the query is confined to
   * @param owner only this user's requests, or {@code null} for everyone's
   */
  DefaultRequestQuery(Function<RequestCriteria, List<Request>> lister,
      ToLongFunction<RequestCriteria> counter, String tenant, String owner) {
    this.lister = lister;
    this.counter = counter;
    this.tenant = tenant;
    this.owner = owner;
  }

  @Override
  public RequestQuery state(RequestState... values) {
    states = Arguments.members("state", values);
    return this;
  }

  @Override
  public RequestQuery item(String value) {
    item = value;
    return this;
  }

  @Override
  public RequestQuery requestedBy(String value) {
    requestedBy = value;
    return this;
  }

  @Override
  public RequestQuery requestedFor(String value) {
    requestedFor = value;
    return this;
  }

  @Override
  public RequestQuery approver(String value) {
    approver = value;
    return this;
  }

  @Override
  public RequestQuery approverGroup(String value) {
    approverGroup = value;
    return this;
  }

  @Override
  public RequestQuery openTaskGroup(String value) {
    openTaskGroup = value;
    return this;
  }

  @Override
  public RequestQuery orderBy(RequestSort value) {
    sort = value;
    return this;
  }

  @Override
  public RequestQuery page(int index, int size) {
    pageIndex = index;
    pageSize = size;
    return this;
  }

  private RequestCriteria criteria() {
    long offset = (long) Math.max(0, pageIndex) * pageSize;
    return new RequestCriteria(states, item, requestedBy, requestedFor, approver, approverGroup,
        openTaskGroup, sort, (int) Math.min(Integer.MAX_VALUE, offset), pageSize, tenant, owner);
  }

  @Override
  public List<Request> list() {
    return lister.apply(criteria());
  }

  @Override
  public long count() {
    return counter.applyAsLong(criteria());
  }
}
