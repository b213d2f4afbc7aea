package dev.itsm.core.metrics;

/**
 * EXTENSION POINT for practices that are not built into the metrics service (the built-in ones
 * are incidents, service levels, changes, problems and service requests).
 * A practice that is deployed registers one contributor; its section then appears in
 * {@link Metrics#sections()} and in the {@link HtmlReport} (as a table of its
 * {@link MetricsSection#figures()}). A practice that is not deployed registers nothing and is
 * simply absent.
 *
 * <p>{@link #compute} runs inside the metrics service's read transaction, so a contributor may
 * use the JDBC connection of its own store.
 */
@FunctionalInterface
public interface MetricsContributor {

  /**
   * @param query the period and filter
   * @return the practice's figures for it
   */
  MetricsSection compute(MetricsQuery query);
}
