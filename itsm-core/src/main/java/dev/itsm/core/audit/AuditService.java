package dev.itsm.core.audit;

import java.time.Instant;

/**
 * Verifies the audit trail's hash chains; reached through {@code ItsmEngine.audit()}.
 *
 * <pre>{@code
 * AuditVerification v = engine.audit().verify("INC0000042");
 * if (!v.ok()) {
 *   v.breaks().forEach(b -> log.error("{} entry {}: {}", b.recordNumber(), b.position(), b.meaning()));
 * }
 * }</pre>
 *
 * <p>What verification proves: no stored entry of a verified chain was changed, deleted from the
 * middle, inserted or reordered since it was written. What it cannot prove on its own: that the
 * newest entries of a record were not deleted, or that someone with write access did not rewrite a
 * whole chain with fresh hashes; for that, keep {@link #head(String) head hashes} outside the
 * database.
 */
public interface AuditService {

  /**
   * Verifies one record's chain.
   *
   * @param recordNumber the record, e.g. {@code INC0000001}
   * @return the verification (a record without entries verifies with 0 entries)
   * @throws dev.itsm.core.ValidationException when {@code recordNumber} is blank
   */
  AuditVerification verify(String recordNumber);

  /**
   * Verifies the whole chain of every record with an entry in {@code [from, to)} (times compared
   * at microsecond precision, as stored).
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the verification
   * @throws dev.itsm.core.ValidationException when a bound is missing or {@code from} is after
   *     {@code to}
   */
  AuditVerification verify(Instant from, Instant to);

  /**
   * @param recordNumber the record
   * @return the hash of its newest entry, or {@code null} when it has no chained entry; a host may
   *     keep it elsewhere to detect later truncation or rewriting of the chain
   */
  String head(String recordNumber);
}
