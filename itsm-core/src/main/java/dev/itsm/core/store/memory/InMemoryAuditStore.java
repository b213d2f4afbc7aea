package dev.itsm.core.store.memory;

import dev.itsm.core.audit.AuditChain;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.ChainedAuditEntry;
import dev.itsm.core.spi.AuditStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link AuditStore} in memory, for unit tests; chains entries like the JDBC store. */
public final class InMemoryAuditStore implements AuditStore {

  private final List<ChainedAuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized void append(AuditEntry original) {
    AuditEntry entry = new AuditEntry(original.recordNumber(), original.actorId(),
        original.operation(), AuditChain.storedPrecision(original.occurredAt()),
        original.changes(), original.tenant());
    String prev = AuditChain.GENESIS;
    for (ChainedAuditEntry e : entries) {
      if (e.entry().recordNumber().equals(entry.recordNumber())) {
        prev = e.entryHash();
      }
    }
    entries.add(new ChainedAuditEntry(entries.size() + 1L, entry, prev,
        AuditChain.hash(entry, prev)));
  }

  @Override
  public List<AuditEntry> forRecord(String recordNumber) {
    return chainOf(recordNumber).stream().map(ChainedAuditEntry::entry).toList();
  }

  @Override
  public synchronized List<ChainedAuditEntry> chainOf(String recordNumber) {
    return entries.stream().filter(e -> e.entry().recordNumber().equals(recordNumber)).toList();
  }

  @Override
  public synchronized List<String> recordsWithEntriesBetween(Instant from, Instant to) {
    return entries.stream().map(ChainedAuditEntry::entry)
        .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
        .map(AuditEntry::recordNumber).distinct().sorted().toList();
  }
}
