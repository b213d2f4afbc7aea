package dev.itsm.core.metrics;

import java.util.List;

/**
 * The figures of one practice for one {@link MetricsQuery}. The built-in sections are
 * {@link IncidentMetrics}, {@link ServiceLevelMetrics}, {@link ChangeMetrics},
 * {@link ProblemMetrics} and {@link RequestMetrics}; a further practice brings its own through a
 * {@link MetricsContributor}.
 */
public interface MetricsSection {

  /** @return the practice's title, e.g. "Incident management" */
  String practice();

  /** @return every KPI of the section as a table row, in display order */
  List<Figure> figures();
}
