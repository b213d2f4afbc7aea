package dev.itsm.core.store.jdbc;

import dev.itsm.core.spi.MajorIncidentStore;
import dev.itsm.core.spi.ProblemStore;
import dev.itsm.core.spi.contract.ProblemStoreContract;
import dev.itsm.core.testdb.TestDatabase;
import java.util.function.Supplier;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDBC problem and major incident stores keep the store contract, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcProblemStoreContractTest extends ProblemStoreContract {

  private static ContractDatabase database;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  @BeforeParameterizedClassInvocation
  static void createDatabase(TestDatabase kind) {
    database = new ContractDatabase(kind, "problem_contract");
  }

  @AfterParameterizedClassInvocation
  static void dropDatabase() {
    database.close();
  }

  @Override
  protected ProblemStore createProblemStore() {
    database.deleteAllRows();
    return new JdbcProblemStore(database.connections());
  }

  @Override
  protected MajorIncidentStore createMajorIncidentStore() {
    return new JdbcMajorIncidentStore(database.connections());
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return database.inTransaction(work);
  }
}
