package dev.itsm.core.store.jdbc;

import dev.itsm.core.internal.Transactions;
import dev.itsm.core.testdb.ScratchDatabase;
import dev.itsm.core.testdb.TestDatabase;
import dev.itsm.core.testdb.ThreadConnections;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The database of one run of a store contract on JDBC: created and migrated once per test class
 * and database, emptied before each test.
 */
final class ContractDatabase implements AutoCloseable {

  private final ScratchDatabase database;
  private final ThreadConnections connections;

  ContractDatabase(TestDatabase kind, String label) {
    database = kind.create(label);
    ItsmSchema.migrate(database.dataSource());
    ItsmSchema.createTenantSequences(database.dataSource(), java.util.List.of("acme", "globex"));
    connections = new ThreadConnections(database.dataSource());
  }

  /** @return hands the stores the connection of the current transaction */
  ThreadConnections connections() {
    return connections;
  }

  /** Deletes every ITSM row (sequences keep counting). */
  void deleteAllRows() {
    connections.inTransaction(() -> {
      try (Statement s = connections.connection().createStatement()) {
        for (String table : new String[] {"itsm_audit_change", "itsm_audit", "itsm_timeline",
            "itsm_incident", "itsm_change_approval", "itsm_change_link", "itsm_change",
            "itsm_known_error", "itsm_problem_incident", "itsm_problem", "itsm_major_child",
            "itsm_major_incident", "itsm_request_value", "itsm_request_task",
            "itsm_request_approval", "itsm_request", "itsm_catalog_item"}) {
          s.executeUpdate("DELETE FROM " + table);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not empty the ITSM tables", e);
      }
      return null;
    });
  }

  /** @return {@link #inTransaction} as the services' transactions (no after-commit actions) */
  Transactions transactions() {
    return new Transactions() {
      @Override
      public <T> T required(Supplier<T> work) {
        return inTransaction(work);
      }

      @Override
      public void afterCommit(Runnable action) {
        throw new UnsupportedOperationException();
      }
    };
  }

  <T> T inTransaction(Supplier<T> work) {
    return connections.inTransaction(work);
  }

  @Override
  public void close() {
    connections.close();
    database.close();
  }
}
