package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getEnum;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;

import dev.itsm.core.incident.TimelineEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The timeline table {@code itsm_timeline}, shared by every practice's records. */
final class JdbcTimeline {

  private JdbcTimeline() {}

  static void append(DialectConnections db, String number, TimelineEntry e) {
    String sql = "INSERT INTO itsm_timeline (id, record_number, occurred_at, actor_id, kind,"
        + " entry_text) VALUES (?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setLong(1, db.nextValue("itsm_timeline_seq"));
      ps.setString(2, number);
      setInstant(ps, 3, e.at());
      ps.setString(4, e.actorId());
      ps.setString(5, e.kind().name());
      ps.setString(6, e.text());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw failure("appending to the timeline of " + number, ex);
    }
  }

  static List<TimelineEntry> read(DialectConnections db, String number) {
    String sql = "SELECT occurred_at, actor_id, kind, entry_text FROM itsm_timeline"
        + " WHERE record_number = ? ORDER BY id";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, number);
      List<TimelineEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new TimelineEntry(getInstant(rs, "occurred_at"), rs.getString("actor_id"),
              getEnum(rs, "kind", TimelineEntry.Kind.class), rs.getString("entry_text")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading the timeline of " + number, e);
    }
  }
}
