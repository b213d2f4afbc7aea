package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setString;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.MajorIncidentStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link MajorIncidentStore} on the engine's database, in the tables of schema v6. */
public final class JdbcMajorIncidentStore implements MajorIncidentStore {

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcMajorIncidentStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  @Override
  public void insert(MajorIncident m) {
    String sql = "INSERT INTO itsm_major_incident (incident_number, row_version, manager,"
        + " promoted_by, promoted_at, cadence_seconds, next_update_due, last_update_at,"
        + " updates_posted, updates_missed, review_notes, reviewed_by, reviewed_at, tenant_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, m.incidentNumber());
      ps.setLong(2, m.version());
      ps.setString(3, m.manager());
      ps.setString(4, m.promotedBy());
      setInstant(ps, 5, m.promotedAt());
      ps.setLong(6, m.cadence().toSeconds());
      setInstant(ps, 7, m.nextUpdateDue());
      setInstant(ps, 8, m.lastUpdateAt());
      ps.setInt(9, m.updatesPosted());
      ps.setInt(10, m.updatesMissed());
      setString(ps, 11, m.reviewNotes());
      setString(ps, 12, m.reviewedBy());
      setInstant(ps, 13, m.reviewedAt());
      ps.setString(14, m.tenant());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("storing major incident " + m.incidentNumber(), e);
    }
  }

  @Override
  public void update(MajorIncident m) {
    String sql = "UPDATE itsm_major_incident SET row_version = ?, manager = ?, cadence_seconds = ?,"
        + " next_update_due = ?, last_update_at = ?, updates_posted = ?, updates_missed = ?,"
        + " review_notes = ?, reviewed_by = ?, reviewed_at = ?"
        + " WHERE incident_number = ? AND row_version = ?";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setLong(1, m.version());
      ps.setString(2, m.manager());
      ps.setLong(3, m.cadence().toSeconds());
      setInstant(ps, 4, m.nextUpdateDue());
      setInstant(ps, 5, m.lastUpdateAt());
      ps.setInt(6, m.updatesPosted());
      ps.setInt(7, m.updatesMissed());
      setString(ps, 8, m.reviewNotes());
      setString(ps, 9, m.reviewedBy());
      setInstant(ps, 10, m.reviewedAt());
      ps.setString(11, m.incidentNumber());
      ps.setLong(12, m.version() - 1);
      if (ps.executeUpdate() != 1) {
        throw new ConcurrentModificationException("major incident " + m.incidentNumber()
            + " was changed by someone else (expected version " + (m.version() - 1) + ")", null);
      }
    } catch (SQLException e) {
      throw failure("updating major incident " + m.incidentNumber(), e);
    }
  }

  @Override
  public Optional<MajorIncident> find(String number) {
    List<MajorIncident> found = select(" WHERE incident_number = ?", number);
    return found.stream().findFirst();
  }

  @Override
  public List<MajorIncident> active(String tenant) {
    return select(" WHERE reviewed_at IS NULL" + (tenant == null ? "" : " AND tenant_id = ?")
        + " ORDER BY promoted_at DESC", tenant);
  }

  private List<MajorIncident> select(String where, String arg) {
    String sql = "SELECT * FROM itsm_major_incident" + where;
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      List<MajorIncident> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new MajorIncident(rs.getString("incident_number"), rs.getLong("row_version"),
              rs.getString("manager"), rs.getString("promoted_by"),
              getInstant(rs, "promoted_at"), Duration.ofSeconds(rs.getLong("cadence_seconds")),
              getInstant(rs, "next_update_due"), getInstant(rs, "last_update_at"),
              rs.getInt("updates_posted"), rs.getInt("updates_missed"),
              rs.getString("review_notes"), rs.getString("reviewed_by"),
              getInstant(rs, "reviewed_at"), List.of(), rs.getString("tenant_id")));
        }
      }
      List<MajorIncident> withChildren = new ArrayList<>();
      for (MajorIncident m : out) {
        withChildren.add(m.withChildren(children(m.incidentNumber())));
      }
      return withChildren;
    } catch (SQLException e) {
      throw failure("reading major incidents", e);
    }
  }

  private List<String> children(String parent) throws SQLException {
    try (PreparedStatement ps = db.get().prepareStatement("SELECT child_number FROM"
        + " itsm_major_child WHERE parent_number = ? ORDER BY linked_at, child_number")) {
      ps.setString(1, parent);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  @Override
  public void linkChild(String parent, String child, Instant at) {
    try (PreparedStatement ps = db.get().prepareStatement("INSERT INTO itsm_major_child"
        + " (child_number, parent_number, linked_at) VALUES (?, ?, ?)")) {
      ps.setString(1, child);
      ps.setString(2, parent);
      setInstant(ps, 3, at);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("linking " + child + " to major incident " + parent, e);
    }
  }

  @Override
  public Optional<String> parentOf(String child) {
    try (PreparedStatement ps = db.get().prepareStatement(
        "SELECT parent_number FROM itsm_major_child WHERE child_number = ?")) {
      ps.setString(1, child);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("reading the parent of " + child, e);
    }
  }
}
