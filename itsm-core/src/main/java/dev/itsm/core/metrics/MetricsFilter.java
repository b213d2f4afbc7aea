package dev.itsm.core.metrics;

import dev.itsm.core.incident.Priority;

/**
 * Narrows the figures to one service, assignment group, category and/or priority; a {@code null}
 * dimension does not filter. Each practice applies the dimensions its records have:
 *
 * <table>
 *   <caption>Which record field each dimension matches</caption>
 *   <tr><th>Dimension</th><th>Incidents</th><th>Service levels</th><th>Changes</th>
 *       <th>Problems</th><th>Requests</th></tr>
 *   <tr><td>service</td><td>{@code service}</td><td>the incident's</td>
 *       <td>a linked service</td><td>{@code service}</td>
 *       <td>not applicable</td></tr>
 *   <tr><td>assignment group</td><td>{@code assignmentGroup} (current)</td>
 *       <td>the incident's</td><td>{@code implementerGroup}</td><td>not applicable</td>
 *       <td>not applicable</td></tr>
 *   <tr><td>category</td><td>{@code category}</td><td>the incident's</td>
 *       <td>{@code category}</td><td>{@code category}</td>
 *       <td>not applicable</td></tr>
 *   <tr><td>priority</td><td>{@code priority}</td><td>the clock's priority</td>
 *       <td>not applicable</td><td>{@code priority}</td>
 *       <td>not applicable</td></tr>
 * </table>
 *
 * <p>"Not applicable" means the dimension is ignored for that practice (changes have no priority,
 * problems no assignment group; catalog items have no service or category, requests no
 * priority, and fulfilment groups belong to a request's tasks, so no dimension applies to
 * requests). Service-level clocks are filtered through their record: with a
 * service, group or category set, only clocks of incidents matching it count.
 *
 * @param service a service name, or {@code null}
 * @param assignmentGroup an assignment group, or {@code null}
 * @param category a category, or {@code null}
 * @param priority a priority, or {@code null}
 */
public record MetricsFilter(String service, String assignmentGroup, String category,
    Priority priority) {

  /** No filter: every record counts. */
  public static final MetricsFilter NONE = new MetricsFilter(null, null, null, null);

  /** @return {@code true} when no dimension is set */
  public boolean isEmpty() {
    return service == null && assignmentGroup == null && category == null && priority == null;
  }

  /**
   * @return {@code true} when a dimension that only records (not clocks) carry is set: service,
   *     assignment group or category
   */
  public boolean filtersRecords() {
    return service != null || assignmentGroup != null || category != null;
  }
}
