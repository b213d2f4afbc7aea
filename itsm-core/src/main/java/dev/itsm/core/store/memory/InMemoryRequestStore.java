package dev.itsm.core.store.memory;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.FulfilmentTaskState;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestDecision;
import dev.itsm.core.request.RequestSort;
import dev.itsm.core.spi.RequestCriteria;
import dev.itsm.core.spi.RequestStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link RequestStore} in memory, for unit tests and prototypes. Thread-safe, not durable and
 * not transactional.
 */
public final class InMemoryRequestStore implements RequestStore {

  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
  private final Map<String, Request> requests = new ConcurrentHashMap<>();
  private final Map<String, List<TimelineEntry>> timelines = new ConcurrentHashMap<>();
  private final List<RequestDecision> decisions = new CopyOnWriteArrayList<>();
  /** Catalog item versions by tenant, then id. */
  private final Map<String, Map<String, Map<Integer, CatalogItem>>> items =
      new ConcurrentHashMap<>();

  @Override
  public long nextSequence(String tenant) {
    return sequences.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void insert(Request request) {
    VersionedRecords.insert(requests, request.number(), request, "request");
  }

  @Override
  public void update(Request request) {
    VersionedRecords.update(requests, request.number(), request, Request::version);
  }

  @Override
  public Optional<Request> find(String number) {
    return Optional.ofNullable(requests.get(number));
  }

  @Override
  public List<Request> query(RequestCriteria c) {
    Comparator<Request> order = Comparator.comparing(Request::number);
    if (c.sort() == RequestSort.NEWEST_FIRST) {
      order = order.reversed();
    }
    return requests.values().stream().filter(matcher(c)).sorted(order).skip(c.offset())
        .limit(c.limit()).toList();
  }

  @Override
  public long count(RequestCriteria c) {
    return requests.values().stream().filter(matcher(c)).count();
  }

  private static Predicate<Request> matcher(RequestCriteria c) {
    return r -> (c.states().isEmpty() || c.states().contains(r.state()))
        && (c.tenant() == null || c.tenant().equals(r.tenant()))
        && (c.owner() == null || c.owner().equals(r.requestedBy())
            || c.owner().equals(r.requestedFor()))
        && (c.item() == null || c.item().equals(r.item()))
        && (c.requestedBy() == null || c.requestedBy().equals(r.requestedBy()))
        && (c.requestedFor() == null || c.requestedFor().equals(r.requestedFor()))
        && (c.approver() == null || c.approver().equals(r.approver()))
        && (c.approverGroup() == null || c.approverGroup().equals(r.approverGroup()))
        && (c.openTaskGroup() == null || r.tasks().stream().anyMatch(t ->
            t.group().equals(c.openTaskGroup()) && (t.state() == FulfilmentTaskState.OPEN
                || t.state() == FulfilmentTaskState.IN_PROGRESS)));
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
  public void appendDecision(RequestDecision decision) {
    decisions.add(decision);
  }

  @Override
  public List<RequestDecision> decisions(String number) {
    return decisions.stream().filter(d -> d.requestNumber().equals(number)).toList();
  }

  private Map<String, Map<Integer, CatalogItem>> catalog(String tenant) {
    return items.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
  }

  @Override
  public void insertItem(CatalogItem item) {
    Map<Integer, CatalogItem> versions = catalog(item.tenant()).computeIfAbsent(item.id(),
        k -> new ConcurrentHashMap<>());
    if (versions.putIfAbsent(item.version(), item) != null) {
      throw new ConcurrentModificationException("version " + item.version() + " of catalog item "
          + item.id() + " was defined concurrently", null);
    }
  }

  @Override
  public Optional<CatalogItem> findItem(String tenant, String id, int version) {
    return Optional.ofNullable(catalog(tenant).getOrDefault(id, Map.of()).get(version));
  }

  @Override
  public Optional<CatalogItem> latestItem(String tenant, String id) {
    return catalog(tenant).getOrDefault(id, Map.of()).values().stream()
        .max(Comparator.comparingInt(CatalogItem::version));
  }

  @Override
  public List<CatalogItem> latestItems(String tenant) {
    return catalog(tenant).keySet().stream().sorted().map(id -> latestItem(tenant, id))
        .flatMap(Optional::stream).toList();
  }

  @Override
  public List<CatalogItem> itemVersions(String tenant, String id) {
    return catalog(tenant).getOrDefault(id, Map.of()).values().stream()
        .sorted(Comparator.comparingInt(CatalogItem::version)).toList();
  }
}
