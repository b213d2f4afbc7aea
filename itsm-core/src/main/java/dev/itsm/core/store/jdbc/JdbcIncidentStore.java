package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getEnum;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setString;

import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Milestones;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.IncidentCriteria;
import dev.itsm.core.spi.IncidentStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@link IncidentStore} on the engine's database (H2 or PostgreSQL), in the tables created by
 * {@link ItsmSchema}. It works on the connection of the current transaction, so a record change
 * commits or rolls back together with the process engine's state.
 */
public final class JdbcIncidentStore implements IncidentStore {

  private static final String COLUMNS = "record_number, row_version, state, title, description,"
      + " caller, channel, category, subcategory, service, configuration_item, impact, urgency,"
      + " priority, assignment_group, assignee, hold_reason, resolution_code, resolution_notes,"
      + " reassignment_count, reopen_count, opened_at, acknowledged_at, on_hold_since,"
      + " resolved_at, closed_at, cancelled_at, response_due, resolution_due,"
      + " response_breached_at, resolution_breached_at, tenant_id";

  private static final String UPDATE = "UPDATE itsm_incident SET row_version = ?, state = ?,"
      + " title = ?, description = ?, caller = ?, channel = ?, category = ?, subcategory = ?,"
      + " service = ?, configuration_item = ?, impact = ?, urgency = ?, priority = ?,"
      + " assignment_group = ?, assignee = ?, hold_reason = ?, resolution_code = ?,"
      + " resolution_notes = ?, reassignment_count = ?, reopen_count = ?, opened_at = ?,"
      + " acknowledged_at = ?, on_hold_since = ?, resolved_at = ?, closed_at = ?,"
      + " cancelled_at = ?, response_due = ?, resolution_due = ?, response_breached_at = ?,"
      + " resolution_breached_at = ? WHERE record_number = ? AND row_version = ?";

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcIncidentStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  private Connection connection() {
    return db.get();
  }

  @Override
  public long nextSequence(String tenant) {
    return db.draw(ItsmSchema.sequence("itsm_incident_seq", tenant),
        "the next incident number of tenant " + tenant);
  }

  @Override
  public void insert(Incident i) {
    String sql = "INSERT INTO itsm_incident (" + COLUMNS + ") VALUES ("
        + "?, ".repeat(31) + "?)";
    try {
      Jdbc.insertVersioned(connection(), sql, i.number(), i.version(), (ps, n) -> {
        int next = bindFields(ps, n, i);
        ps.setString(next, i.tenant());
        return next + 1;
      });
    } catch (SQLException e) {
      throw failure("storing incident " + i.number(), e);
    }
  }

  @Override
  public void update(Incident i) {
    try {
      Jdbc.updateVersioned(connection(), UPDATE, i.number(), i.version(),
          (ps, n) -> bindFields(ps, n, i));
    } catch (SQLException e) {
      throw failure("updating incident " + i.number(), e);
    }
  }

  /** Binds state .. resolution_breached_at (29 columns) from {@code index}; returns the next index. */
  private static int bindFields(PreparedStatement ps, int index, Incident i) throws SQLException {
    int n = index;
    setString(ps, n++, i.state());
    setString(ps, n++, i.title());
    setString(ps, n++, i.description());
    setString(ps, n++, i.caller());
    setString(ps, n++, i.channel());
    setString(ps, n++, i.category());
    setString(ps, n++, i.subcategory());
    setString(ps, n++, i.service());
    setString(ps, n++, i.configurationItem());
    ps.setInt(n++, i.impact().level());
    ps.setInt(n++, i.urgency().level());
    setString(ps, n++, i.priority());
    setString(ps, n++, i.assignmentGroup());
    setString(ps, n++, i.assignee());
    setString(ps, n++, i.holdReason());
    setString(ps, n++, i.resolutionCode());
    setString(ps, n++, i.resolutionNotes());
    ps.setInt(n++, i.reassignmentCount());
    ps.setInt(n++, i.reopenCount());
    Milestones m = i.milestones();
    setInstant(ps, n++, m.openedAt());
    setInstant(ps, n++, m.acknowledgedAt());
    setInstant(ps, n++, m.onHoldSince());
    setInstant(ps, n++, m.resolvedAt());
    setInstant(ps, n++, m.closedAt());
    setInstant(ps, n++, m.cancelledAt());
    setInstant(ps, n++, m.responseDue());
    setInstant(ps, n++, m.resolutionDue());
    setInstant(ps, n++, m.responseBreachedAt());
    setInstant(ps, n++, m.resolutionBreachedAt());
    return n;
  }

  @Override
  public Optional<Incident> find(String number) {
    String sql = "SELECT " + COLUMNS + " FROM itsm_incident WHERE record_number = ?";
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      ps.setString(1, number);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("reading incident " + number, e);
    }
  }

  @Override
  public List<Incident> query(IncidentCriteria c) {
    List<Object> params = new ArrayList<>();
    String order = switch (c.sort()) {
      case OPENED_AT -> "opened_at";
      case PRIORITY -> "priority";
      case NUMBER -> "record_number";
      case RESOLUTION_DUE -> "resolution_due";
    };
    String dir = c.ascending() ? " ASC" : " DESC";
    // no resolution due date counts as due last (H2 and PostgreSQL differ by default)
    String nulls = c.ascending() ? " NULLS LAST" : " NULLS FIRST";
    String orderBy = " ORDER BY " + order + dir + nulls + ", record_number" + dir;
    String sql;
    if (c.states().size() > 1 && c.assignmentGroup() != null) {
      // A group's queue in several states (its open incidents, say): one branch per state, so
      // that the indexes on (assignment_group, state, ...) find group and state together and
      // each branch stops after the rows the page can need. For an IN list H2 uses one column
      // of an index only, and would read every incident the group ever had.
      long needed = (long) c.offset() + c.limit();
      List<String> branches = new ArrayList<>();
      for (String state : c.states().stream().map(Enum::name).sorted().toList()) {
        List<String> clauses = new ArrayList<>();
        clauses.add("state = ?");
        params.add(state);
        clauses.addAll(clauses(c, params, false));
        branches.add("(SELECT " + COLUMNS + " FROM itsm_incident WHERE "
            + String.join(" AND ", clauses) + orderBy + " LIMIT ?)");
        params.add(needed);
      }
      sql = "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") q" + orderBy
          + " LIMIT ? OFFSET ?";
    } else {
      sql = "SELECT " + COLUMNS + " FROM itsm_incident" + where(c, params) + orderBy
          + " LIMIT ? OFFSET ?";
    }
    params.add(c.limit());
    params.add(c.offset());
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      bind(ps, params);
      List<Incident> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("querying incidents", e);
    }
  }

  @Override
  public long count(IncidentCriteria c) {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM itsm_incident" + where(c, params);
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("counting incidents", e);
    }
  }

  private static String where(IncidentCriteria c, List<Object> params) {
    List<String> clauses = clauses(c, params, true);
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  /** The conditions of the criteria, with or without the states, adding their parameters. */
  private static List<String> clauses(IncidentCriteria c, List<Object> params,
      boolean withStates) {
    List<String> clauses = new ArrayList<>();
    if (withStates && !c.states().isEmpty()) {
      clauses.add("state IN (" + placeholders(c.states().size()) + ")");
      c.states().stream().map(Enum::name).sorted().forEach(params::add);
    }
    if (!c.priorities().isEmpty()) {
      clauses.add("priority IN (" + placeholders(c.priorities().size()) + ")");
      c.priorities().stream().map(Enum::name).sorted().forEach(params::add);
    }
    equal(clauses, params, "assignment_group", c.assignmentGroup());
    equal(clauses, params, "assignee", c.assignee());
    equal(clauses, params, "caller", c.caller());
    equal(clauses, params, "configuration_item", c.configurationItem());
    equal(clauses, params, "category", c.category());
    equal(clauses, params, "tenant_id", c.tenant());
    equal(clauses, params, "caller", c.owner());
    if (c.text() != null) {
      String like = "%" + c.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
          .replace("%", "\\%").replace("_", "\\_") + "%";
      clauses.add("(LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(description) LIKE ? ESCAPE '\\')");
      params.add(like);
      params.add(like);
    }
    if (c.openedFrom() != null) {
      clauses.add("opened_at >= ?");
      params.add(c.openedFrom());
    }
    if (c.openedTo() != null) {
      clauses.add("opened_at < ?");
      params.add(c.openedTo());
    }
    if (c.resolutionDueBefore() != null) {
      clauses.add("resolution_due < ?");
      params.add(c.resolutionDueBefore());
    }
    return clauses;
  }

  private static void equal(List<String> clauses, List<Object> params, String column,
      String value) {
    if (value != null) {
      clauses.add(column + " = ?");
      params.add(value);
    }
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int k = 0; k < params.size(); k++) {
      Object p = params.get(k);
      if (p instanceof java.time.Instant t) {
        setInstant(ps, k + 1, t);
      } else if (p instanceof Integer n) {
        ps.setInt(k + 1, n);
      } else if (p instanceof Long n) {
        ps.setLong(k + 1, n);
      } else {
        ps.setString(k + 1, (String) p);
      }
    }
  }

  private static Incident read(ResultSet rs) throws SQLException {
    return Incident.builder()
        .number(rs.getString("record_number"))
        .version(rs.getLong("row_version"))
        .state(getEnum(rs, "state", IncidentState.class))
        .title(rs.getString("title"))
        .description(rs.getString("description"))
        .caller(rs.getString("caller"))
        .channel(getEnum(rs, "channel", Channel.class))
        .category(rs.getString("category"))
        .subcategory(rs.getString("subcategory"))
        .service(rs.getString("service"))
        .configurationItem(rs.getString("configuration_item"))
        .impact(Impact.ofLevel(rs.getInt("impact")))
        .urgency(Urgency.ofLevel(rs.getInt("urgency")))
        .priority(getEnum(rs, "priority", Priority.class))
        .assignmentGroup(rs.getString("assignment_group"))
        .assignee(rs.getString("assignee"))
        .holdReason(getEnum(rs, "hold_reason", HoldReason.class))
        .resolutionCode(getEnum(rs, "resolution_code", ResolutionCode.class))
        .resolutionNotes(rs.getString("resolution_notes"))
        .reassignmentCount(rs.getInt("reassignment_count"))
        .reopenCount(rs.getInt("reopen_count"))
        .milestones(new Milestones(getInstant(rs, "opened_at"), getInstant(rs, "acknowledged_at"),
            getInstant(rs, "on_hold_since"), getInstant(rs, "resolved_at"),
            getInstant(rs, "closed_at"), getInstant(rs, "cancelled_at"),
            getInstant(rs, "response_due"), getInstant(rs, "resolution_due"),
            getInstant(rs, "response_breached_at"), getInstant(rs, "resolution_breached_at")))
        .tenant(rs.getString("tenant_id"))
        .build();
  }

  @Override
  public void appendTimeline(String number, TimelineEntry e) {
    JdbcTimeline.append(db, number, e);
  }

  @Override
  public List<TimelineEntry> timeline(String number) {
    return JdbcTimeline.read(db, number);
  }
}
