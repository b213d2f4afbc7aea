package dev.itsm.core.audit;

import java.util.List;

/**
 * The result of verifying audit chains.
 *
 * @param recordsChecked how many records' chains were verified
 * @param entriesChecked how many entries were read
 * @param legacyEntries how many of them were written before the chain existed (schema v8) and are
 *     counted but not protected
 * @param breaks every place that does not verify, oldest first per record; empty when intact
 */
public record AuditVerification(int recordsChecked, int entriesChecked, int legacyEntries,
    List<AuditBreak> breaks) {

  /** Copies the list. */
  public AuditVerification {
    breaks = List.copyOf(breaks);
  }

  /** @return {@code true} when no chain is broken */
  public boolean ok() {
    return breaks.isEmpty();
  }
}
