package dev.itsm.core.internal;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.OutboxEntry;
import dev.itsm.core.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox of after-commit events. {@link #append} writes the event in the
 * transaction of the change and, once that commits, delivers it on the committing thread; a
 * poller delivers what is left (listener failures, crashes, other nodes' leftovers) with
 * exponential backoff, and removes delivered rows after the retention period. Delivery is at
 * least once, with the row's idempotency key. Internal: no compatibility guarantees.
 */
public final class Outbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final int BATCH = 100;

  private final OutboxStore store;
  private final Transactions tx;
  private final List<AfterListener> listeners;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();
  private final Duration retention;
  private ScheduledExecutorService poller;

  /**
   * @param store the outbox table
   * @param tx the transactions
   * @param listeners the host's after-commit listeners
   * @param clock the clock
   * @param retention how long delivered rows are kept
   */
  public Outbox(OutboxStore store, Transactions tx, List<AfterListener> listeners, Clock clock,
      Duration retention) {
    this.store = store;
    this.tx = tx;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Writes the event into the outbox in the current transaction; delivers it after commit.
   *
   * @param event a change stored in the current transaction
   */
  public void append(ItsmEvent event) {
    if (listeners.isEmpty()) {
      return;
    }
    long id = store.append(UUID.randomUUID().toString(), event.recordNumber(),
        event.getClass().getName(), codec.encode(event), clock.instant());
    tx.afterCommit(() -> deliver(id));
  }

  /**
   * Delivers one row if nobody else holds it.
   *
   * @param id the row
   * @return whether this call delivered it
   */
  public boolean deliver(long id) {
    Instant now = clock.instant();
    Optional<OutboxEntry> claimed = tx.required(() -> store.claim(id, now, now.plus(LEASE)));
    if (claimed.isEmpty()) {
      return false;
    }
    OutboxEntry e = claimed.get();
    try {
      ItsmEvent event = codec.decode(e.eventType(), e.payload());
      for (AfterListener listener : listeners) {
        listener.after(event, e.eventKey());
      }
    } catch (RuntimeException ex) {
      Duration wait = backoff(e.attempts() + 1);
      String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
      tx.required(() -> {
        store.failed(id, clock.instant().plus(wait), error);
        return null;
      });
      LOG.warn("after-commit delivery of {} for {} failed (attempt {}), retrying in {}: {}",
          simpleName(e.eventType()), e.recordNumber(), e.attempts() + 1, wait, error);
      return false;
    }
    tx.required(() -> {
      store.delivered(id, clock.instant());
      return null;
    });
    return true;
  }

  /**
   * Delivers the rows that are due; called by the poller.
   *
   * @return how many were delivered
   */
  public int deliverDue() {
    List<Long> due = tx.required(() -> store.due(clock.instant(), BATCH));
    int delivered = 0;
    for (long id : due) {
      if (deliver(id)) {
        delivered++;
      }
    }
    return delivered;
  }

  /** @return how many events wait for delivery */
  public long pending() {
    return tx.required(store::pending);
  }

  /**
   * Starts the poller.
   *
   * @param interval how often it looks for due rows
   */
  public synchronized void start(Duration interval) {
    if (poller != null || listeners.isEmpty()) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "itsm-outbox");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      deliverDue();
      tx.required(() -> store.purgeDelivered(clock.instant().minus(retention)));
    } catch (RuntimeException e) {
      LOG.warn("outbox poll failed; will try again", e);
    }
  }

  static Duration backoff(int attempt) {
    Duration d = Duration.ofSeconds(1).multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      try {
        poller.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      poller = null;
    }
  }
}
