package dev.itsm.core.spi;

import java.time.Instant;

/**
 * One event waiting in (or delivered from) the outbox.
 *
 * @param id the row id, ascending in write order
 * @param eventKey the idempotency key handed to listeners; the same on every retry
 * @param recordNumber the record the event is about
 * @param eventType the event's class name
 * @param payload the event as JSON
 * @param createdAt when it was written (in the transaction of the change)
 * @param attempts failed delivery attempts so far
 * @param nextAttemptAt when it may be delivered next
 * @param deliveredAt when it was delivered, or {@code null}
 * @param lastError the last delivery failure, or {@code null}
 */
public record OutboxEntry(long id, String eventKey, String recordNumber, String eventType,
    String payload, Instant createdAt, int attempts, Instant nextAttemptAt, Instant deliveredAt,
    String lastError) {}
