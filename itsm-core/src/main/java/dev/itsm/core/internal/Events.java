package dev.itsm.core.internal;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.BeforeHook;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the host's hooks: "before" hooks at once, inside the transaction (they may
 * veto); "after" listeners once the transaction has committed, through the {@link Outbox} when
 * there is one. Internal: no compatibility guarantees.
 */
public final class Events {

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final List<BeforeHook> beforeHooks;
  private final Consumer<ItsmEvent> afterCommit;

  /**
   * Events delivered to the listeners straight after commit, in memory (unit tests, in-memory
   * stores): a crash between commit and delivery loses them, and a failing listener is only
   * logged.
   *
   * @param tx the transactions
   * @param beforeHooks hooks run before a change is stored
   * @param afterListeners listeners run after commit
   */
  public Events(Transactions tx, List<BeforeHook> beforeHooks, List<AfterListener> afterListeners) {
    this.beforeHooks = List.copyOf(beforeHooks);
    List<AfterListener> listeners = List.copyOf(afterListeners);
    this.afterCommit = listeners.isEmpty() ? e -> { } : e -> tx.afterCommit(() -> {
      for (AfterListener listener : listeners) {
        try {
          listener.after(e, null);
        } catch (RuntimeException ex) {
          LOG.warn("after-commit listener {} failed on {} of {}; the change stays committed",
              listener, e.getClass().getSimpleName(), e.recordNumber(), ex);
        }
      }
    });
  }

  /**
   * Events written to the outbox in the transaction of the change and delivered after commit,
   * with retries.
   *
   * @param beforeHooks hooks run before a change is stored
   * @param outbox the outbox
   */
  public Events(List<BeforeHook> beforeHooks, Outbox outbox) {
    this.beforeHooks = List.copyOf(beforeHooks);
    this.afterCommit = outbox::append;
  }

  /**
   * Runs every before-hook; an exception from one fails the call.
   *
   * @param event the change about to be stored
   */
  public void before(ItsmEvent event) {
    for (BeforeHook hook : beforeHooks) {
      hook.before(event);
    }
  }

  /**
   * Queues the event for the after-listeners of the current transaction.
   *
   * @param event a change stored in the current transaction
   */
  public void afterCommit(ItsmEvent event) {
    afterCommit.accept(event);
  }
}
