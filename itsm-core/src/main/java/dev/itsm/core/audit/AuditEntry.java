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
 */
public record AuditEntry(String recordNumber, String actorId, String operation,
    Instant occurredAt, List<FieldChange> changes) {

  /** Copies the list. */
  public AuditEntry {
    changes = List.copyOf(changes);
  }
}
