package dev.itsm.core.store.memory;

import dev.itsm.core.spi.MajorIncidentStore;
import dev.itsm.core.spi.ProblemStore;
import dev.itsm.core.spi.contract.ProblemStoreContract;
import java.util.function.Supplier;

/** The in-memory problem and major incident stores keep the store contract. */
class InMemoryProblemStoreContractTest extends ProblemStoreContract {

  @Override
  protected ProblemStore createProblemStore() {
    return new InMemoryProblemStore();
  }

  @Override
  protected MajorIncidentStore createMajorIncidentStore() {
    return new InMemoryMajorIncidentStore();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
