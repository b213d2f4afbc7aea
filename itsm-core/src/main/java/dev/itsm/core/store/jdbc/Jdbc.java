package dev.itsm.core.store.jdbc;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.ItsmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC conversions shared by the stores. */
final class Jdbc {

  private Jdbc() {}

  static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void setString(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value instanceof Enum<?> e ? e.name() : value.toString());
    }
  }

  static <E extends Enum<E>> E getEnum(ResultSet rs, String column, Class<E> type)
      throws SQLException {
    String v = rs.getString(column);
    return v == null ? null : Enum.valueOf(type, v);
  }

  /**
   * @param what what was being done
   * @param e the failure
   * @return the exception to throw: a retryable {@link ConcurrentModificationException} when the
   *     database rolled the transaction back because of a concurrent one (SQLState 40001
   *     serialization failure, also H2's deadlock; 40P01 PostgreSQL's deadlock; e.g. a timer job
   *     and a call locking a record and its clock in opposite order), else an
   *     {@code ITSM-PERSISTENCE} error
   */
  static ItsmException failure(String what, SQLException e) {
    String state = e.getSQLState();
    if ("40001".equals(state) || "40P01".equals(state)) {
      return new ConcurrentModificationException(what + " failed: the database rolled the"
          + " transaction back because of a concurrent one: " + e.getMessage() + " (SQLState "
          + state + ")", e);
    }
    return new ItsmException("ITSM-PERSISTENCE", what + " failed: " + e.getMessage()
        + " (SQLState " + e.getSQLState() + ")", e);
  }
}
