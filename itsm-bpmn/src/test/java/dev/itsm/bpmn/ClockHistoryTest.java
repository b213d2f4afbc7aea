package dev.itsm.bpmn;

import static dev.itsm.bpmn.TestEngines.AGENT;
import static dev.itsm.bpmn.TestEngines.RESOLVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.sla.ClockStatus;
import dev.itsm.core.testdb.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Service-level clock instances write no engine history at {@code ACTIVITY} and {@code AUDIT}
 * (their diagram says {@code itsm.history = none}; the library keeps each clock's history itself),
 * while the incident's process keeps its own; the database keeps Camunda's plain history level,
 * so it opens with a plain engine and the other way round (H2 files, PostgreSQL).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ClockHistoryTest {

  private static final String CLOCK = "itsm-sla-clock";
  private static final String INCIDENT = "itsm-incident";

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;
  @TempDir Path dir;
  EngineDatabase database;

  @BeforeEach
  void createDatabase() {
    database = EngineDatabase.create(kind, dir, "clockhistory");
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void clockInstancesWriteNoHistoryAndTheIncidentKeepsItsOwn() throws SQLException {
    Incident inc;
    try (ItsmEngine engine = TestEngines.builder(database).build()) {
      inc = lifecycle(engine);
      List<ClockStatus> clocks = engine.serviceLevels().clocks(TestEngines.AGENT, inc.number());
      assertThat(clocks).as("a response and a resolution clock ran").hasSize(2);
      for (ClockStatus c : clocks) {
        assertThat(engine.serviceLevels().history(TestEngines.AGENT, c.clock().id()))
            .as("the library's own history of clock " + c.clock().id()).hasSizeGreaterThan(1);
      }
    }
    assertThat(historyRows(CLOCK)).containsExactly(0, 0, 0);
    assertThat(historyRows(INCIDENT)).satisfies(rows -> {
      assertThat(rows.get(0)).as("process instances").isOne();
      assertThat(rows.get(1)).as("activity instances").isPositive();
      assertThat(rows.get(2)).as("variables").isPositive();
    });
    assertThat(endedProcessInstances(INCIDENT)).isOne();
  }

  @Test
  void databaseKeepsThePlainHistoryLevelAndOpensWithAPlainEngine() throws SQLException {
    try (ItsmEngine engine = TestEngines.builder(database).build()) {
      lifecycle(engine);
      assertThat(engine.processEngine().getManagementService().getHistoryLevel())
          .isEqualTo(ProcessEngineConfigurationImpl.HISTORYLEVEL_AUDIT);
    }
    assertThat(storedHistoryLevel()).isEqualTo("2");
    try (ItsmEngine again = TestEngines.builder(database).build()) {
      lifecycle(again);
    }
    ProcessEngine plain = plainEngine(ProcessEngineConfiguration.HISTORY_AUDIT);
    try {
      assertThat(plain.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(INCIDENT).finished().count()).isEqualTo(2);
    } finally {
      plain.close();
    }
  }

  @Test
  void databaseCreatedByAPlainEngineOpens() {
    plainEngine(ProcessEngineConfiguration.HISTORY_AUDIT).close();
    try (ItsmEngine engine = TestEngines.builder(database).build()) {
      lifecycle(engine);
    }
    try (ItsmEngine again = TestEngines.builder(database).build()) {
      lifecycle(again);
    }
  }

  @Test
  void clocksOnADefinitionWithoutThePropertyKeepTheirHistoryToTheEnd() throws Exception {
    try (ItsmEngine engine = TestEngines.builder(database).build()) {
      // as if the clocks had started before an upgrade: the diagram without itsm.history = none
      String withHistory;
      try (InputStream in = getClass().getClassLoader()
          .getResourceAsStream("itsm/processes/sla-clock.bpmn")) {
        withHistory = new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .replace("<camunda:property name=\"itsm.history\" value=\"none\" />", "");
      }
      engine.processEngine().getRepositoryService().createDeployment().name(CLOCK)
          .addString(CLOCK + ".bpmn", withHistory).deploy();
      lifecycle(engine);
    }
    assertThat(historyRows(CLOCK).get(0)).as("clock process instances").isEqualTo(2);
    assertThat(endedProcessInstances(CLOCK)).as("ended in the history").isEqualTo(2);
  }

  @Test
  void activityLevelLeavesOutTheClocksAndFullKeepsThem() throws SQLException {
    try (ItsmEngine engine = TestEngines.builder(database).historyLevel(HistoryLevel.ACTIVITY)
        .build()) {
      lifecycle(engine);
    }
    assertThat(storedHistoryLevel()).isEqualTo("1");
    assertThat(historyRows(CLOCK)).containsExactly(0, 0, 0);
    assertThat(historyRows(INCIDENT).get(0)).isOne();
  }

  @Test
  void fullLevelKeepsTheClocksHistory() throws SQLException {
    try (ItsmEngine engine = TestEngines.builder(database).historyLevel(HistoryLevel.FULL)
        .build()) {
      lifecycle(engine);
    }
    assertThat(storedHistoryLevel()).isEqualTo("3");
    assertThat(historyRows(CLOCK).get(0)).isEqualTo(2);
    assertThat(endedProcessInstances(CLOCK)).isEqualTo(2);
  }

  /** Opens, acknowledges, resolves and closes an incident (its two clocks start and stop). */
  private static Incident lifecycle(ItsmEngine engine) {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    engine.incidents().resolve(RESOLVER, new ResolveIncident(inc.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Restarted the VPN gateway"));
    return engine.incidents().close(AGENT, new CloseIncident(inc.number(), null));
  }

  /** A plain Camunda engine on the database, started and to be closed by the caller. */
  private ProcessEngine plainEngine(String history) {
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("plain-" + System.nanoTime());
    cfg.setDataSource(database.dataSource());
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setHistory(history);
    cfg.setJobExecutorActivate(false);
    cfg.setMetricsEnabled(false);
    return cfg.buildProcessEngine();
  }

  /** @return historic process instances, activity instances and variables of a definition key */
  private List<Integer> historyRows(String key) throws SQLException {
    return List.of(count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?", key),
        count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ?", key),
        count("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_DEF_KEY_ = ?", key));
  }

  private int endedProcessInstances(String key) throws SQLException {
    return count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?"
        + " AND END_TIME_ IS NOT NULL", key);
  }

  private String storedHistoryLevel() throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement ps = c.prepareStatement(
            "SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private int count(String sql, String key) throws SQLException {
    try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
