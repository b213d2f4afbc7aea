package dev.itsm.core.internal;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.BeforeHook;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the host's hooks: "before" hooks at once, inside the transaction (they may
 * veto); "after" listeners once the transaction has committed. Internal: no compatibility
 * guarantees.
 */
public final class Events {

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final Transactions tx;
  private final List<BeforeHook> beforeHooks;
  private final List<AfterListener> afterListeners;

  /**
   * @param tx the transactions
   * @param beforeHooks hooks run before a change is stored
   * @param afterListeners listeners run after commit
   */
  public Events(Transactions tx, List<BeforeHook> beforeHooks, List<AfterListener> afterListeners) {
    this.tx = tx;
    this.beforeHooks = List.copyOf(beforeHooks);
    this.afterListeners = List.copyOf(afterListeners);
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
    if (afterListeners.isEmpty()) {
      return;
    }
    tx.afterCommit(() -> {
      for (AfterListener listener : afterListeners) {
        try {
          listener.after(event);
        } catch (RuntimeException e) {
          LOG.warn("after-commit listener {} failed on {} of {}; the change stays committed",
              listener, event.getClass().getSimpleName(), event.recordNumber(), e);
        }
      }
    });
  }
}
