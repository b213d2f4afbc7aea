package dev.itsm.core.store.jdbc;

import static dev.itsm.core.incident.IncidentFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.ItsmException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.testdb.ScratchDatabase;
import dev.itsm.core.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What only the JDBC stores promise, on H2 and on PostgreSQL: migrations, dialect detection,
 * working in (and only in) the caller's transaction, persistence errors. What every store promises,
 * including sequence values never reused after a rollback, is checked by the store contract
 * ({@code JdbcIncidentStoreContractTest}, {@code JdbcAuditStoreContractTest}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcIncidentStoreTest {

  private static ScratchDatabase database;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;
  private Connection connection;
  private JdbcIncidentStore store;
  private JdbcAuditStore audit;

  /** The highest version among the shipped migration scripts, e.g. {@code 3} for V3__outbox.sql. */
  static String latestMigration() {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
        ItsmSchema.class.getResource("/dev/itsm/core/db/migration").toURI()))) {
      return String.valueOf(files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeParameterizedClassInvocation
  static void createDatabase(TestDatabase kind) {
    database = kind.create("jdbc_store");
    assertThat(ItsmSchema.migrate(database.dataSource())).isEqualTo(latestMigration());
  }

  @AfterParameterizedClassInvocation
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void setUp() throws SQLException {
    connection = database.dataSource().getConnection();
    connection.setAutoCommit(false);
    ConnectionSource shared = () -> connection;
    store = new JdbcIncidentStore(shared);
    audit = new JdbcAuditStore(shared);
  }

  @AfterEach
  void tearDown() throws SQLException {
    connection.rollback();
    connection.close();
  }

  // --- schema ------------------------------------------------------------------------------------

  @Test
  void migratingAgainIsHarmless() throws SQLException {
    store.insert(IncidentFixtures.minimal("INC0000100", T0));
    connection.commit();

    assertThat(ItsmSchema.migrate(database.dataSource())).isEqualTo(latestMigration());

    assertThat(store.find("INC0000100")).isPresent();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + ItsmSchema.HISTORY_TABLE
            + "\" WHERE \"version\" = '1' AND \"success\"")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void migrationFailureIsAConfigurationError() {
    assertThatThrownBy(() -> ItsmSchema.migrate(kind.missingDatabase()))
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageStartingWith("Could not create or migrate the ITSM tables");
  }

  @Test
  void dialectIsDetected() {
    assertThat(SqlDialect.of(connection)).isEqualTo(switch (kind) {
      case H2 -> SqlDialect.H2;
      case POSTGRESQL -> SqlDialect.POSTGRESQL;
    });
  }

  // --- transactions ------------------------------------------------------------------------------

  @Test
  void storesWorkInTheCallersTransactionAndNeverCommit() throws SQLException {
    store.insert(IncidentFixtures.minimal("INC0000200", T0));
    store.appendTimeline("INC0000200", new TimelineEntry(T0, "bob", Kind.COMMENT, "hi"));
    audit.append(new AuditEntry("INC0000200", "bob", "incident.open", T0, List.of()));

    try (Connection other = database.dataSource().getConnection()) {
      JdbcIncidentStore otherStore = new JdbcIncidentStore(() -> other);
      assertThat(otherStore.find("INC0000200")).isEmpty();
      assertThat(new JdbcAuditStore(() -> other).forRecord("INC0000200")).isEmpty();

      connection.rollback();
      assertThat(store.find("INC0000200")).isEmpty();
      assertThat(store.timeline("INC0000200")).isEmpty();
      assertThat(audit.forRecord("INC0000200")).isEmpty();

      store.insert(IncidentFixtures.minimal("INC0000201", T0));
      connection.commit();
      assertThat(otherStore.find("INC0000201")).isPresent();
    }
  }

  @Test
  void sqlFailureIsAPersistenceErrorAndTheTransactionCanRollBack() throws SQLException {
    store.insert(IncidentFixtures.minimal("INC0000300", T0));

    ItsmException e = catchThrowableOfType(ItsmException.class,
        () -> store.insert(IncidentFixtures.minimal("INC0000300", T0)));

    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("ITSM-PERSISTENCE");
    assertThat(e.getMessage()).startsWith("storing incident INC0000300 failed")
        .contains("SQLState 23505");
    // PostgreSQL refuses every further statement of a failed transaction until it rolls back
    connection.rollback();
    store.insert(IncidentFixtures.minimal("INC0000301", T0));
    connection.commit();
    assertThat(store.find("INC0000300")).isEmpty();
    assertThat(store.find("INC0000301")).isPresent();
  }
}
