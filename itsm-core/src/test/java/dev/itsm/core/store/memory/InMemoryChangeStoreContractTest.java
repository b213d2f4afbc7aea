package dev.itsm.core.store.memory;

import dev.itsm.core.spi.ChangeStore;
import dev.itsm.core.spi.contract.ChangeStoreContract;
import java.util.function.Supplier;

/** The in-memory change store keeps the store contract. */
class InMemoryChangeStoreContractTest extends ChangeStoreContract {

  @Override
  protected ChangeStore createStore() {
    return new InMemoryChangeStore();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
