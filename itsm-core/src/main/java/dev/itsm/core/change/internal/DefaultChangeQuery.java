package dev.itsm.core.change.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeQuery;
import dev.itsm.core.change.ChangeSort;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.spi.ChangeCriteria;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Collects change query criteria and hands them to the store. */
final class DefaultChangeQuery implements ChangeQuery {

  private final Function<ChangeCriteria, List<Change>> lister;
  private final ToLongFunction<ChangeCriteria> counter;
  private Set<ChangeState> states = Set.of();
  private ChangeType type;
  private String requester;
  private String owner;
  private String service;
  private String configurationItem;
  private String incident;
  private String problem;
  private Instant from;
  private Instant to;
  private ChangeSort sort = ChangeSort.NEWEST_FIRST;
  private int pageIndex;
  private int pageSize = 50;

  DefaultChangeQuery(Function<ChangeCriteria, List<Change>> lister,
      ToLongFunction<ChangeCriteria> counter) {
    this.lister = lister;
    this.counter = counter;
  }

  @Override
  public ChangeQuery state(ChangeState... values) {
    states = Arguments.members("state", values);
    return this;
  }

  @Override
  public ChangeQuery type(ChangeType value) {
    type = value;
    return this;
  }

  @Override
  public ChangeQuery requester(String value) {
    requester = value;
    return this;
  }

  @Override
  public ChangeQuery owner(String value) {
    owner = value;
    return this;
  }

  @Override
  public ChangeQuery service(String value) {
    service = value;
    return this;
  }

  @Override
  public ChangeQuery configurationItem(String value) {
    configurationItem = value;
    return this;
  }

  @Override
  public ChangeQuery linkedIncident(String value) {
    incident = value;
    return this;
  }

  @Override
  public ChangeQuery linkedProblem(String value) {
    problem = value;
    return this;
  }

  @Override
  public ChangeQuery windowOverlapping(Instant windowFrom, Instant windowTo) {
    from = windowFrom;
    to = windowTo;
    return this;
  }

  @Override
  public ChangeQuery orderBy(ChangeSort value) {
    sort = value;
    return this;
  }

  @Override
  public ChangeQuery page(int index, int size) {
    pageIndex = index;
    pageSize = size;
    return this;
  }

  private ChangeCriteria criteria() {
    long offset = (long) Math.max(0, pageIndex) * pageSize;
    return new ChangeCriteria(states, type, requester, owner, service, configurationItem,
        incident, problem, from, to, null, null, sort, (int) Math.min(Integer.MAX_VALUE, offset),
        pageSize);
  }

  @Override
  public List<Change> list() {
    return lister.apply(criteria());
  }

  @Override
  public long count() {
    return counter.applyAsLong(criteria());
  }
}
