package dev.itsm.core.change;

import java.time.Instant;
import java.util.Set;

/**
 * A period in which normal and standard changes cannot be scheduled (a blackout, e.g. the year-end
 * close). An emergency change may be scheduled in it with a recorded justification.
 *
 * @param name a name shown in errors, e.g. {@code year-end close}
 * @param from start, inclusive
 * @param to end, exclusive; after {@code from}
 * @param services the services it applies to; empty for every change
 */
public record FreezeWindow(String name, Instant from, Instant to, Set<String> services) {

  /** Checks and copies the components. */
  public FreezeWindow {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("freeze window name must not be blank");
    }
    if (from == null || to == null || !to.isAfter(from)) {
      throw new IllegalArgumentException("freeze window '" + name + "' must end after it starts,"
          + " was " + from + " .. " + to);
    }
    services = services == null ? Set.of() : Set.copyOf(services);
  }

  /**
   * @param name the name
   * @param from start
   * @param to end
   * @return a freeze window for every service
   */
  public static FreezeWindow of(String name, Instant from, Instant to) {
    return new FreezeWindow(name, from, to, Set.of());
  }

  /**
   * @param start a window start
   * @param end a window end
   * @param changeServices the services of the change
   * @return whether the change's window overlaps this freeze and it applies to the change
   */
  public boolean blocks(Instant start, Instant end, java.util.Collection<String> changeServices) {
    boolean overlaps = start.isBefore(to) && end.isAfter(from);
    return overlaps && (services.isEmpty()
        || changeServices.stream().anyMatch(services::contains));
  }
}
