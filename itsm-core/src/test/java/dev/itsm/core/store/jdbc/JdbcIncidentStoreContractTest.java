package dev.itsm.core.store.jdbc;

import dev.itsm.core.spi.IncidentStore;
import dev.itsm.core.spi.contract.IncidentStoreContract;
import dev.itsm.core.testdb.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDBC incident store keeps the store contract, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcIncidentStoreContractTest extends IncidentStoreContract {

  private static ContractDatabase database;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  @BeforeParameterizedClassInvocation
  static void createDatabase(TestDatabase kind) {
    database = new ContractDatabase(kind, "incident_contract");
    // the tenants the contract's tenant cases use (the engine creates these at start)
    database.inTransaction(() -> {
      try (Statement s = database.connections().connection().createStatement()) {
        for (String tenant : List.of("acme", "globex")) {
          s.execute("CREATE SEQUENCE IF NOT EXISTS "
              + ItsmSchema.sequence("itsm_incident_seq", tenant) + " START WITH 1 INCREMENT BY 1");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the tenant sequences", e);
      }
      return null;
    });
  }

  @AfterParameterizedClassInvocation
  static void dropDatabase() {
    database.close();
  }

  @Override
  protected IncidentStore createStore() {
    database.deleteAllRows();
    return new JdbcIncidentStore(database.connections());
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return database.inTransaction(work);
  }
}
