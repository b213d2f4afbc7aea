package dev.itsm.core.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Problem management KPIs for a {@link MetricsQuery}.
 *
 * @param open problems open at {@code to}: created before it and neither resolved, closed nor
 *     cancelled before it
 * @param meanOpenAge mean wall-clock age at {@code to} of the open problems, {@code null} when none
 * @param oldestOpenAge the oldest open problem's age at {@code to}, {@code null} when none
 * @param incidentsLinked of the incidents opened in the period (incident filter), those linked to
 *     at least one problem
 * @param knownErrorsPublished known errors published in the period
 * @param resolvedByChange of the problems resolved in the period, those resolved by a change:
 *     they have a fix change ({@code LinkChange}), or a change that lists them among its problems
 *     closed with outcome successful or successful with issues
 */
public record ProblemMetrics(long open, Duration meanOpenAge, Duration oldestOpenAge,
    Ratio incidentsLinked, long knownErrorsPublished, Ratio resolvedByChange)
    implements MetricsSection {

  @Override
  public String practice() {
    return "Problem management";
  }

  @Override
  public List<Figure> figures() {
    return List.of(
        new Figure("Open problems at end", Long.toString(open),
            "problems open at the end of the period"),
        new Figure("Mean age of open problems", Durations.format(meanOpenAge),
            "wall-clock age at the end of the period"),
        new Figure("Oldest open problem", Durations.format(oldestOpenAge),
            "wall-clock age at the end of the period"),
        new Figure("Incidents linked to a problem", incidentsLinked.toString(),
            "incidents opened in the period that are linked to a problem"),
        new Figure("Known errors published", Long.toString(knownErrorsPublished),
            "known errors published in the period"),
        new Figure("Resolved by a change", resolvedByChange.toString(),
            "problems resolved in the period by a fix change or a successful linked change"));
  }
}
