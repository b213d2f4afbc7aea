package dev.itsm.core.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A fluent query over incidents. Criteria combine with AND; calling a criterion twice replaces it.
 * By default the newest incidents come first, 50 per page. A query only ever returns incidents
 * of the acting user's tenant that the user may read (see {@link IncidentService#query}).
 *
 * <pre>{@code
 * List<Incident> queue = engine.incidents().query(agent)
 *     .state(IncidentState.NEW, IncidentState.IN_PROGRESS)
 *     .assignmentGroup("network")
 *     .orderBy(IncidentSort.PRIORITY, true)
 *     .page(0, 20)
 *     .list();
 * }</pre>
 */
public interface IncidentQuery {

  /** @param states any of these states @return this */
  IncidentQuery state(IncidentState... states);

  /** @param priorities any of these priorities @return this */
  IncidentQuery priority(Priority... priorities);

  /** @param group the assignment group @return this */
  IncidentQuery assignmentGroup(String group);

  /** @param assignee the assignee's user id @return this */
  IncidentQuery assignee(String assignee);

  /** @param caller the caller's user id @return this */
  IncidentQuery caller(String caller);

  /**
   * @param text words that must appear (case-insensitive) in the title or description
   * @return this
   */
  IncidentQuery text(String text);

  /**
   * @param from inclusive lower bound of the opening time, or {@code null}
   * @param to exclusive upper bound of the opening time, or {@code null}
   * @return this
   */
  IncidentQuery openedBetween(Instant from, Instant to);

  /**
   * Incidents whose resolution is due before this instant, overdue ones included; incidents
   * without a resolution due time do not match. With the open states and a group it is the queue
   * of incidents at risk of breaching their resolution target, most urgent first:
   *
   * <pre>{@code
   * List<Incident> atRisk = engine.incidents().query(agent)
   *     .state(IncidentState.NEW, IncidentState.IN_PROGRESS, IncidentState.ON_HOLD)
   *     .assignmentGroup("network")
   *     .resolutionDueBefore(Instant.now().plus(Duration.ofHours(2)))
   *     .orderBy(IncidentSort.RESOLUTION_DUE, true)
   *     .list();
   * }</pre>
   *
   * <p>The due time compared is the record's {@code milestones().resolutionDue()}, set when the
   * incident is opened; the live due time of a clock that was paused or re-targeted since is on
   * the service-level clock ({@code engine.serviceLevels().clocks(number)}).
   *
   * @param before exclusive upper bound of the resolution due time, or {@code null} for none
   * @return this
   */
  IncidentQuery resolutionDueBefore(Instant before);

  /** @param configurationItem the affected configuration item @return this */
  IncidentQuery configurationItem(String configurationItem);

  /** @param category the category @return this */
  IncidentQuery category(String category);

  /**
   * @param sort the sort key
   * @param ascending {@code true} for ascending
   * @return this
   */
  IncidentQuery orderBy(IncidentSort sort, boolean ascending);

  /**
   * @param pageIndex zero-based page index
   * @param pageSize 1 .. 1000
   * @return this
   */
  IncidentQuery page(int pageIndex, int pageSize);

  /** @return the matching incidents of the selected page */
  List<Incident> list();

  /** @return how many incidents match, ignoring paging */
  long count();

  /** @return the first match of the selected page and order, if any */
  default Optional<Incident> first() {
    return list().stream().findFirst();
  }
}
