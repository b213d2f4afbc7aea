package dev.itsm.core.spi;

import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.audit.AuditChain;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.ChainedAuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only persistence of the audit trail; written in the same transaction as the change.
 *
 * <p>There is deliberately no update or delete. Each record's entries form a hash chain
 * ({@link AuditChain}): {@link #append} stores, with the entry, the hash of the record's previous
 * entry and the entry's own hash, so {@code ItsmEngine.audit().verify(...)} can detect changed,
 * deleted or reordered entries.
 */
public interface AuditStore {

  /**
   * Appends an entry to its record's chain (its time truncated to microseconds).
   *
   * @param entry the entry to append
   */
  void append(AuditEntry entry);

  /**
   * @param recordNumber the record
   * @return its entries, oldest first
   */
  List<AuditEntry> forRecord(String recordNumber);

  /**
   * The record's entries as stored, with their hashes, in append order. The default treats a
   * store without a chain as all legacy entries (nothing protected); the shipped stores chain.
   *
   * @param recordNumber the record
   * @return its entries with their chain, oldest first
   */
  default List<ChainedAuditEntry> chainOf(String recordNumber) {
    List<ChainedAuditEntry> chain = new ArrayList<>();
    long id = 0;
    for (AuditEntry e : forRecord(recordNumber)) {
      chain.add(new ChainedAuditEntry(id++, e, null, null));
    }
    return chain;
  }

  /**
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the distinct records with at least one entry whose time is in {@code [from, to)}
   */
  default List<String> recordsWithEntriesBetween(Instant from, Instant to) {
    throw new ItsmConfigurationException(getClass().getName() + " cannot list the records of a"
        + " period: implement AuditStore.recordsWithEntriesBetween to verify periods");
  }
}
