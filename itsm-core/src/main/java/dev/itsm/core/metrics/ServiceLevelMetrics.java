package dev.itsm.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Service level management KPIs for a {@link MetricsQuery}, from the service-level clocks of
 * every practice deployed (business time on each target's calendar).
 *
 * @param targets per target and priority: a clock stopped in the period (achieved or breached;
 *     cancelled clocks excluded) is met when it never breached
 * @param byPriority the same, per priority over all targets, ordered by priority
 * @param overall the same over all clocks
 * @param breaches clocks whose breach occurred in the period (whether or not they stopped since)
 * @param atRiskNow clocks running at the moment of the call, not breached, with at least
 *     {@link MetricsQuery#atRiskPercent()} of their target elapsed in business time (paused
 *     clocks are not counted)
 */
public record ServiceLevelMetrics(List<TargetCompliance> targets,
    List<PriorityCompliance> byPriority, Ratio overall, long breaches, long atRiskNow)
    implements MetricsSection {

  /** Copies the lists. */
  public ServiceLevelMetrics {
    targets = List.copyOf(targets);
    byPriority = List.copyOf(byPriority);
  }

  @Override
  public String practice() {
    return "Service level management";
  }

  @Override
  public List<Figure> figures() {
    List<Figure> f = new ArrayList<>();
    f.add(new Figure("Compliance (all targets)", overall.toString(),
        "clocks stopped in the period that never breached; cancelled clocks excluded"));
    for (PriorityCompliance p : byPriority) {
      f.add(new Figure("Compliance " + p.priority(), p.met().toString(),
          "the same, clocks of that priority"));
    }
    for (TargetCompliance t : targets) {
      f.add(new Figure("Target " + t.target() + " (" + t.priority() + ")", t.met().toString(),
          "the same, clocks of that target and priority"));
    }
    f.add(new Figure("Breaches", Long.toString(breaches), "clocks that breached in the period"));
    f.add(new Figure("At risk now", Long.toString(atRiskNow),
        "running clocks past the at-risk threshold and not breached, now"));
    return f;
  }
}
