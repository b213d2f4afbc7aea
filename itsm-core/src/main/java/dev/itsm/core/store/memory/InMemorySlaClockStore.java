package dev.itsm.core.store.memory;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockEntry;
import dev.itsm.core.spi.SlaClockStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SlaClockStore} in memory, for unit tests; not transactional. */
public final class InMemorySlaClockStore implements SlaClockStore {

  private final Map<String, SlaClock> clocks = new ConcurrentHashMap<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final List<SlaClockEntry> history = new CopyOnWriteArrayList<>();

  @Override
  public void insert(SlaClock clock) {
    if (clocks.putIfAbsent(clock.id(), clock) != null) {
      throw new IllegalStateException("clock " + clock.id() + " already exists");
    }
    order.add(clock.id());
  }

  @Override
  public void update(SlaClock clock) {
    SlaClock stored = clocks.computeIfPresent(clock.id(),
        (k, old) -> old.version() == clock.version() - 1 ? clock : old);
    if (stored != clock) {
      throw new ConcurrentModificationException("clock " + clock.id()
          + " was changed concurrently", null);
    }
  }

  @Override
  public Optional<SlaClock> find(String id) {
    return Optional.ofNullable(clocks.get(id));
  }

  /** Oldest first; clocks started at the same instant in the order they were stored. */
  private java.util.stream.Stream<SlaClock> inStartOrder() {
    List<String> ids = List.copyOf(order);
    return ids.stream().map(clocks::get)
        .sorted(Comparator.comparing(SlaClock::startedAt)); // stable: ties keep insertion order
  }

  @Override
  public List<SlaClock> forRecord(String recordNumber) {
    return inStartOrder().filter(c -> c.recordNumber().equals(recordNumber)).toList();
  }

  @Override
  public List<SlaClock> active() {
    return inStartOrder().filter(c -> c.stoppedAt() == null).toList();
  }

  @Override
  public List<SlaClock> stoppedBetween(Instant from, Instant to) {
    List<SlaClock> out = new ArrayList<>();
    for (String id : order) {
      SlaClock c = clocks.get(id);
      if (c.stoppedAt() != null && !c.stoppedAt().isBefore(from) && c.stoppedAt().isBefore(to)) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparing(SlaClock::stoppedAt));
    return out;
  }

  @Override
  public void appendHistory(SlaClockEntry entry) {
    history.add(entry);
  }

  @Override
  public List<SlaClockEntry> history(String clockId) {
    return history.stream().filter(e -> e.clockId().equals(clockId)).toList();
  }
}
