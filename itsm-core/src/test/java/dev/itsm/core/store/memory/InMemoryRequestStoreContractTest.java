package dev.itsm.core.store.memory;

import dev.itsm.core.spi.RequestStore;
import dev.itsm.core.spi.contract.RequestStoreContract;
import java.util.function.Supplier;

/** The in-memory request store keeps the store contract. */
class InMemoryRequestStoreContractTest extends RequestStoreContract {

  @Override
  protected RequestStore createStore() {
    return new InMemoryRequestStore();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
