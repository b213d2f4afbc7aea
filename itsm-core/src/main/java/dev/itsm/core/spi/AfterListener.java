package dev.itsm.core.spi;

import dev.itsm.core.ItsmEvent;

/**
 * Host code called after a change has been committed; never for rolled-back work.
 *
 * <p>Events go through an outbox written in the same transaction as the change, so a crash
 * between commit and delivery loses nothing. Delivery is at least once: when a listener throws,
 * the event is delivered again later (with backoff, to every listener, with the same idempotency
 * key) until all listeners accept it. Use the key to ignore repeats.
 */
@FunctionalInterface
public interface AfterListener {

  /** @param event the committed change */
  void after(ItsmEvent event);

  /**
   * Called instead of {@link #after(ItsmEvent)}; override it to see the idempotency key.
   *
   * @param event the committed change
   * @param idempotencyKey the same on every delivery attempt of this event
   */
  default void after(ItsmEvent event, String idempotencyKey) {
    after(event);
  }
}
