package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;

import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.OutboxEntry;
import dev.itsm.core.spi.OutboxStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link OutboxStore} in the table {@code itsm_outbox}, on the current transaction's connection. */
public final class JdbcOutboxStore implements OutboxStore {

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcOutboxStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  @Override
  public long append(String eventKey, String recordNumber, String eventType, String payload,
      Instant at) {
    try (PreparedStatement ps = db.get().prepareStatement("INSERT INTO itsm_outbox (id,"
        + " event_key, record_number, event_type, payload, created_at, attempts,"
        + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
      long id = db.nextValue("itsm_outbox_seq");
      ps.setLong(1, id);
      ps.setString(2, eventKey);
      ps.setString(3, recordNumber);
      ps.setString(4, eventType);
      ps.setString(5, payload);
      setInstant(ps, 6, at);
      setInstant(ps, 7, at);
      ps.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw failure("writing an event of " + recordNumber + " to the outbox", e);
    }
  }

  @Override
  public Optional<OutboxEntry> claim(long id, Instant now, Instant until) {
    try (PreparedStatement ps = db.get().prepareStatement("UPDATE itsm_outbox SET claimed_until"
        + " = ? WHERE id = ? AND delivered_at IS NULL AND (claimed_until IS NULL OR"
        + " claimed_until < ?)")) {
      setInstant(ps, 1, until);
      ps.setLong(2, id);
      setInstant(ps, 3, now);
      if (ps.executeUpdate() != 1) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("claiming outbox row " + id, e);
    }
    try (PreparedStatement ps = db.get().prepareStatement("SELECT id, event_key, record_number,"
        + " event_type, payload, created_at, attempts, next_attempt_at, delivered_at, last_error"
        + " FROM itsm_outbox WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Optional.of(new OutboxEntry(rs.getLong("id"), rs.getString("event_key"),
            rs.getString("record_number"), rs.getString("event_type"), rs.getString("payload"),
            getInstant(rs, "created_at"), rs.getInt("attempts"),
            getInstant(rs, "next_attempt_at"), getInstant(rs, "delivered_at"),
            rs.getString("last_error")));
      }
    } catch (SQLException e) {
      throw failure("reading outbox row " + id, e);
    }
  }

  @Override
  public List<Long> due(Instant now, int limit) {
    try (PreparedStatement ps = db.get().prepareStatement("SELECT id FROM itsm_outbox WHERE"
        + " delivered_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR"
        + " claimed_until < ?) ORDER BY id LIMIT ?")) {
      setInstant(ps, 1, now);
      setInstant(ps, 2, now);
      ps.setInt(3, limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw failure("reading due outbox rows", e);
    }
  }

  @Override
  public void delivered(long id, Instant at) {
    update("UPDATE itsm_outbox SET delivered_at = ?, claimed_until = NULL WHERE id = ?", id,
        at);
  }

  @Override
  public void failed(long id, Instant nextAttemptAt, String error) {
    try (PreparedStatement ps = db.get().prepareStatement("UPDATE itsm_outbox SET attempts ="
        + " attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?")) {
      setInstant(ps, 1, nextAttemptAt);
      ps.setString(2, error == null ? null
          : error.length() > 1000 ? error.substring(0, 1000) : error);
      ps.setLong(3, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("recording a failed delivery of outbox row " + id, e);
    }
  }

  private void update(String sql, long id, Instant at) {
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      setInstant(ps, 1, at);
      ps.setLong(2, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("updating outbox row " + id, e);
    }
  }

  @Override
  public long pending() {
    try (PreparedStatement ps = db.get().prepareStatement("SELECT COUNT(*) FROM itsm_outbox"
        + " WHERE delivered_at IS NULL"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failure("counting pending outbox rows", e);
    }
  }

  @Override
  public int purgeDelivered(Instant before) {
    try (PreparedStatement ps = db.get().prepareStatement("DELETE FROM itsm_outbox WHERE"
        + " delivered_at IS NOT NULL AND delivered_at < ?")) {
      setInstant(ps, 1, before);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("removing delivered outbox rows", e);
    }
  }
}
