package dev.itsm.core.store.jdbc;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.ItsmException;
import dev.itsm.core.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Small JDBC conversions shared by the stores. */
final class Jdbc {

  private Jdbc() {}

  /** The earliest time PostgreSQL holds (4713 BC). */
  static final Instant EARLIEST = Instant.parse("-4712-01-01T00:00:00Z");
  /** The latest time PostgreSQL holds, rounded down to a year. */
  static final Instant LATEST = Instant.parse("+294275-12-31T23:59:59.999999Z");

  static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      throw new ValidationException("Time", List.of(new ValidationException.Violation("time",
          "Range", value + " is outside the times a database can hold (" + EARLIEST + " to "
          + LATEST + ")")));
    }
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

  /** Binds a record's fields from an index on; returns the next free index. */
  @FunctionalInterface
  interface FieldBinder {
    int bind(PreparedStatement ps, int index) throws SQLException;
  }

  /**
   * Runs {@code INSERT ... (record_number, row_version, <fields>) VALUES (?, ?, ...)}.
   *
   * @param c the connection
   * @param sql the statement
   * @param number the record number
   * @param version the record's version
   * @param fields binds the fields from the third parameter on
   * @throws SQLException when the database refuses it
   */
  static void insertVersioned(Connection c, String sql, String number, long version,
      FieldBinder fields) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, number);
      ps.setLong(2, version);
      fields.bind(ps, 3);
      ps.executeUpdate();
    }
  }

  /**
   * Runs {@code UPDATE ... SET row_version = ?, <fields> WHERE record_number = ? AND row_version
   * = ?} with optimistic locking: the stored version must be {@code version - 1}.
   *
   * @param c the connection
   * @param sql the statement
   * @param number the record number
   * @param version the record's new version
   * @param fields binds the fields from the second parameter on
   * @throws ConcurrentModificationException when the stored version is another
   * @throws SQLException when the database refuses it
   */
  static void updateVersioned(Connection c, String sql, String number, long version,
      FieldBinder fields) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, version);
      int next = fields.bind(ps, 2);
      ps.setString(next, number);
      ps.setLong(next + 1, version - 1);
      if (ps.executeUpdate() != 1) {
        throw new ConcurrentModificationException(number
            + " was changed by someone else (expected version " + (version - 1) + ")", null);
      }
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
