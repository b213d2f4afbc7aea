package dev.itsm.core.store.jdbc;

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

  static ItsmException failure(String what, SQLException e) {
    return new ItsmException("ITSM-PERSISTENCE", what + " failed: " + e.getMessage()
        + " (SQLState " + e.getSQLState() + ")", e);
  }
}
