package dev.itsm.core.store.jdbc;

import dev.itsm.core.spi.RequestStore;
import dev.itsm.core.spi.contract.RequestStoreContract;
import dev.itsm.core.testdb.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDBC request store keeps the store contract, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcRequestStoreContractTest extends RequestStoreContract {

  private static ContractDatabase database;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  @BeforeParameterizedClassInvocation
  static void createDatabase(TestDatabase kind) {
    database = new ContractDatabase(kind, "request_contract");
  }

  @AfterParameterizedClassInvocation
  static void dropDatabase() {
    database.close();
  }

  @Override
  protected RequestStore createStore() {
    database.deleteAllRows();
    return new JdbcRequestStore(database.connections());
  }

  @Override
  protected void createTenant(String tenant) {
    database.inTransaction(() -> {
      try (Statement s = database.connections().connection().createStatement()) {
        s.execute("CREATE SEQUENCE IF NOT EXISTS " + ItsmSchema.sequence("itsm_request_seq",
            tenant) + " START WITH 1 INCREMENT BY 1");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return database.inTransaction(work);
  }
}
