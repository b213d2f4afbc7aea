package dev.itsm.core.store.memory;

import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.contract.AuditStoreContract;
import java.util.function.Supplier;

/** The in-memory audit store keeps the store contract (it has no transactions). */
class InMemoryAuditStoreContractTest extends AuditStoreContract {

  @Override
  protected AuditStore createStore() {
    return new InMemoryAuditStore();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
