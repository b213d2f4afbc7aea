package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getEnum;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;

import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.metrics.MetricsFilter;
import dev.itsm.core.metrics.MetricsQuery;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.MetricsStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link MetricsStore} on the engine's database (H2 2.x or PostgreSQL), in portable SQL: the
 * filter, the period and the per-record aggregates (first assigned group from
 * {@code itsm_audit_change}, business time of the resolution clock from {@code itsm_sla_clock},
 * problem links, counts of known errors and major incidents, the catalog item's newest name) run
 * in the database; ratios, means
 * and percentiles are computed by the metrics service in Java, since percentile functions are not
 * portable between the two databases.
 */
public final class JdbcMetricsStore implements MetricsStore {

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcMetricsStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  /** A WHERE clause under construction with its parameters. */
  private static final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    Where and(String clause, Object... values) {
      sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(clause);
      args.addAll(List.of(values));
      return this;
    }

    /** Adds the incident filter on the incident aliased {@code i}. */
    Where incidentFilter(MetricsFilter f, boolean withPriority) {
      if (f.service() != null) {
        and("i.service = ?", f.service());
      }
      if (f.assignmentGroup() != null) {
        and("i.assignment_group = ?", f.assignmentGroup());
      }
      if (f.category() != null) {
        and("i.category = ?", f.category());
      }
      if (withPriority && f.priority() != null) {
        and("i.priority = ?", f.priority().name());
      }
      return this;
    }

    void bind(PreparedStatement ps) throws SQLException {
      for (int n = 0; n < args.size(); n++) {
        Object v = args.get(n);
        if (v instanceof Instant t) {
          setInstant(ps, n + 1, t);
        } else {
          ps.setString(n + 1, (String) v);
        }
      }
    }
  }

  /** {@code column} lies in the period {@code [from, to)}. */
  private static String in(String column) {
    return "(" + column + " >= ? AND " + column + " < ?)";
  }

  @Override
  public List<IncidentFact> incidents(MetricsQuery q) {
    String sql = "SELECT i.record_number, i.priority, i.assignment_group, i.opened_at,"
        + " i.resolved_at, i.cancelled_at, i.reassignment_count, i.reopen_count,"
        + " (SELECT MAX(c.accumulated_ms) FROM itsm_sla_clock c"
        + "   WHERE c.record_number = i.record_number AND c.kind = 'RESOLUTION'"
        + "   AND c.stopped_at IS NOT NULL AND c.state <> 'CANCELLED') AS resolution_ms,"
        + " (SELECT COALESCE(ac.old_value, ac.new_value) FROM itsm_audit a"
        + "   JOIN itsm_audit_change ac ON ac.audit_id = a.id"
        + "   WHERE a.record_number = i.record_number AND ac.field_name = 'assignmentGroup'"
        + "   ORDER BY a.id, ac.seq_no FETCH FIRST 1 ROWS ONLY) AS first_change_group,"
        + " CASE WHEN EXISTS (SELECT 1 FROM itsm_problem_incident pi"
        + "   WHERE pi.incident_number = i.record_number) THEN 1 ELSE 0 END AS linked"
        + " FROM itsm_incident i";
    Where w = new Where()
        .and("i.tenant_id = ?", q.tenant())
        .and("i.opened_at < ?", q.to())
        .and("(i.resolved_at IS NULL OR i.resolved_at >= ?)", q.from())
        .and("(i.cancelled_at IS NULL OR i.cancelled_at >= ?)", q.from())
        .incidentFilter(q.filter(), true);
    List<IncidentFact> out = new ArrayList<>();
    try (PreparedStatement ps = db.get().prepareStatement(sql + w.sql + " ORDER BY i.opened_at,"
        + " i.record_number")) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long ms = rs.getLong("resolution_ms");
          Duration business = rs.wasNull() ? null : Duration.ofMillis(ms);
          String group = rs.getString("assignment_group");
          String first = rs.getString("first_change_group");
          out.add(new IncidentFact(rs.getString("record_number"), rs.getString("priority"),
              group, first != null ? first : group, getInstant(rs, "opened_at"),
              getInstant(rs, "resolved_at"), getInstant(rs, "cancelled_at"),
              rs.getInt("reassignment_count"), rs.getInt("reopen_count"), business,
              rs.getInt("linked") == 1));
        }
      }
    } catch (SQLException e) {
      throw failure("reading incident metrics", e);
    }
    return out;
  }

  @Override
  public List<SlaClock> clocks(MetricsQuery q) {
    MetricsFilter f = q.filter();
    Where w = new Where().and("c.tenant_id = ?", q.tenant())
        .and("(" + in("c.stopped_at") + " OR " + in("c.breached_at")
        + " OR c.stopped_at IS NULL)", q.from(), q.to(), q.from(), q.to());
    if (f.priority() != null) {
      w.and("c.priority = ?", f.priority().name());
    }
    if (f.filtersRecords()) {
      Where inner = new Where().and("i.record_number = c.record_number").incidentFilter(f, false);
      w.and("EXISTS (SELECT 1 FROM itsm_incident i" + inner.sql + ")",
          inner.args.toArray());
    }
    String sql = "SELECT " + prefixed("c.", JdbcSlaClockStore.COLUMNS)
        + " FROM itsm_sla_clock c" + w.sql + " ORDER BY c.start_seq";
    List<SlaClock> out = new ArrayList<>();
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(JdbcSlaClockStore.read(rs));
        }
      }
    } catch (SQLException e) {
      throw failure("reading service-level metrics", e);
    }
    return out;
  }

  private static String prefixed(String prefix, String columns) {
    StringBuilder b = new StringBuilder();
    for (String c : columns.split(",")) {
      b.append(b.length() == 0 ? "" : ", ").append(prefix).append(c.strip());
    }
    return b.toString();
  }

  @Override
  public List<ChangeFact> changes(MetricsQuery q) {
    MetricsFilter f = q.filter();
    Where w = new Where().and("ch.tenant_id = ?", q.tenant()).and("(" + in("ch.created_at") + " OR " + in("ch.authorized_at")
            + " OR " + in("ch.rejected_at") + " OR " + in("ch.implemented_at") + " OR "
            + in("ch.planned_start") + ")",
        q.from(), q.to(), q.from(), q.to(), q.from(), q.to(), q.from(), q.to(), q.from(),
        q.to());
    if (f.service() != null) {
      w.and("EXISTS (SELECT 1 FROM itsm_change_link l WHERE l.record_number = ch.record_number"
          + " AND l.link_kind = 'SERVICE' AND l.target = ?)", f.service());
    }
    if (f.assignmentGroup() != null) {
      w.and("ch.implementer_group = ?", f.assignmentGroup());
    }
    if (f.category() != null) {
      w.and("ch.category = ?", f.category());
    }
    String sql = "SELECT ch.record_number, ch.change_type, ch.outcome,"
        + " CASE WHEN ch.freeze_override IS NULL THEN 0 ELSE 1 END AS frozen, ch.created_at,"
        + " ch.authorized_at, ch.rejected_at, ch.implemented_at, ch.planned_start"
        + " FROM itsm_change ch" + w.sql + " ORDER BY ch.created_at, ch.record_number";
    List<ChangeFact> out = new ArrayList<>();
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ChangeFact(rs.getString("record_number"),
              getEnum(rs, "change_type", ChangeType.class),
              getEnum(rs, "outcome", ChangeOutcome.class), rs.getInt("frozen") == 1,
              getInstant(rs, "created_at"), getInstant(rs, "authorized_at"),
              getInstant(rs, "rejected_at"), getInstant(rs, "implemented_at"),
              getInstant(rs, "planned_start")));
        }
      }
    } catch (SQLException e) {
      throw failure("reading change metrics", e);
    }
    return out;
  }

  @Override
  public List<ProblemFact> problems(MetricsQuery q) {
    Where w = problemFilter(new Where()
        .and("p.tenant_id = ?", q.tenant())
        .and("p.created_at < ?", q.to())
        .and("(p.resolved_at IS NULL OR p.resolved_at >= ?)", q.from())
        .and("(p.cancelled_at IS NULL OR p.cancelled_at >= ?)", q.from()), q.filter(), "p.");
    String sql = "SELECT p.record_number, p.created_at, p.resolved_at, p.closed_at,"
        + " p.cancelled_at, CASE WHEN p.fix_change IS NOT NULL OR EXISTS (SELECT 1"
        + "   FROM itsm_change_link l JOIN itsm_change ch ON ch.record_number = l.record_number"
        + "   WHERE l.link_kind = 'PROBLEM' AND l.target = p.record_number"
        + "   AND ch.tenant_id = p.tenant_id"
        + "   AND ch.outcome IN ('SUCCESSFUL', 'SUCCESSFUL_WITH_ISSUES')) THEN 1 ELSE 0 END"
        + " AS fixed FROM itsm_problem p" + w.sql
        + " ORDER BY p.created_at, p.record_number";
    List<ProblemFact> out = new ArrayList<>();
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ProblemFact(rs.getString("record_number"), getInstant(rs, "created_at"),
              getInstant(rs, "resolved_at"), getInstant(rs, "closed_at"),
              getInstant(rs, "cancelled_at"), rs.getInt("fixed") == 1));
        }
      }
    } catch (SQLException e) {
      throw failure("reading problem metrics", e);
    }
    return out;
  }

  @Override
  public List<RequestFact> requests(MetricsQuery q) {
    Where w = new Where().and("r.tenant_id = ?", q.tenant()).and("(" + in("r.submitted_at") + " OR " + in("r.approved_at") + " OR "
            + in("r.rejected_at") + " OR " + in("r.fulfilled_at") + ")",
        q.from(), q.to(), q.from(), q.to(), q.from(), q.to(), q.from(), q.to());
    String sql = "SELECT r.record_number, r.item_id, r.approval_kind, r.submitted_at,"
        + " r.approved_at, r.rejected_at, r.fulfilled_at,"
        + " (SELECT ci.item_name FROM itsm_catalog_item ci WHERE ci.item_id = r.item_id"
        + "   AND ci.tenant_id = r.tenant_id"
        + "   ORDER BY ci.item_version DESC FETCH FIRST 1 ROWS ONLY) AS item_name"
        + " FROM itsm_request r" + w.sql + " ORDER BY r.submitted_at, r.record_number";
    List<RequestFact> out = new ArrayList<>();
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new RequestFact(rs.getString("record_number"), rs.getString("item_id"),
              rs.getString("item_name"), !"NONE".equals(rs.getString("approval_kind")),
              getInstant(rs, "submitted_at"), getInstant(rs, "approved_at"),
              getInstant(rs, "rejected_at"), getInstant(rs, "fulfilled_at")));
        }
      }
    } catch (SQLException e) {
      throw failure("reading request metrics", e);
    }
    return out;
  }

  /** Service, category (of {@code alias}) and priority (of the problem {@code p}). */
  private static Where problemFilter(Where w, MetricsFilter f, String alias) {
    if (f.service() != null) {
      w.and(alias + "service = ?", f.service());
    }
    if (f.category() != null) {
      w.and(alias + "category = ?", f.category());
    }
    if (f.priority() != null) {
      w.and("p.priority = ?", f.priority().name());
    }
    return w;
  }

  @Override
  public long knownErrorsPublished(MetricsQuery q) {
    Where w = problemFilter(new Where().and("k.tenant_id = ?", q.tenant())
        .and(in("k.published_at"), q.from(), q.to()), q.filter(),
        "k.");
    return count("SELECT COUNT(*) FROM itsm_known_error k JOIN itsm_problem p"
        + " ON p.record_number = k.problem_number" + w.sql, w, "known errors");
  }

  @Override
  public long majorIncidentsPromoted(MetricsQuery q) {
    Where w = new Where().and("i.tenant_id = ?", q.tenant()).and(in("m.promoted_at"), q.from(), q.to())
        .incidentFilter(q.filter(), true);
    return count("SELECT COUNT(*) FROM itsm_major_incident m JOIN itsm_incident i"
        + " ON i.record_number = m.incident_number" + w.sql, w, "major incidents");
  }

  private long count(String sql, Where w, String what) {
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      w.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("counting " + what, e);
    }
  }
}
