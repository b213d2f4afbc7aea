package dev.itsm.core.store.jdbc;

import dev.itsm.core.spi.ConnectionSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The current transaction's connection, with the database's dialect detected on first use. */
final class DialectConnections {

  private final ConnectionSource source;
  private volatile SqlDialect dialect;

  DialectConnections(ConnectionSource source) {
    this.source = source;
  }

  Connection get() {
    Connection c = source.connection();
    if (dialect == null) {
      dialect = SqlDialect.of(c);
    }
    return c;
  }

  /**
   * {@link #nextValue(String)} with the failure turned into the library's exception.
   *
   * @param sequence the sequence
   * @param what what the value is for, for the message, e.g. {@code the next change number}
   * @return the next value
   */
  long draw(String sequence, String what) {
    try {
      return nextValue(sequence);
    } catch (SQLException e) {
      throw Jdbc.failure("drawing " + what, e);
    }
  }

  /** Draws the next value of a sequence; never the same twice, even if the transaction rolls back. */
  long nextValue(String sequence) throws SQLException {
    Connection c = get();
    try (PreparedStatement ps = c.prepareStatement(dialect.nextValue(sequence));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
