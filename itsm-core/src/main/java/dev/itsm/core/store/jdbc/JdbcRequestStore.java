package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getEnum;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setString;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.Decision;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.request.CatalogFile;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.FulfilmentTaskState;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestApproval;
import dev.itsm.core.request.RequestDecision;
import dev.itsm.core.request.RequestSort;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.RequestTask;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.RequestCriteria;
import dev.itsm.core.spi.RequestStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RequestStore} on the engine's database (H2 or PostgreSQL), in the tables created by
 * {@link ItsmSchema} (schema v9). Works on the connection of the current transaction. A catalog
 * item version is kept as a row with its definition in the catalog file's JSON format
 * ({@link CatalogFile}).
 */
public final class JdbcRequestStore implements RequestStore {

  /** The columns after record_number and row_version, in binding order. */
  private static final List<String> FIELDS = List.of("state", "item_id", "item_version",
      "item_name", "requested_by", "requested_for", "quantity", "comment_text", "approval_kind",
      "approver", "approver_group", "approval_policy", "eligible_approvers", "fulfilment_process",
      "submitted_at", "approved_at", "rejected_at", "fulfilment_started_at", "fulfilled_at",
      "closed_at", "cancelled_at", "tenant_id");

  private static final String INSERT = "INSERT INTO itsm_request (record_number, row_version, "
      + String.join(", ", FIELDS) + ") VALUES (?, ?" + ", ?".repeat(FIELDS.size()) + ")";
  private static final String UPDATE = "UPDATE itsm_request SET row_version = ?, "
      + String.join(" = ?, ", FIELDS) + " = ? WHERE record_number = ? AND row_version = ?";
  private static final String UNIQUE_VIOLATION = "23505";

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcRequestStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  @Override
  public long nextSequence(String tenant) {
    return db.draw(ItsmSchema.sequence("itsm_request_seq", tenant), "the next request number");
  }

  @Override
  public void insert(Request r) {
    try {
      Jdbc.insertVersioned(db.get(), INSERT, r.number(), r.version(),
          (ps, n) -> bind(ps, n, r));
      writeChildren(r, false);
    } catch (SQLException e) {
      throw failure("storing request " + r.number(), e);
    }
  }

  @Override
  public void update(Request r) {
    try {
      Jdbc.updateVersioned(db.get(), UPDATE, r.number(), r.version(),
          (ps, n) -> bind(ps, n, r));
      writeChildren(r, true);
    } catch (SQLException e) {
      throw failure("updating request " + r.number(), e);
    }
  }

  private static int bind(PreparedStatement ps, int index, Request r) throws SQLException {
    int n = index;
    setString(ps, n++, r.state());
    setString(ps, n++, r.item());
    ps.setInt(n++, r.itemVersion());
    setString(ps, n++, r.itemName());
    setString(ps, n++, r.requestedBy());
    setString(ps, n++, r.requestedFor());
    ps.setInt(n++, r.quantity());
    setString(ps, n++, r.comment());
    setString(ps, n++, r.approvalKind() == null ? RequestApproval.Kind.NONE : r.approvalKind());
    setString(ps, n++, r.approver());
    setString(ps, n++, r.approverGroup());
    setString(ps, n++, r.approvalPolicy());
    ps.setInt(n++, r.eligibleApprovers());
    setString(ps, n++, r.fulfilmentProcess());
    for (Instant t : new Instant[] {r.submittedAt(), r.approvedAt(), r.rejectedAt(),
        r.fulfilmentStartedAt(), r.fulfilledAt(), r.closedAt(), r.cancelledAt()}) {
      setInstant(ps, n++, t);
    }
    ps.setString(n++, r.tenant());
    return n;
  }

  private void writeChildren(Request r, boolean replace) throws SQLException {
    if (replace) {
      for (String table : new String[] {"itsm_request_value", "itsm_request_task"}) {
        try (PreparedStatement del = db.get().prepareStatement("DELETE FROM " + table
            + " WHERE record_number = ?")) {
          del.setString(1, r.number());
          del.executeUpdate();
        }
      }
    }
    if (!r.form().isEmpty()) {
      try (PreparedStatement ps = db.get().prepareStatement("INSERT INTO itsm_request_value"
          + " (record_number, seq_no, field_name, field_value) VALUES (?, ?, ?, ?)")) {
        int i = 0;
        for (Map.Entry<String, String> v : r.form().entrySet()) {
          ps.setString(1, r.number());
          ps.setInt(2, i++);
          ps.setString(3, v.getKey());
          ps.setString(4, v.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!r.tasks().isEmpty()) {
      try (PreparedStatement ps = db.get().prepareStatement("INSERT INTO itsm_request_task"
          + " (record_number, task_no, task_name, task_group, stage, state, assignee,"
          + " started_at, completed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (RequestTask t : r.tasks()) {
          ps.setString(1, r.number());
          ps.setInt(2, t.number());
          ps.setString(3, t.name());
          ps.setString(4, t.group());
          ps.setInt(5, t.stage());
          setString(ps, 6, t.state());
          setString(ps, 7, t.assignee());
          setInstant(ps, 8, t.startedAt());
          setInstant(ps, 9, t.completedAt());
          setString(ps, 10, t.note());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  @Override
  public Optional<Request> find(String number) {
    return select(" WHERE r.record_number = ?", List.of(number), "").stream().findFirst();
  }

  @Override
  public List<Request> query(RequestCriteria criteria) {
    SqlConditions w = where(criteria);
    String order = criteria.sort() == RequestSort.OLDEST_FIRST ? " ORDER BY r.record_number"
        : " ORDER BY r.record_number DESC";
    return select(w.where(), w.args(), order + " LIMIT " + criteria.limit() + " OFFSET "
        + criteria.offset());
  }

  @Override
  public long count(RequestCriteria criteria) {
    return where(criteria).count(db, "itsm_request r", "requests");
  }

  private static SqlConditions where(RequestCriteria c) {
    return new SqlConditions()
        .in("r.state", c.states())
        .equal("r.item_id", c.item())
        .equal("r.requested_by", c.requestedBy())
        .equal("r.requested_for", c.requestedFor())
        .equal("r.approver", c.approver())
        .equal("r.approver_group", c.approverGroup())
        .equal("r.tenant_id", c.tenant())
        .when(c.owner() != null, "(r.requested_by = ? OR r.requested_for = ?)", c.owner(),
            c.owner())
        .when(c.openTaskGroup() != null, "EXISTS (SELECT 1 FROM itsm_request_task t WHERE"
            + " t.record_number = r.record_number AND t.task_group = ? AND t.state IN (?, ?))",
            c.openTaskGroup(), FulfilmentTaskState.OPEN, FulfilmentTaskState.IN_PROGRESS);
  }

  private List<Request> select(String where, List<?> args, String tail) {
    String sql = "SELECT r.* FROM itsm_request r" + where + tail;
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      SqlConditions.bind(ps, args);
      List<Request.Builder> rows = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(map(rs));
          numbers.add(rs.getString("record_number"));
        }
      }
      Map<String, Map<String, String>> values = values(numbers);
      Map<String, List<RequestTask>> tasks = tasks(numbers);
      List<Request> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        out.add(rows.get(i).form(values.getOrDefault(numbers.get(i), Map.of()))
            .tasks(tasks.getOrDefault(numbers.get(i), List.of())).build());
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading requests", e);
    }
  }

  private static String in(List<String> numbers) {
    return "(" + String.join(", ", numbers.stream().map(n -> "?").toList()) + ")";
  }

  private Map<String, Map<String, String>> values(List<String> numbers) throws SQLException {
    Map<String, Map<String, String>> out = new HashMap<>();
    if (numbers.isEmpty()) {
      return out;
    }
    String sql = "SELECT record_number, field_name, field_value FROM itsm_request_value WHERE"
        + " record_number IN " + in(numbers) + " ORDER BY record_number, seq_no";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      SqlConditions.bind(ps, numbers);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    return out;
  }

  private Map<String, List<RequestTask>> tasks(List<String> numbers) throws SQLException {
    Map<String, List<RequestTask>> out = new HashMap<>();
    if (numbers.isEmpty()) {
      return out;
    }
    String sql = "SELECT * FROM itsm_request_task WHERE record_number IN " + in(numbers)
        + " ORDER BY record_number, task_no";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      SqlConditions.bind(ps, numbers);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString("record_number"), k -> new ArrayList<>())
              .add(new RequestTask(rs.getInt("task_no"), rs.getString("task_name"),
                  rs.getString("task_group"), rs.getInt("stage"),
                  getEnum(rs, "state", FulfilmentTaskState.class), rs.getString("assignee"),
                  getInstant(rs, "started_at"), getInstant(rs, "completed_at"),
                  rs.getString("note")));
        }
      }
    }
    return out;
  }

  private static Request.Builder map(ResultSet rs) throws SQLException {
    String policy = rs.getString("approval_policy");
    return Request.builder()
        .number(rs.getString("record_number"))
        .version(rs.getLong("row_version"))
        .state(getEnum(rs, "state", RequestState.class))
        .item(rs.getString("item_id"))
        .itemVersion(rs.getInt("item_version"))
        .itemName(rs.getString("item_name"))
        .requestedBy(rs.getString("requested_by"))
        .requestedFor(rs.getString("requested_for"))
        .quantity(rs.getInt("quantity"))
        .comment(rs.getString("comment_text"))
        .approvalKind(getEnum(rs, "approval_kind", RequestApproval.Kind.class))
        .approver(rs.getString("approver"))
        .approverGroup(rs.getString("approver_group"))
        .approvalPolicy(policy == null ? null : ApprovalPolicy.parse(policy))
        .eligibleApprovers(rs.getInt("eligible_approvers"))
        .fulfilmentProcess(rs.getString("fulfilment_process"))
        .submittedAt(getInstant(rs, "submitted_at"))
        .approvedAt(getInstant(rs, "approved_at"))
        .rejectedAt(getInstant(rs, "rejected_at"))
        .fulfilmentStartedAt(getInstant(rs, "fulfilment_started_at"))
        .fulfilledAt(getInstant(rs, "fulfilled_at"))
        .closedAt(getInstant(rs, "closed_at"))
        .cancelledAt(getInstant(rs, "cancelled_at"))
        .tenant(rs.getString("tenant_id"));
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
  public void appendDecision(RequestDecision d) {
    String sql = "INSERT INTO itsm_request_approval (id, record_number, approver, decision,"
        + " comment_text, decided_at) VALUES (?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setLong(1, db.nextValue("itsm_request_approval_seq"));
      ps.setString(2, d.requestNumber());
      ps.setString(3, d.approver());
      ps.setString(4, d.decision().name());
      setString(ps, 5, d.comment());
      setInstant(ps, 6, d.decidedAt());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("recording a decision on " + d.requestNumber(), e);
    }
  }

  @Override
  public List<RequestDecision> decisions(String number) {
    String sql = "SELECT * FROM itsm_request_approval WHERE record_number = ? ORDER BY id";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, number);
      List<RequestDecision> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new RequestDecision(number, rs.getString("approver"),
              getEnum(rs, "decision", Decision.class), rs.getString("comment_text"),
              getInstant(rs, "decided_at")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading the decisions on " + number, e);
    }
  }

  // ------------------------------------------------------------------------------- catalog

  @Override
  public void insertItem(CatalogItem item) {
    String sql = "INSERT INTO itsm_catalog_item (item_id, item_version, item_name, retired,"
        + " definition_json, defined_at, defined_by, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, item.id());
      ps.setInt(2, item.version());
      ps.setString(3, item.name());
      ps.setBoolean(4, item.retired());
      ps.setString(5, CatalogFile.write(item));
      setInstant(ps, 6, item.definedAt());
      ps.setString(7, item.definedBy());
      ps.setString(8, item.tenant());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new ConcurrentModificationException("version " + item.version() + " of catalog"
            + " item " + item.id() + " was defined concurrently", e);
      }
      throw failure("storing version " + item.version() + " of catalog item " + item.id(), e);
    }
  }

  @Override
  public Optional<CatalogItem> findItem(String tenant, String id, int version) {
    return items(" WHERE tenant_id = ? AND item_id = ? AND item_version = ?", tenant, id, version)
        .stream().findFirst();
  }

  @Override
  public Optional<CatalogItem> latestItem(String tenant, String id) {
    return items(" WHERE tenant_id = ? AND item_id = ? AND item_version = (SELECT"
        + " MAX(item_version) FROM itsm_catalog_item WHERE tenant_id = ? AND item_id = ?)",
        tenant, id, tenant, id).stream().findFirst();
  }

  @Override
  public List<CatalogItem> latestItems(String tenant) {
    return items(" c WHERE c.tenant_id = ? AND item_version = (SELECT MAX(v.item_version) FROM"
        + " itsm_catalog_item v WHERE v.tenant_id = c.tenant_id AND v.item_id = c.item_id)"
        + " ORDER BY item_id", tenant);
  }

  @Override
  public List<CatalogItem> itemVersions(String tenant, String id) {
    return items(" WHERE tenant_id = ? AND item_id = ? ORDER BY item_version", tenant, id);
  }

  private List<CatalogItem> items(String tail, Object... args) {
    String sql = "SELECT tenant_id, item_version, definition_json, defined_at, defined_by FROM"
        + " itsm_catalog_item" + tail;
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof Integer v) {
          ps.setInt(i + 1, v);
        } else {
          ps.setString(i + 1, (String) args[i]);
        }
      }
      List<CatalogItem> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(CatalogFile.readItem(rs.getString("definition_json")).toBuilder()
              .version(rs.getInt("item_version")).tenant(rs.getString("tenant_id"))
              .defined(getInstant(rs, "defined_at"), rs.getString("defined_by")).build());
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading the service catalog", e);
    }
  }
}
