package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getEnum;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setString;

import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.ApprovalRecord;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeRisk;
import dev.itsm.core.change.ChangeSort;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.change.Decision;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.spi.ChangeCriteria;
import dev.itsm.core.spi.ChangeStore;
import dev.itsm.core.spi.ConnectionSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link ChangeStore} on the engine's database (H2 or PostgreSQL), in the tables created by
 * {@link ItsmSchema}. Works on the connection of the current transaction.
 */
public final class JdbcChangeStore implements ChangeStore {

  /** The columns after record_number and row_version, in binding order. */
  private static final List<String> FIELDS = List.of("change_type", "state", "title",
      "description", "justification", "category", "implementation_plan", "backout_plan",
      "test_plan", "planned_start", "planned_end", "requester", "owner_id", "implementer_group",
      "implementer", "impact", "requires_outage", "tested", "backout_tested", "risk", "template",
      "authority", "approver_group", "approval_policy", "eligible_approvers",
      "authorization_round", "authorization_due", "authorization_escalated", "freeze_override",
      "outcome", "outcome_notes", "review_required", "review_notes", "created_at", "submitted_at",
      "authorized_at", "scheduled_at", "implementation_started_at", "implemented_at", "closed_at",
      "rejected_at", "cancelled_at", "tenant_id");

  private static final String INSERT = "INSERT INTO itsm_change (record_number, row_version, "
      + String.join(", ", FIELDS) + ") VALUES (?, ?" + ", ?".repeat(FIELDS.size()) + ")";
  private static final String UPDATE = "UPDATE itsm_change SET row_version = ?, "
      + String.join(" = ?, ", FIELDS) + " = ? WHERE record_number = ? AND row_version = ?";

  /** Link kinds and the list of the record each holds. */
  private static final Map<String, Function<Change, List<String>>> LINKS = new LinkedHashMap<>();

  static {
    LINKS.put("SERVICE", Change::services);
    LINKS.put("CI", Change::configurationItems);
    LINKS.put("INCIDENT", Change::incidents);
    LINKS.put("PROBLEM", Change::problems);
    LINKS.put("COLLISION", Change::collisions);
  }

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcChangeStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  @Override
  public long nextSequence(String tenant) {
    return db.draw(ItsmSchema.sequence("itsm_change_seq", tenant),
        "the next change number of tenant " + tenant);
  }

  @Override
  public void insert(Change c) {
    try {
      Jdbc.insertVersioned(db.get(), INSERT, c.number(), c.version(),
          (ps, n) -> bind(ps, n, c));
      writeLinks(c, false);
    } catch (SQLException e) {
      throw failure("storing change " + c.number(), e);
    }
  }

  @Override
  public void update(Change c) {
    try {
      Jdbc.updateVersioned(db.get(), UPDATE, c.number(), c.version(),
          (ps, n) -> bind(ps, n, c));
      writeLinks(c, true);
    } catch (SQLException e) {
      throw failure("updating change " + c.number(), e);
    }
  }

  private static int bind(PreparedStatement ps, int index, Change c) throws SQLException {
    int n = index;
    setString(ps, n++, c.type());
    setString(ps, n++, c.state());
    setString(ps, n++, c.title());
    setString(ps, n++, c.description());
    setString(ps, n++, c.justification());
    setString(ps, n++, c.category());
    setString(ps, n++, c.implementationPlan());
    setString(ps, n++, c.backoutPlan());
    setString(ps, n++, c.testPlan());
    setInstant(ps, n++, c.plannedStart());
    setInstant(ps, n++, c.plannedEnd());
    setString(ps, n++, c.requester());
    setString(ps, n++, c.owner());
    setString(ps, n++, c.implementerGroup());
    setString(ps, n++, c.implementer());
    if (c.impact() == null) {
      ps.setNull(n++, Types.SMALLINT);
    } else {
      ps.setInt(n++, c.impact().level());
    }
    ps.setBoolean(n++, c.requiresOutage());
    ps.setBoolean(n++, c.tested());
    ps.setBoolean(n++, c.backoutTested());
    setString(ps, n++, c.risk());
    setString(ps, n++, c.template());
    setString(ps, n++, c.authority());
    setString(ps, n++, c.approverGroup());
    setString(ps, n++, c.approvalPolicy());
    ps.setInt(n++, c.eligibleApprovers());
    ps.setInt(n++, c.authorizationRound());
    setInstant(ps, n++, c.authorizationDue());
    ps.setBoolean(n++, c.authorizationEscalated());
    setString(ps, n++, c.freezeOverride());
    setString(ps, n++, c.outcome());
    setString(ps, n++, c.outcomeNotes());
    ps.setBoolean(n++, c.reviewRequired());
    setString(ps, n++, c.reviewNotes());
    for (Instant t : new Instant[] {c.createdAt(), c.submittedAt(), c.authorizedAt(),
        c.scheduledAt(), c.implementationStartedAt(), c.implementedAt(), c.closedAt(),
        c.rejectedAt(), c.cancelledAt()}) {
      setInstant(ps, n++, t);
    }
    ps.setString(n++, c.tenant());
    return n;
  }

  private void writeLinks(Change c, boolean replace) throws SQLException {
    if (replace) {
      try (PreparedStatement del = db.get().prepareStatement(
          "DELETE FROM itsm_change_link WHERE record_number = ?")) {
        del.setString(1, c.number());
        del.executeUpdate();
      }
    }
    boolean any = false;
    try (PreparedStatement ps = db.get().prepareStatement("INSERT INTO itsm_change_link"
        + " (record_number, link_kind, seq_no, target) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, Function<Change, List<String>>> kind : LINKS.entrySet()) {
        List<String> targets = kind.getValue().apply(c);
        for (int i = 0; i < targets.size(); i++) {
          ps.setString(1, c.number());
          ps.setString(2, kind.getKey());
          ps.setInt(3, i);
          ps.setString(4, targets.get(i));
          ps.addBatch();
          any = true;
        }
      }
      if (any) {
        ps.executeBatch();
      }
    }
  }

  @Override
  public Optional<Change> find(String number) {
    List<Change> found = select(" WHERE c.record_number = ?", List.of(number), "");
    return found.stream().findFirst();
  }

  @Override
  public List<Change> query(ChangeCriteria criteria) {
    SqlConditions w = where(criteria);
    String order = criteria.sort() == ChangeSort.PLANNED_START
        ? " ORDER BY CASE WHEN c.planned_start IS NULL THEN 1 ELSE 0 END, c.planned_start,"
            + " c.record_number"
        : " ORDER BY c.record_number DESC";
    return select(w.where(), w.args(), order + " LIMIT " + criteria.limit() + " OFFSET "
        + criteria.offset());
  }

  @Override
  public long count(ChangeCriteria criteria) {
    return where(criteria).count(db, "itsm_change c", "changes");
  }

  private static SqlConditions where(ChangeCriteria c) {
    String link = "EXISTS (SELECT 1 FROM itsm_change_link l WHERE l.record_number ="
        + " c.record_number AND l.link_kind = ? AND l.target = ?)";
    return new SqlConditions()
        .in("c.state", c.states())
        .equal("c.change_type", c.type())
        .equal("c.requester", c.requester())
        .equal("c.owner_id", c.owner())
        .equal("c.tenant_id", c.tenant())
        .equal("c.requester", c.ownedBy())
        .when(c.service() != null, link, "SERVICE", c.service())
        .when(c.configurationItem() != null, link, "CI", c.configurationItem())
        .when(c.incident() != null, link, "INCIDENT", c.incident())
        .when(c.problem() != null, link, "PROBLEM", c.problem())
        .when(c.windowFrom() != null, "c.planned_end > ?", c.windowFrom())
        .when(c.windowTo() != null, "c.planned_start < ?", c.windowTo());
  }

  private List<Change> select(String where, List<?> args, String tail) {
    String sql = "SELECT c.* FROM itsm_change c" + where + tail;
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      SqlConditions.bind(ps, args);
      List<Change.Builder> rows = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(map(rs));
          numbers.add(rs.getString("record_number"));
        }
      }
      Map<String, Map<String, List<String>>> links = links(numbers);
      List<Change> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        Map<String, List<String>> l = links.getOrDefault(numbers.get(i), Map.of());
        out.add(rows.get(i).services(l.get("SERVICE")).configurationItems(l.get("CI"))
            .incidents(l.get("INCIDENT")).problems(l.get("PROBLEM"))
            .collisions(l.get("COLLISION")).build());
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading changes", e);
    }
  }

  private Map<String, Map<String, List<String>>> links(List<String> numbers) throws SQLException {
    Map<String, Map<String, List<String>>> out = new HashMap<>();
    if (numbers.isEmpty()) {
      return out;
    }
    String sql = "SELECT record_number, link_kind, target FROM itsm_change_link WHERE"
        + " record_number IN (" + String.join(", ", numbers.stream().map(n -> "?").toList())
        + ") ORDER BY record_number, link_kind, seq_no";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      for (int i = 0; i < numbers.size(); i++) {
        ps.setString(i + 1, numbers.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
        }
      }
    }
    return out;
  }

  private static Change.Builder map(ResultSet rs) throws SQLException {
    int impact = rs.getInt("impact");
    Impact parsedImpact = rs.wasNull() ? null : Impact.ofLevel(impact);
    String policy = rs.getString("approval_policy");
    return Change.builder()
        .number(rs.getString("record_number"))
        .version(rs.getLong("row_version"))
        .type(getEnum(rs, "change_type", ChangeType.class))
        .state(getEnum(rs, "state", ChangeState.class))
        .title(rs.getString("title"))
        .description(rs.getString("description"))
        .justification(rs.getString("justification"))
        .category(rs.getString("category"))
        .implementationPlan(rs.getString("implementation_plan"))
        .backoutPlan(rs.getString("backout_plan"))
        .testPlan(rs.getString("test_plan"))
        .plannedStart(getInstant(rs, "planned_start"))
        .plannedEnd(getInstant(rs, "planned_end"))
        .requester(rs.getString("requester"))
        .owner(rs.getString("owner_id"))
        .implementerGroup(rs.getString("implementer_group"))
        .implementer(rs.getString("implementer"))
        .impact(parsedImpact)
        .requiresOutage(rs.getBoolean("requires_outage"))
        .tested(rs.getBoolean("tested"))
        .backoutTested(rs.getBoolean("backout_tested"))
        .risk(getEnum(rs, "risk", ChangeRisk.class))
        .template(rs.getString("template"))
        .authority(rs.getString("authority"))
        .approverGroup(rs.getString("approver_group"))
        .approvalPolicy(policy == null ? null : ApprovalPolicy.parse(policy))
        .eligibleApprovers(rs.getInt("eligible_approvers"))
        .authorizationRound(rs.getInt("authorization_round"))
        .authorizationDue(getInstant(rs, "authorization_due"))
        .authorizationEscalated(rs.getBoolean("authorization_escalated"))
        .freezeOverride(rs.getString("freeze_override"))
        .outcome(getEnum(rs, "outcome", ChangeOutcome.class))
        .outcomeNotes(rs.getString("outcome_notes"))
        .reviewRequired(rs.getBoolean("review_required"))
        .reviewNotes(rs.getString("review_notes"))
        .createdAt(getInstant(rs, "created_at"))
        .submittedAt(getInstant(rs, "submitted_at"))
        .authorizedAt(getInstant(rs, "authorized_at"))
        .scheduledAt(getInstant(rs, "scheduled_at"))
        .implementationStartedAt(getInstant(rs, "implementation_started_at"))
        .implementedAt(getInstant(rs, "implemented_at"))
        .closedAt(getInstant(rs, "closed_at"))
        .rejectedAt(getInstant(rs, "rejected_at"))
        .cancelledAt(getInstant(rs, "cancelled_at"))
        .tenant(rs.getString("tenant_id"));
  }

  @Override
  public int countFailed(String tenant, String category, Instant since) {
    if (category == null) {
      return 0;
    }
    String sql = "SELECT COUNT(*) FROM itsm_change WHERE tenant_id = ? AND category = ?"
        + " AND outcome = ? AND implemented_at >= ?";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, category);
      ps.setString(3, ChangeOutcome.FAILED.name());
      setInstant(ps, 4, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("counting failed changes of category " + category, e);
    }
  }

  @Override
  public void appendTimeline(String number, TimelineEntry entry) {
    JdbcTimeline.append(db, number, entry);
  }

  @Override
  public List<TimelineEntry> timeline(String number) {
    return JdbcTimeline.read(db, number);
  }

  @Override
  public void appendDecision(ApprovalRecord d) {
    String sql = "INSERT INTO itsm_change_approval (id, record_number, round_no, approver,"
        + " decision, comment_text, decided_at, escalated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setLong(1, db.nextValue("itsm_change_approval_seq"));
      ps.setString(2, d.changeNumber());
      ps.setInt(3, d.round());
      ps.setString(4, d.approver());
      ps.setString(5, d.decision().name());
      setString(ps, 6, d.comment());
      setInstant(ps, 7, d.decidedAt());
      ps.setBoolean(8, d.escalated());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("recording a decision on " + d.changeNumber(), e);
    }
  }

  @Override
  public List<ApprovalRecord> decisions(String number) {
    String sql = "SELECT * FROM itsm_change_approval WHERE record_number = ? ORDER BY id";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, number);
      List<ApprovalRecord> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ApprovalRecord(number, rs.getInt("round_no"), rs.getString("approver"),
              getEnum(rs, "decision", Decision.class), rs.getString("comment_text"),
              getInstant(rs, "decided_at"), rs.getBoolean("escalated")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading the decisions on " + number, e);
    }
  }
}
