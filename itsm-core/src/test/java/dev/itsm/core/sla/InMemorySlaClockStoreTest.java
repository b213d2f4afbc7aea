package dev.itsm.core.sla;

import dev.itsm.core.spi.SlaClockStore;
import dev.itsm.core.store.memory.InMemorySlaClockStore;
import org.junit.jupiter.api.Test;

/** The {@link SlaClockStoreContract} on {@link InMemorySlaClockStore}. */
class InMemorySlaClockStoreTest extends SlaClockStoreContract {

  @Override
  SlaClockStore newStore() {
    return new InMemorySlaClockStore();
  }

  @Test
  @Override
  void forRecordListsTheRecordsClocksOldestFirst() {
    super.forRecordListsTheRecordsClocksOldestFirst();
  }
}
