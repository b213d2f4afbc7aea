package dev.itsm.core.policy;

import dev.itsm.core.incident.Priority;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Basic response and resolution targets per priority, measured in wall-clock time. (Business
 * calendars and pausing clocks belong to the service level management practice.)
 */
public interface ServiceTargets {

  /** @param priority the priority @return the time allowed until acknowledgement */
  Duration response(Priority priority);

  /** @param priority the priority @return the time allowed until resolution */
  Duration resolution(Priority priority);

  /**
   * Defaults: P1 15 min / 4 h, P2 30 min / 8 h, P3 4 h / 3 days, P4 8 h / 5 days, P5 1 day / 10 days.
   *
   * @return the default targets
   */
  static ServiceTargets defaults() {
    Map<Priority, Duration[]> t = new EnumMap<>(Priority.class);
    t.put(Priority.P1, new Duration[] {Duration.ofMinutes(15), Duration.ofHours(4)});
    t.put(Priority.P2, new Duration[] {Duration.ofMinutes(30), Duration.ofHours(8)});
    t.put(Priority.P3, new Duration[] {Duration.ofHours(4), Duration.ofDays(3)});
    t.put(Priority.P4, new Duration[] {Duration.ofHours(8), Duration.ofDays(5)});
    t.put(Priority.P5, new Duration[] {Duration.ofDays(1), Duration.ofDays(10)});
    return new ServiceTargets() {
      @Override
      public Duration response(Priority priority) {
        return t.get(priority)[0];
      }

      @Override
      public Duration resolution(Priority priority) {
        return t.get(priority)[1];
      }
    };
  }
}
