package dev.itsm.core.store.memory;

import dev.itsm.core.ConcurrentModificationException;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Insert and optimistic update of records kept in a map by number, shared by the in-memory stores. */
final class VersionedRecords {

  private VersionedRecords() {}

  /**
   * @param records the records by number
   * @param number the new record's number
   * @param record the new record
   * @param kind what it is, for the message, e.g. {@code incident}
   * @param <R> the record type
   * @throws IllegalStateException when a record of that number exists
   */
  static <R> void insert(Map<String, R> records, String number, R record, String kind) {
    if (records.putIfAbsent(number, record) != null) {
      throw new IllegalStateException(kind + " " + number + " already exists");
    }
  }

  /**
   * Replaces a record if the stored one is the version before.
   *
   * @param records the records by number
   * @param number the record's number
   * @param record the new version
   * @param version reads a record's version
   * @param <R> the record type
   * @throws ConcurrentModificationException when the stored version is not the one before
   */
  static <R> void update(Map<String, R> records, String number, R record,
      ToLongFunction<R> version) {
    boolean[] updated = new boolean[1];
    records.computeIfPresent(number, (k, stored) -> {
      updated[0] = version.applyAsLong(stored) == version.applyAsLong(record) - 1;
      return updated[0] ? record : stored;
    });
    if (!updated[0]) {
      throw new ConcurrentModificationException(number + " was changed concurrently", null);
    }
  }
}
