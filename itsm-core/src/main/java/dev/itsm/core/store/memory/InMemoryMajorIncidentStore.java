package dev.itsm.core.store.memory;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.spi.MajorIncidentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MajorIncidentStore} in memory, for unit tests. Not transactional. */
public final class InMemoryMajorIncidentStore implements MajorIncidentStore {

  private final Map<String, MajorIncident> majors = new ConcurrentHashMap<>();
  private final Map<String, String> parents = new ConcurrentHashMap<>();
  private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void insert(MajorIncident m) {
    if (majors.putIfAbsent(m.incidentNumber(), m) != null) {
      throw new IllegalStateException(m.incidentNumber() + " is already a major incident");
    }
  }

  @Override
  public void update(MajorIncident m) {
    boolean[] updated = new boolean[1];
    majors.computeIfPresent(m.incidentNumber(), (k, old) -> {
      updated[0] = old.version() == m.version() - 1;
      return updated[0] ? m : old;
    });
    if (!updated[0]) {
      throw new ConcurrentModificationException(m.incidentNumber() + " was changed concurrently",
          null);
    }
  }

  @Override
  public Optional<MajorIncident> find(String number) {
    return Optional.ofNullable(majors.get(number)).map(this::withChildren);
  }

  private MajorIncident withChildren(MajorIncident m) {
    List<String> children = new ArrayList<>();
    for (String child : order) {
      if (m.incidentNumber().equals(parents.get(child))) {
        children.add(child);
      }
    }
    return m.withChildren(children);
  }

  @Override
  public void linkChild(String parent, String child, Instant at) {
    if (parents.putIfAbsent(child, parent) != null) {
      throw new IllegalStateException(child + " already has a parent");
    }
    order.add(child);
  }

  @Override
  public Optional<String> parentOf(String child) {
    return Optional.ofNullable(parents.get(child));
  }

  @Override
  public List<MajorIncident> active(String tenant) {
    return majors.values().stream().filter(m -> !m.reviewed())
        .filter(m -> tenant == null || tenant.equals(m.tenant()))
        .sorted(Comparator.comparing(MajorIncident::promotedAt).reversed())
        .map(this::withChildren).toList();
  }
}
