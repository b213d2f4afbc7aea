package dev.itsm.core.store.jdbc;

import dev.itsm.core.ItsmConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The few SQL differences between the supported databases. */
public enum SqlDialect {
  /** H2 2.x. */
  H2 {
    @Override
    String nextValue(String sequence) {
      return "SELECT NEXT VALUE FOR " + sequence;
    }
  },
  /** PostgreSQL 12 or newer. */
  POSTGRESQL {
    @Override
    String nextValue(String sequence) {
      return "SELECT nextval('" + sequence + "')";
    }
  };

  abstract String nextValue(String sequence);

  /**
   * @param connection an open connection
   * @return the dialect of its database
   * @throws ItsmConfigurationException for an unsupported database
   */
  public static SqlDialect of(Connection connection) {
    String product;
    try {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new ItsmConfigurationException("Cannot read the database product name", e);
    }
    String p = product.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return H2;
    }
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    throw new ItsmConfigurationException("Database '" + product
        + "' is not supported; use H2 2.x or PostgreSQL 12+");
  }
}
