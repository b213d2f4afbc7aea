package dev.itsm.core.store.memory;

import dev.itsm.core.change.ApprovalRecord;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeSort;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.spi.ChangeCriteria;
import dev.itsm.core.spi.ChangeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link ChangeStore} in memory, for unit tests and prototypes. Thread-safe, not durable and not
 * transactional.
 */
public final class InMemoryChangeStore implements ChangeStore {

  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
  private final Map<String, Change> changes = new ConcurrentHashMap<>();
  private final Map<String, List<TimelineEntry>> timelines = new ConcurrentHashMap<>();
  private final List<ApprovalRecord> decisions = new CopyOnWriteArrayList<>();

  @Override
  public long nextSequence(String tenant) {
    return sequences.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void insert(Change change) {
    VersionedRecords.insert(changes, change.number(), change, "change");
  }

  @Override
  public void update(Change change) {
    VersionedRecords.update(changes, change.number(), change, Change::version);
  }

  @Override
  public Optional<Change> find(String number) {
    return Optional.ofNullable(changes.get(number));
  }

  @Override
  public List<Change> query(ChangeCriteria c) {
    Comparator<Change> order = c.sort() == ChangeSort.PLANNED_START
        ? Comparator.comparing(Change::plannedStart,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Change::number)
        : Comparator.comparing(Change::number).reversed();
    return changes.values().stream().filter(matcher(c)).sorted(order).skip(c.offset())
        .limit(c.limit()).toList();
  }

  @Override
  public long count(ChangeCriteria c) {
    return changes.values().stream().filter(matcher(c)).count();
  }

  private static Predicate<Change> matcher(ChangeCriteria c) {
    return x -> (c.states().isEmpty() || c.states().contains(x.state()))
        && (c.type() == null || c.type() == x.type())
        && (c.requester() == null || c.requester().equals(x.requester()))
        && (c.owner() == null || c.owner().equals(x.owner()))
        && (c.tenant() == null || c.tenant().equals(x.tenant()))
        && (c.ownedBy() == null || c.ownedBy().equals(x.requester()))
        && (c.service() == null || x.services().contains(c.service()))
        && (c.configurationItem() == null || x.configurationItems().contains(c.configurationItem()))
        && (c.incident() == null || x.incidents().contains(c.incident()))
        && (c.problem() == null || x.problems().contains(c.problem()))
        && (c.windowFrom() == null
            || x.plannedEnd() != null && x.plannedEnd().isAfter(c.windowFrom()))
        && (c.windowTo() == null
            || x.plannedStart() != null && x.plannedStart().isBefore(c.windowTo()));
  }

  @Override
  public int countFailed(String tenant, String category, Instant since) {
    return (int) changes.values().stream()
        .filter(x -> category != null && Objects.equals(category, x.category())
            && Objects.equals(tenant, x.tenant())
            && x.outcome() == ChangeOutcome.FAILED && x.implementedAt() != null
            && !x.implementedAt().isBefore(since))
        .count();
  }

  @Override
  public void appendTimeline(String number, TimelineEntry entry) {
    timelines.computeIfAbsent(number, k -> new CopyOnWriteArrayList<>()).add(entry);
  }

  @Override
  public List<TimelineEntry> timeline(String number) {
    return List.copyOf(timelines.getOrDefault(number, List.of()));
  }

  @Override
  public void appendDecision(ApprovalRecord decision) {
    decisions.add(decision);
  }

  @Override
  public List<ApprovalRecord> decisions(String number) {
    List<ApprovalRecord> out = new ArrayList<>();
    for (ApprovalRecord d : decisions) {
      if (d.changeNumber().equals(number)) {
        out.add(d);
      }
    }
    return out;
  }
}
