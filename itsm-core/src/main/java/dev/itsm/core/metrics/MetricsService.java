package dev.itsm.core.metrics;

/**
 * Continual improvement: practice KPIs for a period, computed from the ITSM records, their audit
 * trail and their service-level clocks. Obtain it from {@code ItsmEngine.metrics()}.
 *
 * <pre>{@code
 * Metrics m = engine.metrics().compute(manager,
 *     MetricsQuery.between(from, to).assignmentGroup("network"));
 * m.incidents().ifPresent(i -> System.out.println(i.mttrMean() + " " + i.reopenPercent()));
 * }</pre>
 *
 * <p>Only deployed practices have a section: e.g. {@link Metrics#changes()} is empty when change
 * enablement is not enabled. Every KPI's exact definition is on the accessor of its section
 * record and in the README ("Continual improvement").
 */
public interface MetricsService {

  /**
   * Computes every deployed practice's KPIs in one read transaction, over the records of the
   * actor's tenant.
   *
   * @param actor the acting user; needs {@link dev.itsm.core.access.Permission#METRICS_READ}
   *     (in the standard role model: incident, problem or change manager, administrator)
   * @param query the period, filter and at-risk threshold
   * @return the figures
   * @throws dev.itsm.core.access.AccessDeniedException when the actor may not read metrics
   */
  Metrics compute(dev.itsm.core.Actor actor, MetricsQuery query);
}
