package dev.itsm.core.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The KPIs of every deployed practice for one {@link MetricsQuery}. A practice that is not
 * deployed has no section: its accessor is empty and it is missing from {@link #sections()}.
 *
 * @param query what was measured
 * @param computedAt when (the engine's clock); "at risk now" refers to this instant
 * @param incidentSection incident management, when deployed
 * @param serviceLevelSection service level management (always deployed)
 * @param changeSection change enablement, when deployed
 * @param problemSection problem management, when deployed
 * @param requestSection service requests, when deployed
 * @param contributed sections of further practices ({@link MetricsContributor})
 */
public record Metrics(MetricsQuery query, Instant computedAt, IncidentMetrics incidentSection,
    ServiceLevelMetrics serviceLevelSection, ChangeMetrics changeSection,
    ProblemMetrics problemSection, RequestMetrics requestSection,
    List<MetricsSection> contributed) {

  /** Copies the list. */
  public Metrics {
    contributed = List.copyOf(contributed);
  }

  /** @return incident management KPIs, empty when incidents are not deployed */
  public Optional<IncidentMetrics> incidents() {
    return Optional.ofNullable(incidentSection);
  }

  /** @return service level KPIs, empty when no service-level data source exists */
  public Optional<ServiceLevelMetrics> serviceLevels() {
    return Optional.ofNullable(serviceLevelSection);
  }

  /** @return change enablement KPIs, empty when changes are not deployed */
  public Optional<ChangeMetrics> changes() {
    return Optional.ofNullable(changeSection);
  }

  /** @return problem management KPIs, empty when problems are not deployed */
  public Optional<ProblemMetrics> problems() {
    return Optional.ofNullable(problemSection);
  }

  /** @return service request KPIs, empty when requests are not deployed */
  public Optional<RequestMetrics> requests() {
    return Optional.ofNullable(requestSection);
  }

  /** @return every present section in display order: built-in ones, then contributed ones */
  public List<MetricsSection> sections() {
    List<MetricsSection> out = new ArrayList<>();
    incidents().ifPresent(out::add);
    serviceLevels().ifPresent(out::add);
    changes().ifPresent(out::add);
    problems().ifPresent(out::add);
    requests().ifPresent(out::add);
    out.addAll(contributed);
    return out;
  }
}
