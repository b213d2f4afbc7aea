package dev.itsm.core.store.jdbc;

import static dev.itsm.core.store.jdbc.Jdbc.failure;
import static dev.itsm.core.store.jdbc.Jdbc.getEnum;
import static dev.itsm.core.store.jdbc.Jdbc.getInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setInstant;
import static dev.itsm.core.store.jdbc.Jdbc.setString;

import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemState;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.KnownErrorCriteria;
import dev.itsm.core.spi.ProblemCriteria;
import dev.itsm.core.spi.ProblemStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@link ProblemStore} on the engine's database, in the tables of schema v6. */
public final class JdbcProblemStore implements ProblemStore {

  private static final List<String> FIELDS = List.of("state", "title", "description", "category",
      "service", "configuration_item", "priority", "problem_manager", "proactive", "workaround",
      "root_cause", "fix_change", "known_error", "resolution_notes", "created_by", "created_at",
      "assessed_at", "analysis_started_at", "root_cause_at", "resolved_at", "closed_at",
      "cancelled_at");
  private static final String INSERT = "INSERT INTO itsm_problem (record_number, row_version, "
      + String.join(", ", FIELDS) + ", tenant_id) VALUES (?, ?" + ", ?".repeat(FIELDS.size())
      + ", ?)";
  private static final String UPDATE = "UPDATE itsm_problem SET row_version = ?, "
      + String.join(" = ?, ", FIELDS) + " = ? WHERE record_number = ? AND row_version = ?";

  private final DialectConnections db;

  /** @param connections hands out the connection of the current transaction */
  public JdbcProblemStore(ConnectionSource connections) {
    this.db = new DialectConnections(connections);
  }

  @Override
  public long nextSequence(String tenant) {
    return db.draw(ItsmSchema.sequence("itsm_problem_seq", tenant), "the next problem number");
  }

  @Override
  public void insert(Problem p) {
    try {
      Jdbc.insertVersioned(db.get(), INSERT, p.number(), p.version(), (ps, n) -> {
        int next = bind(ps, n, p);
        ps.setString(next, p.tenant());
        return next + 1;
      });
      writeIncidents(p, false);
    } catch (SQLException e) {
      throw failure("storing problem " + p.number(), e);
    }
  }

  @Override
  public void update(Problem p) {
    try {
      Jdbc.updateVersioned(db.get(), UPDATE, p.number(), p.version(),
          (ps, n) -> bind(ps, n, p));
      writeIncidents(p, true);
    } catch (SQLException e) {
      throw failure("updating problem " + p.number(), e);
    }
  }

  private static int bind(PreparedStatement ps, int index, Problem p) throws SQLException {
    int n = index;
    setString(ps, n++, p.state());
    setString(ps, n++, p.title());
    setString(ps, n++, p.description());
    setString(ps, n++, p.category());
    setString(ps, n++, p.service());
    setString(ps, n++, p.configurationItem());
    setString(ps, n++, p.priority());
    setString(ps, n++, p.problemManager());
    ps.setBoolean(n++, p.proactive());
    setString(ps, n++, p.workaround());
    setString(ps, n++, p.rootCause());
    setString(ps, n++, p.fixChange());
    setString(ps, n++, p.knownError());
    setString(ps, n++, p.resolutionNotes());
    setString(ps, n++, p.createdBy());
    for (Instant t : new Instant[] {p.createdAt(), p.assessedAt(), p.analysisStartedAt(),
        p.rootCauseAt(), p.resolvedAt(), p.closedAt(), p.cancelledAt()}) {
      setInstant(ps, n++, t);
    }
    return n;
  }

  private void writeIncidents(Problem p, boolean replace) throws SQLException {
    if (replace) {
      try (PreparedStatement del = db.get().prepareStatement(
          "DELETE FROM itsm_problem_incident WHERE record_number = ?")) {
        del.setString(1, p.number());
        del.executeUpdate();
      }
    }
    if (p.incidents().isEmpty()) {
      return;
    }
    try (PreparedStatement ps = db.get().prepareStatement("INSERT INTO itsm_problem_incident"
        + " (record_number, seq_no, incident_number) VALUES (?, ?, ?)")) {
      for (int i = 0; i < p.incidents().size(); i++) {
        ps.setString(1, p.number());
        ps.setInt(2, i);
        ps.setString(3, p.incidents().get(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Optional<Problem> find(String number) {
    return select(" WHERE p.record_number = ?", List.of(number), "").stream().findFirst();
  }

  @Override
  public List<Problem> query(ProblemCriteria c) {
    SqlConditions w = where(c);
    return select(w.where(), w.args(), " ORDER BY p.record_number DESC LIMIT " + c.limit()
        + " OFFSET " + c.offset());
  }

  @Override
  public long count(ProblemCriteria c) {
    return where(c).count(db, "itsm_problem p", "problems");
  }

  private static SqlConditions where(ProblemCriteria c) {
    return new SqlConditions()
        .in("p.state", c.states())
        .equal("p.problem_manager", c.problemManager())
        .equal("p.fix_change", c.fixChange())
        .equal("p.category", c.category())
        .equal("p.service", c.service())
        .equal("p.configuration_item", c.configurationItem())
        .equal("p.proactive", c.proactive())
        .equal("p.tenant_id", c.tenant())
        // problems have no owner: an owner-restricted query matches none
        .when(c.owner() != null, "1 = 0")
        .when(c.incident() != null, "EXISTS (SELECT 1 FROM itsm_problem_incident l WHERE"
            + " l.record_number = p.record_number AND l.incident_number = ?)", c.incident());
  }

  private List<Problem> select(String where, List<?> args, String tail) {
    String sql = "SELECT p.* FROM itsm_problem p" + where + tail;
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      SqlConditions.bind(ps, args);
      List<Problem.Builder> rows = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(map(rs));
          numbers.add(rs.getString("record_number"));
        }
      }
      Map<String, List<String>> links = incidents(numbers);
      List<Problem> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        out.add(rows.get(i).incidents(links.getOrDefault(numbers.get(i), List.of())).build());
      }
      return out;
    } catch (SQLException e) {
      throw failure("reading problems", e);
    }
  }

  private Map<String, List<String>> incidents(List<String> numbers) throws SQLException {
    Map<String, List<String>> out = new HashMap<>();
    if (numbers.isEmpty()) {
      return out;
    }
    String sql = "SELECT record_number, incident_number FROM itsm_problem_incident WHERE"
        + " record_number IN (" + String.join(", ", numbers.stream().map(n -> "?").toList())
        + ") ORDER BY record_number, seq_no";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      for (int i = 0; i < numbers.size(); i++) {
        ps.setString(i + 1, numbers.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }

  private static Problem.Builder map(ResultSet rs) throws SQLException {
    return Problem.builder().number(rs.getString("record_number"))
        .version(rs.getLong("row_version"))
        .state(getEnum(rs, "state", ProblemState.class))
        .title(rs.getString("title")).description(rs.getString("description"))
        .category(rs.getString("category")).service(rs.getString("service"))
        .configurationItem(rs.getString("configuration_item"))
        .priority(getEnum(rs, "priority", Priority.class))
        .problemManager(rs.getString("problem_manager"))
        .proactive(rs.getBoolean("proactive")).workaround(rs.getString("workaround"))
        .rootCause(rs.getString("root_cause")).fixChange(rs.getString("fix_change"))
        .knownError(rs.getString("known_error"))
        .resolutionNotes(rs.getString("resolution_notes"))
        .createdBy(rs.getString("created_by")).createdAt(getInstant(rs, "created_at"))
        .assessedAt(getInstant(rs, "assessed_at"))
        .analysisStartedAt(getInstant(rs, "analysis_started_at"))
        .rootCauseAt(getInstant(rs, "root_cause_at"))
        .resolvedAt(getInstant(rs, "resolved_at")).closedAt(getInstant(rs, "closed_at"))
        .cancelledAt(getInstant(rs, "cancelled_at")).tenant(rs.getString("tenant_id"));
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
  public long nextKnownErrorSequence(String tenant) {
    return db.draw(ItsmSchema.sequence("itsm_known_error_seq", tenant), "the next known error id");
  }

  @Override
  public void insertKnownError(KnownError k) {
    String sql = "INSERT INTO itsm_known_error (id, seq_no, problem_number, title, root_cause,"
        + " workaround, category, service, configuration_item, published_by, published_at,"
        + " tenant_id) VALUES (?, (SELECT COALESCE(MAX(seq_no), 0) + 1 FROM itsm_known_error),"
        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      ps.setString(1, k.id());
      ps.setString(2, k.problemNumber());
      ps.setString(3, k.title());
      ps.setString(4, k.rootCause());
      ps.setString(5, k.workaround());
      setString(ps, 6, k.category());
      setString(ps, 7, k.service());
      setString(ps, 8, k.configurationItem());
      ps.setString(9, k.publishedBy());
      setInstant(ps, 10, k.publishedAt());
      ps.setString(11, k.tenant());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("publishing known error " + k.id(), e);
    }
  }

  @Override
  public List<KnownError> knownErrors(KnownErrorCriteria c) {
    boolean text = c.text() != null && !c.text().isBlank();
    String like = !text ? null : "%" + c.text().strip().toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    SqlConditions w = new SqlConditions()
        .when(text, "(LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(root_cause) LIKE ? ESCAPE '\\'"
            + " OR LOWER(workaround) LIKE ? ESCAPE '\\')", like, like, like)
        .equal("service", c.service())
        .equal("configuration_item", c.configurationItem())
        .equal("category", c.category())
        .equal("tenant_id", c.tenant());
    String sql = "SELECT * FROM itsm_known_error" + w.where() + " ORDER BY seq_no DESC LIMIT "
        + c.limit();
    try (PreparedStatement ps = db.get().prepareStatement(sql)) {
      SqlConditions.bind(ps, w.args());
      List<KnownError> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new KnownError(rs.getString("id"), rs.getString("problem_number"),
              rs.getString("title"), rs.getString("root_cause"), rs.getString("workaround"),
              rs.getString("category"), rs.getString("service"),
              rs.getString("configuration_item"), rs.getString("published_by"),
              getInstant(rs, "published_at"), rs.getString("tenant_id")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("searching known errors", e);
    }
  }
}
