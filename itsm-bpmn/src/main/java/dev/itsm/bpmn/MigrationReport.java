package dev.itsm.bpmn;

import java.util.List;

/**
 * What a migration did, per record.
 *
 * @param processKey the process
 * @param toVersion the version every record now runs on
 * @param records the migrated records, by number
 */
public record MigrationReport(String processKey, int toVersion, List<Migrated> records) {

  /** Copies the list. */
  public MigrationReport {
    records = List.copyOf(records);
  }

  /**
   * One migrated record.
   *
   * @param recordNumber the record
   * @param fromVersion the version it ran on before
   * @param toVersion the version it runs on now
   */
  public record Migrated(String recordNumber, int fromVersion, int toVersion) {}
}
