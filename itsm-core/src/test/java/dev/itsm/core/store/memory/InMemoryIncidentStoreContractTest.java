package dev.itsm.core.store.memory;

import dev.itsm.core.spi.IncidentStore;
import dev.itsm.core.spi.contract.IncidentStoreContract;
import java.util.function.Supplier;

/** The in-memory incident store keeps the store contract (it has no transactions). */
class InMemoryIncidentStoreContractTest extends IncidentStoreContract {

  @Override
  protected IncidentStore createStore() {
    return new InMemoryIncidentStore();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
