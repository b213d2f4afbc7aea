package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setString;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.audit.AuditChain;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.ChainedAuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.ConnectionSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link AuditStore} on the engine's database, in the tables {@code itsm_audit} and
 * {@code itsm_audit_change}; append-only, on the connection of the current transaction. Each
 * entry stores its record's previous hash and its own ({@link AuditChain}); a unique index on
 * {@code (record_number, prev_hash)} refuses a fork when two transactions append to the same
 * record at once (the loser gets a retryable {@link ConcurrentModificationException}).
 */
public final class JdbcAuditStore implements AuditStore {

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcAuditStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  @Override
  public void append(AuditEntry original) {
    AuditEntry entry = new AuditEntry(original.recordNumber(), original.actorId(),
        original.operation(), AuditChain.storedPrecision(original.occurredAt()),
        original.changes(), original.tenant());
    Connection c = db.get();
    try {
      String prev = AuditChain.GENESIS;
      try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM itsm_audit WHERE"
          + " record_number = ? AND entry_hash IS NOT NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
        ps.setString(1, entry.recordNumber());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            prev = rs.getString(1);
          }
        }
      }
      // the id is drawn after the predecessor was read, so an entry's id is always above its
      // predecessor's, even when another transaction drew an id earlier and committed later
      long id = db.nextValue("itsm_audit_seq");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO itsm_audit (id, record_number,"
          + " actor_id, operation, occurred_at, prev_hash, entry_hash, tenant_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, entry.recordNumber());
        ps.setString(3, entry.actorId());
        ps.setString(4, entry.operation());
        setInstant(ps, 5, entry.occurredAt());
        ps.setString(6, prev);
        ps.setString(7, AuditChain.hash(entry, prev));
        ps.setString(8, entry.tenant());
        ps.executeUpdate();
      }
      if (entry.changes().isEmpty()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO itsm_audit_change (audit_id,"
          + " seq_no, field_name, old_value, new_value) VALUES (?, ?, ?, ?, ?)")) {
        int seq = 0;
        for (FieldChange f : entry.changes()) {
          ps.setLong(1, id);
          ps.setInt(2, seq++);
          ps.setString(3, f.field());
          setString(ps, 4, f.oldValue());
          setString(ps, 5, f.newValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new ConcurrentModificationException("appending to the audit trail of "
            + entry.recordNumber() + " failed: another transaction appended to it at the same"
            + " time; retry the call", e);
      }
      throw failure("appending to the audit trail of " + entry.recordNumber(), e);
    }
  }

  @Override
  public List<AuditEntry> forRecord(String recordNumber) {
    return chainOf(recordNumber).stream().map(ChainedAuditEntry::entry).toList();
  }

  @Override
  public List<ChainedAuditEntry> chainOf(String recordNumber) {
    String sql = "SELECT a.id, a.actor_id, a.operation, a.occurred_at, a.prev_hash, a.entry_hash,"
        + " a.tenant_id,"
        + " c.field_name, c.old_value, c.new_value FROM itsm_audit a"
        + " LEFT JOIN itsm_audit_change c ON c.audit_id = a.id"
        + " WHERE a.record_number = ? ORDER BY a.id, c.seq_no";
    record Head(String actor, String operation, Instant at, String prev, String hash,
        List<FieldChange> changes, String tenant) {}
    Map<Long, Head> heads = new LinkedHashMap<>();
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, recordNumber);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong("id");
          Head h = heads.get(id);
          if (h == null) {
            h = new Head(rs.getString("actor_id"), rs.getString("operation"),
                getInstant(rs, "occurred_at"), trim(rs.getString("prev_hash")),
                trim(rs.getString("entry_hash")), new ArrayList<>(), rs.getString("tenant_id"));
            heads.put(id, h);
          }
          String field = rs.getString("field_name");
          if (field != null) {
            h.changes().add(new FieldChange(field, rs.getString("old_value"),
                rs.getString("new_value")));
          }
        }
      }
    } catch (SQLException e) {
      throw failure("reading the audit trail of " + recordNumber, e);
    }
    List<ChainedAuditEntry> chain = new ArrayList<>(heads.size());
    heads.forEach((id, h) -> chain.add(new ChainedAuditEntry(id,
        new AuditEntry(recordNumber, h.actor(), h.operation(), h.at(), h.changes(), h.tenant()),
        h.prev(), h.hash())));
    return chain;
  }

  @Override
  public List<String> recordsWithEntriesBetween(Instant from, Instant to) {
    String sql = "SELECT DISTINCT record_number FROM itsm_audit WHERE occurred_at >= ?"
        + " AND occurred_at < ? ORDER BY record_number";
    List<String> numbers = new ArrayList<>();
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      setInstant(ps, 1, from);
      setInstant(ps, 2, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          numbers.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw failure("listing the audited records between " + from + " and " + to, e);
    }
    return numbers;
  }

  private static String trim(String hash) {
    return hash == null ? null : hash.trim();
  }
}
