package dev.itsm.core.spi;

import java.sql.Connection;

/**
 * Hands a store the JDBC connection of the current transaction. The store must not commit, roll
 * back or close it: the transaction owner does.
 */
@FunctionalInterface
public interface ConnectionSource {

  /** @return the connection of the current transaction */
  Connection connection();
}
