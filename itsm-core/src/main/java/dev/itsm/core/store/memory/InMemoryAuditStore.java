package dev.itsm.core.store.memory;

import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.spi.AuditStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AuditStore} in memory, for unit tests. */
public final class InMemoryAuditStore implements AuditStore {

  private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void append(AuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public List<AuditEntry> forRecord(String recordNumber) {
    return entries.stream().filter(e -> e.recordNumber().equals(recordNumber)).toList();
  }
}
