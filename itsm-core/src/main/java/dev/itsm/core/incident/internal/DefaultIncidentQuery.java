package dev.itsm.core.incident.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentQuery;
import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.spi.IncidentCriteria;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Collects query criteria and hands them to the store. */
final class DefaultIncidentQuery implements IncidentQuery {

  private final Function<IncidentCriteria, List<Incident>> lister;
  private final ToLongFunction<IncidentCriteria> counter;
  private Set<IncidentState> states = Set.of();
  private Set<Priority> priorities = Set.of();
  private String group;
  private String assignee;
  private String caller;
  private String configurationItem;
  private String category;
  private String text;
  private Instant from;
  private Instant to;
  private Instant dueBefore;
  private IncidentSort sort = IncidentSort.OPENED_AT;
  private boolean ascending;
  private int pageIndex;
  private int pageSize = 50;

  DefaultIncidentQuery(Function<IncidentCriteria, List<Incident>> lister,
      ToLongFunction<IncidentCriteria> counter) {
    this.lister = lister;
    this.counter = counter;
  }

  @Override
  public IncidentQuery state(IncidentState... values) {
    states = Arguments.members("state", values);
    return this;
  }

  @Override
  public IncidentQuery priority(Priority... values) {
    priorities = Arguments.members("priority", values);
    return this;
  }

  @Override
  public IncidentQuery assignmentGroup(String value) {
    group = value;
    return this;
  }

  @Override
  public IncidentQuery assignee(String value) {
    assignee = value;
    return this;
  }

  @Override
  public IncidentQuery caller(String value) {
    caller = value;
    return this;
  }

  @Override
  public IncidentQuery text(String value) {
    text = value == null || value.isBlank() ? null : value.strip();
    return this;
  }

  @Override
  public IncidentQuery openedBetween(Instant fromInclusive, Instant toExclusive) {
    from = fromInclusive;
    to = toExclusive;
    return this;
  }

  @Override
  public IncidentQuery resolutionDueBefore(Instant before) {
    dueBefore = before;
    return this;
  }

  @Override
  public IncidentQuery orderBy(IncidentSort key, boolean asc) {
    sort = key;
    ascending = asc;
    return this;
  }

  @Override
  public IncidentQuery configurationItem(String value) {
    configurationItem = value;
    return this;
  }

  @Override
  public IncidentQuery category(String value) {
    category = value;
    return this;
  }

  @Override
  public IncidentQuery page(int index, int size) {
    pageIndex = index;
    pageSize = size;
    return this;
  }

  private IncidentCriteria criteria() {
    long offset = (long) pageIndex * pageSize;
    return new IncidentCriteria(states, priorities, group, assignee, caller, text, from, to,
        dueBefore, configurationItem, category, sort, ascending, offset > Integer.MAX_VALUE ? -1 : (int) offset, pageSize);
  }

  @Override
  public List<Incident> list() {
    return lister.apply(criteria());
  }

  @Override
  public long count() {
    return counter.applyAsLong(criteria());
  }
}
