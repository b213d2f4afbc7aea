package dev.itsm.core.audit;

import dev.itsm.core.Actor;
import java.time.Instant;

/**
 * Verifies the audit trail's hash chains; reached through {@code ItsmEngine.audit()}.
 *
 * <pre>{@code
 * AuditVerification v = engine.audit().verify(admin, "INC0000042");
 * if (!v.ok()) {
 *   v.breaks().forEach(b -> log.error("{} entry {}: {}", b.recordNumber(), b.position(), b.meaning()));
 * }
 * }</pre>
 *
 * <p>What verification proves: no stored entry of a verified chain was changed, deleted from the
 * middle, inserted or reordered since it was written. What it cannot prove on its own: that the
 * newest entries of a record were not deleted, or that someone with write access did not rewrite a
 * whole chain with fresh hashes; for that, keep {@link #head(Actor, String) head hashes} outside the
 * database.
 *
 * <p>Every method needs {@link dev.itsm.core.access.Permission#AUDIT_VERIFY} (in the standard role
 * model: administrators) and sees only the records of the actor's tenant; a record of another
 * tenant verifies as one without entries.
 */
public interface AuditService {

  /**
   * Verifies one record's chain.
   *
   * @param actor the acting user
   * @param recordNumber the record, e.g. {@code INC0000001}
   * @return the verification (a record without entries verifies with 0 entries)
   * @throws dev.itsm.core.ValidationException when {@code recordNumber} is blank
   */
  AuditVerification verify(Actor actor, String recordNumber);

  /**
   * Verifies the whole chain of every record with an entry in {@code [from, to)} (times compared
   * at microsecond precision, as stored).
   *
   * @param actor the acting user
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the verification
   * @throws dev.itsm.core.ValidationException when a bound is missing or {@code from} is after
   *     {@code to}
   */
  AuditVerification verify(Actor actor, Instant from, Instant to);

  /**
   * @param actor the acting user
   * @param recordNumber the record
   * @return the hash of its newest entry, or {@code null} when it has no chained entry; a host may
   *     keep it elsewhere to detect later truncation or rewriting of the chain
   */
  String head(Actor actor, String recordNumber);
}
