package dev.itsm.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.sla.SlaClockEntry.Kind;
import dev.itsm.core.spi.SlaClockStore;
import dev.itsm.core.store.jdbc.ItsmSchema;
import dev.itsm.core.store.jdbc.JdbcSlaClockStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link SlaClockStoreContract} on {@link JdbcSlaClockStore} with an in-memory H2 database
 * migrated by {@link ItsmSchema}; every test works in one transaction that is rolled back.
 */
class JdbcSlaClockStoreTest extends SlaClockStoreContract {

  private static JdbcDataSource dataSource;
  private static Connection connection;

  @BeforeAll
  static void migrate() throws SQLException {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:sla-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ItsmSchema.migrate(dataSource);
    connection = dataSource.getConnection();
    connection.setAutoCommit(false);
  }

  @AfterEach
  void rollBack() throws SQLException {
    connection.rollback();
  }

  @AfterAll
  static void shutDown() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SHUTDOWN");
    }
    connection.close();
  }

  @Override
  SlaClockStore newStore() {
    return new JdbcSlaClockStore(() -> connection);
  }

  @Test
  @Override
  void clocksStartedAtTheSameInstantKeepTheOrderTheyWereStartedIn() {
    super.clocksStartedAtTheSameInstantKeepTheOrderTheyWereStartedIn();
  }

  @Test
  void storeWorksInTheCallersTransactionAndNeverCommits() throws SQLException {
    store.insert(minimal("c1", "INC0000001", T));
    store.appendHistory(new SlaClockEntry("c1", T, Kind.STARTED, "started"));

    try (Connection other = dataSource.getConnection()) {
      assertThat(new JdbcSlaClockStore(() -> other).find("c1")).isEmpty();
    }
    connection.rollback();

    assertThat(store.find("c1")).isEmpty();
    assertThat(store.history("c1")).isEmpty();
  }

  @Test
  void aHistoryDetailLongerThanTheColumnIsCut() {
    store.appendHistory(new SlaClockEntry("c1", T, Kind.ESCALATED, "x".repeat(1500)));

    assertThat(store.history("c1")).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("x".repeat(1000)));
  }
}
