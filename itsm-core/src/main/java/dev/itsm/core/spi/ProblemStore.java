package dev.itsm.core.spi;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of problems, their timeline and the known error database. Default
 * {@code JdbcProblemStore}; a host store must work in the caller's transaction.
 */
public interface ProblemStore {

  /**
   * @param tenant a tenant
   * @return the next value of the tenant's problem number sequence (each tenant counts on its own)
   */
  long nextSequence(String tenant);

  /** @param problem a new problem (version 1) */
  void insert(Problem problem);

  /**
   * @param problem the problem with {@code version} one higher than the stored one
   * @throws ConcurrentModificationException when the stored version is not {@code version - 1}
   */
  void update(Problem problem);

  /** @param number a problem number @return the problem */
  Optional<Problem> find(String number);

  /** @param criteria what to find @return the matches, newest first */
  List<Problem> query(ProblemCriteria criteria);

  /** @param criteria what to count @return how many match */
  long count(ProblemCriteria criteria);

  /** @param number a problem @param entry the entry to append */
  void appendTimeline(String number, TimelineEntry entry);

  /** @param number a problem @return its timeline, oldest first */
  List<TimelineEntry> timeline(String number);

  /**
   * @param tenant a tenant
   * @return the next value of the tenant's known error id sequence (each tenant counts on its own)
   */
  long nextKnownErrorSequence(String tenant);

  /** @param knownError a known error to publish (with its tenant) */
  void insertKnownError(KnownError knownError);

  /** @param criteria the search @return matching known errors, newest first */
  List<KnownError> knownErrors(KnownErrorCriteria criteria);
}
