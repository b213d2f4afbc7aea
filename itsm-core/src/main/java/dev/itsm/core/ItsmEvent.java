package dev.itsm.core;

import java.time.Instant;

/**
 * A change that happened (or, for a "before" hook, is about to happen) to an ITSM record. Each
 * practice has its own sealed hierarchy, e.g. {@code IncidentEvent}.
 */
public interface ItsmEvent {

  /** @return the number of the record, e.g. {@code INC0000001} */
  String recordNumber();

  /** @return who made the change */
  Actor actor();

  /** @return when the change happened */
  Instant occurredAt();
}
