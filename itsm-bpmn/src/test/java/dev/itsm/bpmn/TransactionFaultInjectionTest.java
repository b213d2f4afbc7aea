package dev.itsm.bpmn;

import static dev.itsm.bpmn.TestEngines.AGENT;
import static dev.itsm.bpmn.TestEngines.RESOLVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.ItsmException;
import dev.itsm.core.VetoException;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.spi.IncidentCriteria;
import dev.itsm.core.spi.IncidentStore;
import dev.itsm.core.store.jdbc.JdbcIncidentStore;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A call changes the ITSM record and the process instance together, or neither: faults are
 * injected at each step of a call and both sides are checked afterwards, in the database (H2 and
 * PostgreSQL).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class TransactionFaultInjectionTest {

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;
  @TempDir Path dir;
  EngineDatabase database;
  ItsmEngine engine;
  final List<ItsmEvent> committed = new CopyOnWriteArrayList<>();
  /** When set, the store throws this after the record update, before the timeline write. */
  final AtomicReference<RuntimeException> storeFault = new AtomicReference<>();
  /** When set, the before-hook throws this. */
  final AtomicReference<RuntimeException> hookFault = new AtomicReference<>();

  @BeforeEach
  void start() {
    database = EngineDatabase.create(kind, dir, "fault_injection");
    engine = TestEngines.builder(database)
        .incidentStore(connections -> new FaultyStore(new JdbcIncidentStore(connections)))
        .beforeHook(e -> {
          RuntimeException f = hookFault.get();
          if (f != null && e instanceof IncidentEvent.Resolved) {
            throw f;
          }
        })
        .afterListener(committed::add)
        .build();
  }

  @AfterEach
  void stop() {
    engine.close();
    database.close();
  }

  @Test
  void vetoByHookChangesNothing() {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    hookFault.set(new VetoException("notes-check", "describe the fix"));
    int auditBefore = engine.incidents().auditTrail(AGENT, inc.number()).size();

    assertThatThrownBy(() -> resolve(inc)).isInstanceOf(VetoException.class)
        .hasMessageContaining("describe the fix");

    assertUnchanged(inc, auditBefore);
  }

  @Test
  void storeFailureAfterTheRecordUpdateRollsBackTheUpdate() throws Exception {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    int auditBefore = engine.incidents().auditTrail(AGENT, inc.number()).size();
    storeFault.set(new ItsmException("ITSM-PERSISTENCE", "disk full (injected)"));

    assertThatThrownBy(() -> resolve(inc)).hasMessageContaining("disk full");

    storeFault.set(null);
    assertUnchanged(inc, auditBefore);
    // the pooled connection is used again by later calls: the failed write must not ride along
    for (int i = 0; i < 12; i++) {
      engine.incidents().addWorkNote(AGENT, new AddWorkNote(inc.number(), "note " + i,
          AddWorkNote.Visibility.INTERNAL));
    }
    assertUnchanged(inc, auditBefore + 12);
    assertThat(stateInDatabase(inc.number())).isEqualTo("IN_PROGRESS");
  }

  @Test
  void processFailureAfterTheRecordWriteRollsBackTheRecord() throws Exception {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    int auditBefore = engine.incidents().auditTrail(AGENT, inc.number()).size();
    String pid = processInstanceId(inc);
    engine.processEngine().getRuntimeService().suspendProcessInstanceById(pid);

    assertThatThrownBy(() -> resolve(inc)).isNotNull();

    assertUnchanged(inc, auditBefore);
    assertThat(stateInDatabase(inc.number())).isEqualTo("IN_PROGRESS");

    engine.processEngine().getRuntimeService().activateProcessInstanceById(pid);
    assertThat(resolve(inc).state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(engine.processEngine().getTaskService().createTaskQuery().processInstanceId(pid)
        .count()).isZero();
  }

  @Test
  void aCallThatOnlyWritesItsmTablesIsCommitted() throws Exception {
    Incident inc = TestEngines.open(engine);
    engine.incidents().addWorkNote(AGENT, new AddWorkNote(inc.number(), "Called the user back",
        AddWorkNote.Visibility.INTERNAL));
    engine.close();
    try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM itsm_timeline WHERE entry_text = ?")) {
      ps.setString(1, "Called the user back");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isOne();
      }
    }
    engine = TestEngines.builder(database).build();
  }

  private Incident resolve(Incident inc) {
    return engine.incidents().resolve(RESOLVER, new ResolveIncident(inc.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Rebooted the VPN gateway"));
  }

  private void assertUnchanged(Incident before, int auditSize) {
    Incident now = engine.incidents().get(AGENT, before.number());
    assertThat(now.state()).isEqualTo(IncidentState.IN_PROGRESS);
    assertThat(now.version()).isEqualTo(before.version());
    assertThat(now.resolutionCode()).isNull();
    assertThat(engine.incidents().auditTrail(AGENT, before.number())).hasSize(auditSize);
    assertThat(engine.incidents().timeline(AGENT, before.number()))
        .noneMatch(t -> t.text().startsWith("Resolved"));
    assertThat(engine.processEngine().getTaskService().createTaskQuery()
        .processInstanceBusinessKey(before.number()).taskDefinitionKey("Task_ResolveIncident")
        .count()).isOne();
    assertThat(committed).noneMatch(e -> e instanceof IncidentEvent.Resolved);
  }

  private String processInstanceId(Incident inc) {
    return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(inc.number()).singleResult().getId();
  }

  /** Reads the row on a separate connection, outside the library. */
  private String stateInDatabase(String number) throws SQLException {
    try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT state FROM itsm_incident WHERE record_number = ?")) {
      ps.setString(1, number);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Delegates to the JDBC store and fails on demand between two writes of one call. */
  private final class FaultyStore implements IncidentStore {
    private final IncidentStore delegate;

    FaultyStore(IncidentStore delegate) {
      this.delegate = delegate;
    }

    @Override public long nextSequence(String t) { return delegate.nextSequence(t); }
    @Override public void insert(Incident incident) { delegate.insert(incident); }
    @Override public void update(Incident incident) { delegate.update(incident); }
    @Override public Optional<Incident> find(String number) { return delegate.find(number); }
    @Override public List<Incident> query(IncidentCriteria c) { return delegate.query(c); }
    @Override public long count(IncidentCriteria c) { return delegate.count(c); }
    @Override public List<TimelineEntry> timeline(String n) { return delegate.timeline(n); }

    @Override
    public void appendTimeline(String number, TimelineEntry entry) {
      RuntimeException f = storeFault.get();
      if (f != null) {
        throw f;
      }
      delegate.appendTimeline(number, entry);
    }
  }
}
