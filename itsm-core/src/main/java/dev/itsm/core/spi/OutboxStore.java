package dev.itsm.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of the event outbox. {@link #append} runs in the transaction of the change; the
 * other methods run in short transactions of their own. Several nodes may share one store: a row
 * is delivered by the node that {@link #claim claims} it.
 */
public interface OutboxStore {

  /**
   * @param eventKey idempotency key
   * @param recordNumber the record
   * @param eventType the event's class name
   * @param payload the event as JSON
   * @param at when
   * @return the new row's id
   */
  long append(String eventKey, String recordNumber, String eventType, String payload, Instant at);

  /**
   * Claims an undelivered row that is not claimed by someone else (or whose claim expired).
   *
   * @param id the row
   * @param now the current time
   * @param until when the claim expires
   * @return the row, if this caller now holds the claim
   */
  Optional<OutboxEntry> claim(long id, Instant now, Instant until);

  /**
   * @param now the current time
   * @param limit at most this many
   * @return ids of undelivered, unclaimed rows due by {@code now}, oldest first
   */
  List<Long> due(Instant now, int limit);

  /** @param id a claimed row @param at when it was delivered */
  void delivered(long id, Instant at);

  /**
   * @param id a claimed row
   * @param nextAttemptAt when to try again
   * @param error what went wrong
   */
  void failed(long id, Instant nextAttemptAt, String error);

  /** @return how many rows are not delivered yet */
  long pending();

  /**
   * @param before delivered before this instant
   * @return how many delivered rows were removed
   */
  int purgeDelivered(Instant before);
}
