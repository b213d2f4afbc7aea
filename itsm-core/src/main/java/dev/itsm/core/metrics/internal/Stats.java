package dev.itsm.core.metrics.internal;

import java.time.Duration;
import java.util.List;

/** Means and percentiles over durations, computed in Java (portable across databases). */
final class Stats {

  private Stats() {}

  /**
   * @param values durations
   * @return their arithmetic mean (truncated to the millisecond), or {@code null} when empty
   */
  static Duration mean(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    long total = 0;
    for (Duration d : values) {
      total += d.toMillis();
    }
    return Duration.ofMillis(total / values.size());
  }

  /**
   * Nearest-rank percentile: the {@code ceil(p/100 × n)}-th smallest value.
   *
   * @param values durations
   * @param p the percentile, 1..100
   * @return the value, or {@code null} when empty
   */
  static Duration percentile(List<Duration> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
