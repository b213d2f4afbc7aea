package dev.itsm.core.metrics;

import dev.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.Objects;

/**
 * What to measure: the period {@code [from, to)} (half open, instants), an optional
 * {@link MetricsFilter}, and the percentage of its target at which a running service-level clock
 * counts as at risk.
 *
 * <pre>{@code
 * MetricsQuery q = MetricsQuery.between(from, to).service("mail").priority(Priority.P1);
 * }</pre>
 *
 * <p>"Backlog" and "open problems" are measured at {@code to}; "at risk now" at the moment of the
 * call.
 *
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param filter the filter ({@link MetricsFilter#NONE} for none)
 * @param atRiskPercent a running clock with at least this percentage of its target elapsed, and
 *     not breached, is at risk (default 75)
 */
public record MetricsQuery(Instant from, Instant to, MetricsFilter filter, int atRiskPercent,
    String tenant) {

  /** The default at-risk threshold in percent of the target. */
  public static final int DEFAULT_AT_RISK_PERCENT = 75;

  /**
   * @throws IllegalArgumentException when {@code from} is not before {@code to} or the at-risk
   *     percentage is not in 1..100
   */
  public MetricsQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    filter = filter == null ? MetricsFilter.NONE : filter;
    tenant = tenant == null ? dev.itsm.core.Actor.DEFAULT_TENANT : tenant;
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the period is empty: from " + from
          + " is not before to " + to);
    }
    if (atRiskPercent < 1 || atRiskPercent > 100) {
      throw new IllegalArgumentException("atRiskPercent must be 1..100, was " + atRiskPercent);
    }
  }

  /**
   * A query of the default tenant; {@link MetricsService#compute} replaces the tenant with the
   * acting user's.
   *
   * @param from start of the period, inclusive
   * @param to end of the period, exclusive
   * @param filter the filter, or {@code null} for none
   * @param atRiskPercent the at-risk threshold, 1..100
   */
  public MetricsQuery(Instant from, Instant to, MetricsFilter filter, int atRiskPercent) {
    this(from, to, filter, atRiskPercent, null);
  }

  /**
   * @param tenantId a tenant id
   * @return this query, over the records of {@code tenantId} (set by the engine from the actor)
   */
  public MetricsQuery inTenant(String tenantId) {
    return new MetricsQuery(from, to, filter, atRiskPercent, tenantId);
  }

  /**
   * @param from start of the period, inclusive
   * @param to end of the period, exclusive
   * @return a query over that period, without filter, at-risk at 75 %
   */
  public static MetricsQuery between(Instant from, Instant to) {
    return new MetricsQuery(from, to, MetricsFilter.NONE, DEFAULT_AT_RISK_PERCENT);
  }

  /**
   * @param service the service to keep, or {@code null} for all
   * @return a copy filtered by service
   */
  public MetricsQuery service(String service) {
    return withFilter(new MetricsFilter(service, filter.assignmentGroup(), filter.category(),
        filter.priority()));
  }

  /**
   * @param group the assignment group to keep, or {@code null} for all
   * @return a copy filtered by assignment group
   */
  public MetricsQuery assignmentGroup(String group) {
    return withFilter(new MetricsFilter(filter.service(), group, filter.category(),
        filter.priority()));
  }

  /**
   * @param category the category to keep, or {@code null} for all
   * @return a copy filtered by category
   */
  public MetricsQuery category(String category) {
    return withFilter(new MetricsFilter(filter.service(), filter.assignmentGroup(), category,
        filter.priority()));
  }

  /**
   * @param priority the priority to keep, or {@code null} for all
   * @return a copy filtered by priority
   */
  public MetricsQuery priority(Priority priority) {
    return withFilter(new MetricsFilter(filter.service(), filter.assignmentGroup(),
        filter.category(), priority));
  }

  /**
   * @param percent the at-risk threshold, 1..100
   * @return a copy with that threshold
   */
  public MetricsQuery atRiskPercent(int percent) {
    return new MetricsQuery(from, to, filter, percent);
  }

  /**
   * @param f the filter
   * @return a copy with that filter
   */
  public MetricsQuery withFilter(MetricsFilter f) {
    return new MetricsQuery(from, to, f, atRiskPercent);
  }

  /**
   * @param t an instant, or {@code null}
   * @return {@code true} when {@code t} lies in {@code [from, to)}
   */
  public boolean contains(Instant t) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }
}
