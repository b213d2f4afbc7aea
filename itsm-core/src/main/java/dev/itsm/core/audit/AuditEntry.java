package dev.itsm.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * One API call's change to one record: who, when, which call, and every changed field.
 *
 * @param recordNumber the record, e.g. {@code INC0000001}
 * @param actorId who made the call
 * @param operation which call, e.g. {@code incident.resolve}
 * @param occurredAt when
 * @param changes every changed field, old → new
 * @param tenant the record's tenant
 */
public record AuditEntry(String recordNumber, String actorId, String operation,
    Instant occurredAt, List<FieldChange> changes, String tenant) {

  /** Copies the list. */
  public AuditEntry {
    changes = List.copyOf(changes);
    tenant = tenant == null ? dev.itsm.core.Actor.DEFAULT_TENANT : tenant;
  }

  /**
   * An entry of a record of the default tenant.
   *
   * @param recordNumber the record
   * @param actorId who made the call
   * @param operation which call
   * @param occurredAt when
   * @param changes every changed field
   */
  public AuditEntry(String recordNumber, String actorId, String operation, Instant occurredAt,
      List<FieldChange> changes) {
    this(recordNumber, actorId, operation, occurredAt, changes, null);
  }
}
