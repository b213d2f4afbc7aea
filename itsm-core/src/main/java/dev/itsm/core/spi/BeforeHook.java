package dev.itsm.core.spi;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.VetoException;

/**
 * Host code called inside the transaction, before a change is stored. Throwing
 * {@link VetoException} (or any runtime exception) fails the call and changes nothing.
 *
 * <pre>{@code
 * BeforeHook noP1WithoutService = event -> {
 *   if (event instanceof IncidentEvent.Opened o && o.incident().priority() == Priority.P1
 *       && o.incident().service() == null) {
 *     throw new VetoException("p1-needs-service", "name the affected service of a P1 incident");
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface BeforeHook {

  /**
   * @param event the change about to be stored
   * @throws VetoException to refuse the change
   */
  void before(ItsmEvent event);
}
