package dev.itsm.core.spi;

import dev.itsm.core.audit.AuditEntry;
import java.util.List;

/** Append-only persistence of the audit trail; written in the same transaction as the change. */
public interface AuditStore {

  /** @param entry the entry to append */
  void append(AuditEntry entry);

  /**
   * @param recordNumber the record
   * @return its entries, oldest first
   */
  List<AuditEntry> forRecord(String recordNumber);
}
