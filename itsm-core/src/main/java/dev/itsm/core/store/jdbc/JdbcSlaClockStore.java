package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getEnum;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setString;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockEntry;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.SlaClockStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@link SlaClockStore} on the engine's database, on the current transaction's connection. */
public final class JdbcSlaClockStore implements SlaClockStore {

  static final String COLUMNS = "id, record_number, process, target_name, kind, priority,"
      + " group_id, calendar_name, target_ms, warning_percents, state, started_at, accumulated_ms,"
      + " running_since, fired_percents, breached_at, stopped_at, row_version, tenant_id";

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcSlaClockStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  private Connection connection() {
    return db.get();
  }

  @Override
  public void insert(SlaClock c) {
    String sql = "INSERT INTO itsm_sla_clock (" + COLUMNS + ", start_seq) VALUES ("
        + "?, ".repeat(19) + "?)";
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      ps.setString(1, c.id());
      int n = bind(ps, 2, c);
      ps.setLong(n, c.version());
      ps.setString(n + 1, c.tenant());
      ps.setLong(n + 2, db.nextValue("itsm_sla_clock_seq"));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("storing clock " + c.id(), e);
    }
  }

  @Override
  public void update(SlaClock c) {
    String sql = "UPDATE itsm_sla_clock SET record_number = ?, process = ?, target_name = ?,"
        + " kind = ?, priority = ?, group_id = ?, calendar_name = ?, target_ms = ?,"
        + " warning_percents = ?, state = ?, started_at = ?, accumulated_ms = ?,"
        + " running_since = ?, fired_percents = ?, breached_at = ?, stopped_at = ?,"
        + " row_version = ? WHERE id = ? AND row_version = ?";
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      int n = bind(ps, 1, c);
      ps.setLong(n, c.version());
      ps.setString(n + 1, c.id());
      ps.setLong(n + 2, c.version() - 1);
      if (ps.executeUpdate() != 1) {
        throw new ConcurrentModificationException("service-level clock " + c.id() + " of "
            + c.recordNumber() + " was changed by someone else", null);
      }
    } catch (SQLException e) {
      throw failure("updating clock " + c.id(), e);
    }
  }

  private static int bind(PreparedStatement ps, int index, SlaClock c) throws SQLException {
    int n = index;
    ps.setString(n++, c.recordNumber());
    ps.setString(n++, c.process());
    ps.setString(n++, c.targetName());
    ps.setString(n++, c.kind().name());
    ps.setString(n++, c.priority());
    setString(ps, n++, c.group());
    ps.setString(n++, c.calendar());
    ps.setLong(n++, c.target().toMillis());
    ps.setString(n++, join(c.warningPercents()));
    ps.setString(n++, c.state().name());
    setInstant(ps, n++, c.startedAt());
    ps.setLong(n++, c.accumulated().toMillis());
    setInstant(ps, n++, c.runningSince());
    ps.setString(n++, join(c.firedPercents()));
    setInstant(ps, n++, c.breachedAt());
    setInstant(ps, n++, c.stoppedAt());
    return n;
  }

  private static String join(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static List<Integer> split(String s) {
    return s == null || s.isBlank() ? List.of()
        : Arrays.stream(s.split(",")).map(Integer::valueOf).toList();
  }

  @Override
  public Optional<SlaClock> find(String id) {
    List<SlaClock> found = select(" WHERE id = ?", id);
    return found.stream().findFirst();
  }

  @Override
  public List<SlaClock> forRecord(String recordNumber) {
    return select(" WHERE record_number = ? ORDER BY started_at, start_seq", recordNumber);
  }

  @Override
  public List<SlaClock> active() {
    return select(" WHERE stopped_at IS NULL ORDER BY started_at, start_seq");
  }

  @Override
  public List<SlaClock> stoppedBetween(Instant from, Instant to) {
    return select(" WHERE stopped_at >= ? AND stopped_at < ? ORDER BY stopped_at, start_seq", from, to);
  }

  private List<SlaClock> select(String where, Object... params) {
    try (PreparedStatement ps = connection().prepareStatement("SELECT " + COLUMNS
        + " FROM itsm_sla_clock" + where)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] instanceof Instant t) {
          setInstant(ps, i + 1, t);
        } else {
          ps.setString(i + 1, (String) params[i]);
        }
      }
      List<SlaClock> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading service-level clocks", e);
    }
  }

  static SlaClock read(ResultSet rs) throws SQLException {
    return new SlaClock(rs.getString("id"), rs.getString("record_number"),
        rs.getString("process"), rs.getString("target_name"),
        getEnum(rs, "kind", TargetKind.class), rs.getString("priority"),
        rs.getString("group_id"), rs.getString("calendar_name"),
        Duration.ofMillis(rs.getLong("target_ms")), split(rs.getString("warning_percents")),
        getEnum(rs, "state", SlaClockState.class), getInstant(rs, "started_at"),
        Duration.ofMillis(rs.getLong("accumulated_ms")), getInstant(rs, "running_since"),
        split(rs.getString("fired_percents")), getInstant(rs, "breached_at"),
        getInstant(rs, "stopped_at"), rs.getLong("row_version"), rs.getString("tenant_id"));
  }

  @Override
  public void appendHistory(SlaClockEntry e) {
    try (PreparedStatement ps = connection().prepareStatement("INSERT INTO itsm_sla_history (id,"
        + " clock_id, occurred_at, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, db.nextValue("itsm_sla_history_seq"));
      ps.setString(2, e.clockId());
      setInstant(ps, 3, e.at());
      ps.setString(4, e.kind().name());
      ps.setString(5, e.detail().length() > 1000 ? e.detail().substring(0, 1000) : e.detail());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw failure("appending to the history of clock " + e.clockId(), ex);
    }
  }

  @Override
  public List<SlaClockEntry> history(String clockId) {
    try (PreparedStatement ps = connection().prepareStatement("SELECT occurred_at, kind, detail"
        + " FROM itsm_sla_history WHERE clock_id = ? ORDER BY id")) {
      ps.setString(1, clockId);
      List<SlaClockEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SlaClockEntry(clockId, getInstant(rs, "occurred_at"),
              getEnum(rs, "kind", SlaClockEntry.Kind.class), rs.getString("detail")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading the history of clock " + clockId, e);
    }
  }
}
