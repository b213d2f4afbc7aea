package dev.itsm.core.calendar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Several calendars side by side, looked up by name (immutable, thread-safe). Names are
 * case-sensitive and unique.
 *
 * <pre>{@code
 * BusinessCalendars calendars = BusinessCalendars.of(
 *     BusinessCalendar.twentyFourSeven("24x7"),
 *     BusinessCalendar.builder("office-berlin", ZoneId.of("Europe/Berlin"))
 *         .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
 *         .build());
 * Instant due = calendars.get("office-berlin").add(openedAt, Duration.ofHours(4));
 * }</pre>
 */
public final class BusinessCalendars {

  private final Map<String, BusinessCalendar> byName;

  private BusinessCalendars(Map<String, BusinessCalendar> byName) {
    this.byName = byName;
  }

  /**
   * @param calendars the calendars, each with its own name
   * @return the calendars, in the order given
   * @throws IllegalArgumentException if two calendars share a name
   */
  public static BusinessCalendars of(BusinessCalendar... calendars) {
    Objects.requireNonNull(calendars, "calendars must not be null");
    Map<String, BusinessCalendar> byName = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (int i = 0; i < calendars.length; i++) {
      BusinessCalendar calendar = Objects.requireNonNull(calendars[i],
          "calendar #" + (i + 1) + " is null: pass only built calendars");
      if (byName.putIfAbsent(calendar.name(), calendar) != null
          && !duplicates.contains(calendar.name())) {
        duplicates.add(calendar.name());
      }
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException("business calendar name(s) used more than once: "
          + duplicates + "; give each calendar its own name");
    }
    return new BusinessCalendars(Collections.unmodifiableMap(byName));
  }

  /**
   * @param name a calendar's name
   * @return the calendar of that name
   * @throws IllegalArgumentException if there is none, listing the known names
   */
  public BusinessCalendar get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "no business calendar named '" + name + "'; "
            + (byName.isEmpty()
                ? "none are registered: pass them to BusinessCalendars.of(...)"
                : "known names are " + byName.keySet()
                    + ": use one of them or register the calendar")));
  }

  /**
   * @param name a calendar's name
   * @return the calendar of that name, or empty when there is none
   */
  public Optional<BusinessCalendar> find(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  /** @return the names of the calendars, in the order given to {@link #of} (unmodifiable) */
  public Set<String> names() {
    return byName.keySet();
  }

  @Override
  public String toString() {
    return "BusinessCalendars" + byName.keySet();
  }
}
