package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The WHERE clause of a store query built from optional criteria, with its parameters in order:
 * a criterion that is {@code null} (or an empty set) adds nothing.
 */
final class SqlConditions {

  private final List<String> clauses = new ArrayList<>();
  private final List<Object> args = new ArrayList<>();

  /** {@code column = ?} when {@code value} is not {@code null} (an enum binds its name). */
  SqlConditions equal(String column, Object value) {
    return when(value != null, column + " = ?", value);
  }

  /** {@code column IN (?, ...)} over the names of {@code values}, sorted; nothing when empty. */
  SqlConditions in(String column, Collection<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      clauses.add(column + " IN (" + placeholders(values.size()) + ")");
      values.stream().map(Enum::name).sorted().forEach(args::add);
    }
    return this;
  }

  /** {@code clause} with its parameters when {@code condition} holds. */
  SqlConditions when(boolean condition, String clause, Object... params) {
    if (condition) {
      clauses.add(clause);
      args.addAll(List.of(params));
    }
    return this;
  }

  /** @return {@code " WHERE a AND b"}, or an empty string when there is no condition */
  String where() {
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  /** @return the parameters, in the order of the placeholders */
  List<Object> args() {
    return args;
  }

  /**
   * @param db the connections
   * @param from the table and its alias, e.g. {@code itsm_change c}
   * @param what what is counted, for the error message
   * @return how many rows match
   */
  long count(DialectConnections db, String from, String what) {
    try (PreparedStatement ps = db.get().prepareStatement("SELECT COUNT(*) FROM " + from
        + where())) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("counting " + what, e);
    }
  }

  /** Binds parameters from index 1: instants as UTC timestamps, booleans, numbers, enum names, text. */
  static void bind(PreparedStatement ps, List<?> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Instant t) {
        setInstant(ps, i + 1, t);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(i + 1, b);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (a instanceof Long n) {
        ps.setLong(i + 1, n);
      } else if (a instanceof Enum<?> e) {
        ps.setString(i + 1, e.name());
      } else {
        ps.setString(i + 1, (String) a);
      }
    }
  }

  /** @param n how many @return {@code "?, ?, ..."} */
  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
