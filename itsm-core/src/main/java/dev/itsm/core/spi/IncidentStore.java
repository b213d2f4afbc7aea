package dev.itsm.core.spi;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.TimelineEntry;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of incident records. The library calls it inside its transaction; an implementation
 * that writes to the engine's database must use the connection of the current transaction (see
 * {@link ConnectionSource}) so that the record commits or rolls back with the process.
 *
 * <p>Implementations shipped: {@code JdbcIncidentStore} (H2, PostgreSQL) and
 * {@code InMemoryIncidentStore} (tests).
 */
public interface IncidentStore {

  /**
   * @param tenant the tenant whose sequence to draw from; each tenant counts on its own
   * @return the next value of the tenant's incident number sequence; never returns the same value
   *     twice for a tenant, even when the transaction that drew it rolls back
   */
  long nextSequence(String tenant);

  /**
   * Stores a new incident.
   *
   * @param incident the incident, with version 1 (and its tenant, which never changes)
   */
  void insert(Incident incident);

  /**
   * Replaces an incident if it still has the version {@code incident.version() - 1}.
   *
   * @param incident the changed incident, with its version already increased by one
   * @throws ConcurrentModificationException when the stored version differs
   */
  void update(Incident incident);

  /**
   * @param number the incident number
   * @return the stored incident, if any
   */
  Optional<Incident> find(String number);

  /**
   * @param criteria the query
   * @return the matching incidents of the page
   */
  List<Incident> query(IncidentCriteria criteria);

  /**
   * @param criteria the query (paging ignored)
   * @return how many incidents match
   */
  long count(IncidentCriteria criteria);

  /**
   * @param number the incident number
   * @param entry the entry to append
   */
  void appendTimeline(String number, TimelineEntry entry);

  /**
   * @param number the incident number
   * @return its timeline, oldest first
   */
  List<TimelineEntry> timeline(String number);
}
