package dev.itsm.core.store.jdbc;

import static dev.itsm.core.incident.IncidentFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.ItsmException;
import dev.itsm.core.MutableClock;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.incident.internal.QueryScenario;
import dev.itsm.core.incident.internal.ServiceFixture;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.IncidentCriteria;
import dev.itsm.core.store.memory.InMemoryIncidentStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcIncidentStoreTest {

  private JdbcDataSource dataSource;
  private Connection connection;
  private JdbcIncidentStore store;
  private JdbcAuditStore audit;

  @BeforeEach
  void setUp() throws SQLException {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(ItsmSchema.migrate(dataSource)).isEqualTo("2");
    connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    ConnectionSource shared = () -> connection;
    store = new JdbcIncidentStore(shared);
    audit = new JdbcAuditStore(shared);
  }

  @AfterEach
  void tearDown() throws SQLException {
    connection.rollback();
    try (Statement s = connection.createStatement()) {
      s.execute("SHUTDOWN");
    }
    connection.close();
  }

  private static IncidentCriteria all() {
    return new IncidentCriteria(Set.of(), Set.of(), null, null, null, null, null, null,
        IncidentSort.NUMBER, true, 0, 1000);
  }

  private static IncidentCriteria withText(String text) {
    return new IncidentCriteria(Set.of(), Set.of(), null, null, null, text, null, null,
        IncidentSort.NUMBER, true, 0, 1000);
  }

  // --- schema ------------------------------------------------------------------------------------

  @Test
  void migratingTwiceIsHarmless() throws SQLException {
    store.insert(IncidentFixtures.minimal("INC0000001", T0));
    connection.commit();

    assertThat(ItsmSchema.migrate(dataSource)).isEqualTo("2");

    assertThat(store.find("INC0000001")).isPresent();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + ItsmSchema.HISTORY_TABLE
            + "\" WHERE \"version\" = '1' AND \"success\"")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void migrationFailureIsAConfigurationError() {
    JdbcDataSource missing = new JdbcDataSource();
    missing.setURL("jdbc:h2:mem:missing-" + UUID.randomUUID() + ";IFEXISTS=TRUE");

    assertThatThrownBy(() -> ItsmSchema.migrate(missing))
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageStartingWith("Could not create or migrate the ITSM tables");
  }

  // --- incidents ---------------------------------------------------------------------------------

  @Test
  void everyFieldSurvivesInsertAndFind() {
    Incident full = IncidentFixtures.fullyPopulated("INC0000042");

    store.insert(full);

    assertThat(store.find("INC0000042")).contains(full);
  }

  @Test
  void nullOptionalFieldsSurviveInsertAndFind() {
    Incident minimal = IncidentFixtures.minimal("INC0000007", T0);

    store.insert(minimal);

    assertThat(store.find("INC0000007")).contains(minimal);
  }

  @Test
  void findOfAnUnknownNumberIsEmpty() {
    store.insert(IncidentFixtures.minimal("INC0000001", T0));

    assertThat(store.find("INC0000002")).isEmpty();
  }

  @Test
  void insertingADuplicateNumberFails() {
    store.insert(IncidentFixtures.minimal("INC0000001", T0));

    ItsmException e = catchThrowableOfType(ItsmException.class,
        () -> store.insert(IncidentFixtures.minimal("INC0000001", T0)));

    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("ITSM-PERSISTENCE");
    assertThat(e.getMessage()).startsWith("storing incident INC0000001 failed");
  }

  @Test
  void updateWithTheNextVersionReplacesEveryField() {
    Incident full = IncidentFixtures.fullyPopulated("INC0000042");
    store.insert(full);
    Incident changed = full.toBuilder().version(full.version() + 1)
        .state(IncidentState.RESOLVED).holdReason(null).description(null)
        .resolutionCode(ResolutionCode.SOLVED_PERMANENTLY).resolutionNotes("Replaced")
        .assignmentGroup("security").assignee(null).reassignmentCount(4)
        .milestones(full.milestones().withOnHoldSince(null)
            .withResolvedAt(Instant.parse("2024-03-02T10:00:00.5Z")))
        .build();

    store.update(changed);

    assertThat(store.find("INC0000042")).contains(changed);
  }

  @ParameterizedTest(name = "stored version 7, update to version {0}")
  @CsvSource({"7", "9", "1"})
  void updateWithTheWrongVersionIsAConcurrentModification(long version) {
    Incident full = IncidentFixtures.fullyPopulated("INC0000042");
    store.insert(full);

    ConcurrentModificationException e = catchThrowableOfType(
        ConcurrentModificationException.class,
        () -> store.update(full.toBuilder().version(version).title("lost update").build()));

    assertThat(e).isNotNull();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.code()).isEqualTo("ITSM-CONFLICT");
    assertThat(e.getMessage()).contains("INC0000042", "expected version " + (version - 1));
    assertThat(store.find("INC0000042")).contains(full);
  }

  @Test
  void updateOfAnUnknownNumberIsAConcurrentModification() {
    assertThatThrownBy(() -> store.update(IncidentFixtures.minimal("INC0000404", T0).toBuilder()
        .version(2).build()))
        .isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void sequenceIsStrictlyIncreasingAndNotReusedAfterARollback() throws SQLException {
    long first = store.nextSequence();
    long second = store.nextSequence();
    connection.rollback();
    long afterRollback = store.nextSequence();
    connection.commit();
    long afterCommit = store.nextSequence();

    assertThat(first).isEqualTo(1);
    assertThat(second).isGreaterThan(first);
    assertThat(afterRollback).isGreaterThan(second);
    assertThat(afterCommit).isGreaterThan(afterRollback);
  }

  @Test
  void storesWorkInTheCallersTransactionAndNeverCommit() throws SQLException {
    store.insert(IncidentFixtures.minimal("INC0000001", T0));
    store.appendTimeline("INC0000001", new TimelineEntry(T0, "bob", Kind.COMMENT, "hi"));
    audit.append(new AuditEntry("INC0000001", "bob", "incident.open", T0, List.of()));

    try (Connection other = dataSource.getConnection()) {
      JdbcIncidentStore otherStore = new JdbcIncidentStore(() -> other);
      assertThat(otherStore.find("INC0000001")).isEmpty();
      assertThat(new JdbcAuditStore(() -> other).forRecord("INC0000001")).isEmpty();

      connection.rollback();
      assertThat(store.find("INC0000001")).isEmpty();
      assertThat(store.timeline("INC0000001")).isEmpty();
      assertThat(audit.forRecord("INC0000001")).isEmpty();

      store.insert(IncidentFixtures.minimal("INC0000002", T0));
      connection.commit();
      assertThat(otherStore.find("INC0000002")).isPresent();
    }
  }

  // --- timeline ----------------------------------------------------------------------------------

  @Test
  void timelineRoundTripKeepsOrderAndEveryField() {
    List<TimelineEntry> entries = List.of(
        new TimelineEntry(Instant.parse("2024-03-04T09:00:00.000001Z"), "agent", Kind.STATE_CHANGE,
            "Opened as P2"),
        new TimelineEntry(Instant.parse("2024-03-04T08:00:00Z"), "nina", Kind.WORK_NOTE,
            "earlier time, later entry: order is by insertion"),
        new TimelineEntry(Instant.parse("2024-03-04T09:05:00Z"), "alice", Kind.COMMENT,
            "x".repeat(4000)),
        new TimelineEntry(Instant.parse("2024-03-04T09:06:00Z"), "agent", Kind.ASSIGNMENT,
            "Assigned to network-ops"),
        new TimelineEntry(Instant.parse("2024-03-04T09:07:00Z"), "system", Kind.SYSTEM,
            "Response target missed"));
    store.appendTimeline("INC0000001", entries.get(0));
    store.appendTimeline("INC0000002", new TimelineEntry(T0, "bob", Kind.COMMENT, "other"));
    entries.subList(1, entries.size()).forEach(e -> store.appendTimeline("INC0000001", e));

    assertThat(store.timeline("INC0000001")).containsExactlyElementsOf(entries);
    assertThat(store.timeline("INC0000002")).containsExactly(
        new TimelineEntry(T0, "bob", Kind.COMMENT, "other"));
    assertThat(store.timeline("INC0000003")).isEmpty();
  }

  // --- queries: the same answers as the in-memory store ----------------------------------------

  static Stream<QueryScenario.Case> scenario() {
    return QueryScenario.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenario")
  void queryGivesTheSameAnswerAsTheInMemoryStore(QueryScenario.Case c) {
    ServiceFixture onJdbc = ServiceFixture.builder().clock(new MutableClock(T0))
        .stores(store, audit).build();
    ServiceFixture inMemory = ServiceFixture.inMemory();
    QueryScenario.populate(onJdbc.service, onJdbc.clock);
    QueryScenario.populate(inMemory.service, inMemory.clock);

    List<Incident> fromJdbc = c.query().apply(onJdbc.service.query()).list();
    List<Incident> fromMemory = c.query().apply(inMemory.service.query()).list();

    assertThat(fromJdbc).extracting(Incident::number).containsExactlyElementsOf(c.expected());
    assertThat(fromJdbc).isEqualTo(fromMemory);
    assertThat(c.query().apply(onJdbc.service.query()).count()).isEqualTo(c.count());
    assertThat(c.query().apply(inMemory.service.query()).count()).isEqualTo(c.count());
  }

  @Test
  void serviceOnJdbcStoresRecordsTheSameTimelineAndAuditTrailAsInMemory() {
    ServiceFixture onJdbc = ServiceFixture.builder().clock(new MutableClock(T0))
        .stores(store, audit).build();
    ServiceFixture inMemory = ServiceFixture.inMemory();
    QueryScenario.populate(onJdbc.service, onJdbc.clock);
    QueryScenario.populate(inMemory.service, inMemory.clock);

    for (int k = 1; k <= 6; k++) {
      String n = QueryScenario.n(k);
      assertThat(onJdbc.service.get(n)).isEqualTo(inMemory.service.get(n));
      assertThat(onJdbc.service.timeline(n)).isNotEmpty()
          .isEqualTo(inMemory.service.timeline(n));
      assertThat(onJdbc.service.auditTrail(n)).isNotEmpty()
          .isEqualTo(inMemory.service.auditTrail(n));
    }
  }

  @ParameterizedTest(name = "text \"{0}\" matches {1}")
  @CsvSource(delimiter = ';', value = {
      "100%;        INC0000001",
      "%;           INC0000001",
      "file_name;   INC0000003",
      "_;           INC0000003",
      "c:\\temp;    INC0000005",
      "\\;          INC0000005",
      "DISK 100;    INC0000001 INC0000002"})
  void textSearchTreatsLikeWildcardsLiterally(String text, String expected) {
    InMemoryIncidentStore memory = new InMemoryIncidentStore();
    List<Incident> incidents = List.of(
        titled("INC0000001", "Disk 100% full", null),
        titled("INC0000002", "Disk 100 GB full", null),
        titled("INC0000003", "file_name too long", null),
        titled("INC0000004", "file-name too long", null),
        titled("INC0000005", "Backslash", "cannot open C:\\temp\\x"));
    incidents.forEach(store::insert);
    incidents.forEach(memory::insert);

    List<Incident> fromJdbc = store.query(withText(text));

    assertThat(fromJdbc).extracting(Incident::number)
        .containsExactly(expected.split(" "));
    assertThat(fromJdbc).isEqualTo(memory.query(withText(text)));
    assertThat(store.count(withText(text))).isEqualTo(expected.split(" ").length);
  }

  private static Incident titled(String number, String title, String description) {
    return IncidentFixtures.minimal(number, T0).toBuilder().title(title).description(description)
        .build();
  }

  @Test
  void queryWithoutCriteriaReturnsEverythingAndCountIgnoresPaging() {
    for (int k = 1; k <= 5; k++) {
      store.insert(IncidentFixtures.minimal(QueryScenario.n(k), T0.plus(Duration.ofMinutes(k))));
    }
    IncidentCriteria page = new IncidentCriteria(Set.of(), Set.of(), null, null, null, null,
        null, null, IncidentSort.OPENED_AT, false, 1, 2);

    assertThat(store.query(all())).hasSize(5);
    assertThat(store.query(page)).extracting(Incident::number)
        .containsExactly(QueryScenario.n(4), QueryScenario.n(3));
    assertThat(store.count(page)).isEqualTo(5);
  }

  // --- audit -------------------------------------------------------------------------------------

  @Test
  void auditRoundTripKeepsEntriesChangesAndOrder() {
    List<FieldChange> many = IntStream.range(0, 12)
        .mapToObj(k -> new FieldChange("field" + k, k % 2 == 0 ? null : "old" + k,
            k % 3 == 0 ? null : "new" + k))
        .toList();
    AuditEntry opened = new AuditEntry("INC0000001", "agent", "incident.open",
        Instant.parse("2024-03-04T09:00:00.000001Z"), List.of(
            new FieldChange("state", null, "NEW"),
            new FieldChange("title", null, "VPN down")));
    AuditEntry note = new AuditEntry("INC0000001", "nina", "incident.addWorkNote",
        Instant.parse("2024-03-04T09:01:00Z"), List.of());
    AuditEntry other = new AuditEntry("INC0000002", "bob", "incident.open", T0,
        List.of(new FieldChange("state", null, "NEW")));
    AuditEntry bulk = new AuditEntry("INC0000001", "system", "incident.targetMissed",
        Instant.parse("2024-03-04T08:00:00Z"), many);
    List<AuditEntry> written = new ArrayList<>(List.of(opened, note, other, bulk));

    written.forEach(audit::append);

    assertThat(audit.forRecord("INC0000001")).containsExactly(opened, note, bulk);
    assertThat(audit.forRecord("INC0000001").get(2).changes()).containsExactlyElementsOf(many);
    assertThat(audit.forRecord("INC0000002")).containsExactly(other);
    assertThat(audit.forRecord("INC0000003")).isEmpty();
  }

  @Test
  void holdReasonAndEveryEnumColumnRoundTrip() {
    for (HoldReason reason : HoldReason.values()) {
      Incident i = IncidentFixtures.fullyPopulated("INC-" + reason).toBuilder()
          .holdReason(reason).build();
      store.insert(i);
      assertThat(store.find(i.number())).contains(i);
    }
  }
}
