package dev.itsm.core.store.memory;

import dev.itsm.core.Actor;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.spi.IncidentCriteria;
import dev.itsm.core.spi.IncidentStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An {@link IncidentStore} in memory, for unit tests and prototypes. Thread-safe, not durable and
 * not transactional: it does not roll back with the process engine.
 */
public final class InMemoryIncidentStore implements IncidentStore {

  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
  private final Map<String, Incident> incidents = new ConcurrentHashMap<>();
  private final Map<String, List<TimelineEntry>> timelines = new ConcurrentHashMap<>();

  @Override
  public long nextSequence(String tenant) {
    return sequences.computeIfAbsent(tenant == null ? Actor.DEFAULT_TENANT : tenant,
        t -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void insert(Incident incident) {
    VersionedRecords.insert(incidents, incident.number(), incident, "incident");
  }

  @Override
  public void update(Incident incident) {
    VersionedRecords.update(incidents, incident.number(), incident, Incident::version);
  }

  @Override
  public Optional<Incident> find(String number) {
    return Optional.ofNullable(incidents.get(number));
  }

  @Override
  public List<Incident> query(IncidentCriteria c) {
    return incidents.values().stream().filter(matcher(c)).sorted(order(c))
        .skip(c.offset()).limit(c.limit()).toList();
  }

  @Override
  public long count(IncidentCriteria c) {
    return incidents.values().stream().filter(matcher(c)).count();
  }

  @Override
  public void appendTimeline(String number, TimelineEntry entry) {
    timelines.computeIfAbsent(number, k -> new ArrayList<>()).add(entry);
  }

  @Override
  public List<TimelineEntry> timeline(String number) {
    return List.copyOf(timelines.getOrDefault(number, List.of()));
  }

  private static Predicate<Incident> matcher(IncidentCriteria c) {
    String text = c.text() == null ? null : c.text().toLowerCase(Locale.ROOT);
    return i -> (c.tenant() == null || c.tenant().equals(i.tenant()))
        && (c.owner() == null || c.owner().equals(i.caller()))
        && (c.states().isEmpty() || c.states().contains(i.state()))
        && (c.priorities().isEmpty() || c.priorities().contains(i.priority()))
        && (c.assignmentGroup() == null || c.assignmentGroup().equals(i.assignmentGroup()))
        && (c.assignee() == null || c.assignee().equals(i.assignee()))
        && (c.caller() == null || c.caller().equals(i.caller()))
        && (c.configurationItem() == null || c.configurationItem().equals(i.configurationItem()))
        && (c.category() == null || c.category().equals(i.category()))
        && (c.openedFrom() == null || !i.milestones().openedAt().isBefore(c.openedFrom()))
        && (c.openedTo() == null || i.milestones().openedAt().isBefore(c.openedTo()))
        && (c.resolutionDueBefore() == null || (i.milestones().resolutionDue() != null
            && i.milestones().resolutionDue().isBefore(c.resolutionDueBefore())))
        && (text == null || i.title().toLowerCase(Locale.ROOT).contains(text)
            || (i.description() != null
                && i.description().toLowerCase(Locale.ROOT).contains(text)));
  }

  private static Comparator<Incident> order(IncidentCriteria c) {
    Comparator<Incident> cmp = switch (c.sort()) {
      case OPENED_AT -> Comparator.comparing(i -> i.milestones().openedAt());
      case PRIORITY -> Comparator.comparing(Incident::priority);
      case NUMBER -> Comparator.comparing(Incident::number);
      // no resolution due date counts as due last
      case RESOLUTION_DUE -> Comparator.comparing((Incident i) -> i.milestones().resolutionDue(),
          Comparator.nullsLast(Comparator.naturalOrder()));
    };
    cmp = c.ascending() ? cmp : cmp.reversed();
    return cmp.thenComparing(Incident::number,
        c.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder());
  }
}
