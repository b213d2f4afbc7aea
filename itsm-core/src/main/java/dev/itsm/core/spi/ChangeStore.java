package dev.itsm.core.spi;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.change.ApprovalRecord;
import dev.itsm.core.change.Change;
import dev.itsm.core.incident.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of change records, their timeline and approval decisions. The default is
 * {@code JdbcChangeStore} on the engine's database; a host may plug in its own, which must work in
 * the caller's transaction (see {@link ConnectionSource}).
 */
public interface ChangeStore {

  /**
   * @param tenant a tenant id
   * @return the next value of the tenant's change number sequence (each tenant counts from 1)
   */
  long nextSequence(String tenant);

  /** @param change a new change (version 1) */
  void insert(Change change);

  /**
   * Stores a new version of a change.
   *
   * @param change the change with {@code version} one higher than the stored one
   * @throws ConcurrentModificationException when the stored version is not {@code version - 1}
   */
  void update(Change change);

  /** @param number a change number @return the change */
  Optional<Change> find(String number);

  /** @param criteria what to find @return the matching changes in the requested order */
  List<Change> query(ChangeCriteria criteria);

  /** @param criteria what to count (order, offset and limit ignored) @return how many match */
  long count(ChangeCriteria criteria);

  /**
   * @param tenant the tenant whose changes count
   * @param category a category, or {@code null}
   * @param since the start of the look-back period
   * @return how many changes of that category in the tenant failed since then ({@code 0} for a
   *     null category)
   */
  int countFailed(String tenant, String category, Instant since);

  /** @param number a change @param entry the entry to append */
  void appendTimeline(String number, TimelineEntry entry);

  /** @param number a change @return its timeline, oldest first */
  List<TimelineEntry> timeline(String number);

  /** @param decision an approver's decision to record */
  void appendDecision(ApprovalRecord decision);

  /** @param number a change @return its decisions, oldest first */
  List<ApprovalRecord> decisions(String number);
}
