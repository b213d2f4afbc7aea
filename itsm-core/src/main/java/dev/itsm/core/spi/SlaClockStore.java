package dev.itsm.core.spi;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of service-level clocks and their history, in the library's transaction. */
public interface SlaClockStore {

  /** @param clock a new clock with version 1 */
  void insert(SlaClock clock);

  /**
   * @param clock the changed clock, version increased by one
   * @throws ConcurrentModificationException when the stored version differs
   */
  void update(SlaClock clock);

  /** @param id a clock id @return the clock, if any */
  Optional<SlaClock> find(String id);

  /** @param recordNumber a record @return its clocks, oldest first */
  List<SlaClock> forRecord(String recordNumber);

  /** @return clocks that have not stopped (running, paused, or breached and still counting) */
  List<SlaClock> active();

  /**
   * @param from inclusive
   * @param to exclusive
   * @return clocks that stopped (met or missed) in the period
   */
  List<SlaClock> stoppedBetween(Instant from, Instant to);

  /** @param entry a history entry to append */
  void appendHistory(SlaClockEntry entry);

  /** @param clockId a clock @return its history, oldest first */
  List<SlaClockEntry> history(String clockId);
}
