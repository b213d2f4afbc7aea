package dev.itsm.core.spi;

import dev.itsm.core.ItsmEvent;

/**
 * Host code called after a change has been committed; never for rolled-back work. Exceptions are
 * logged and do not affect the committed change or other listeners.
 */
@FunctionalInterface
public interface AfterListener {

  /** @param event the committed change */
  void after(ItsmEvent event);
}
