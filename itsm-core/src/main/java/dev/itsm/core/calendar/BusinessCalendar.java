package dev.itsm.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a service is staffed: weekly working hours as local wall-clock times in one time zone,
 * minus holidays. Service-level clocks run only while the calendar is open.
 *
 * <pre>{@code
 * BusinessCalendar office = BusinessCalendar.builder("office-berlin", ZoneId.of("Europe/Berlin"))
 *     .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
 *     .holiday(LocalDate.of(2026, 12, 25))
 *     .build();
 * Instant due = office.add(openedAt, Duration.ofHours(8));   // one business day later
 * Duration spent = office.between(openedAt, resolvedAt);      // business time only
 * }</pre>
 *
 * <p><b>Semantics.</b> A working interval {@code [start, end)} is placed on each date in the
 * calendar's zone; its business time is the real time that elapses between its local start and
 * end on that date, so across a daylight-saving change it can be an hour shorter or longer (00:00 to
 * 04:00 on a spring-forward night in Europe/Berlin is 3 hours). A local time that falls into a
 * daylight-saving gap is moved forward by the length of the gap, and one that occurs twice takes the
 * earlier offset (the {@code java.time} defaults); should two intervals of a date then cover the
 * same real time, it is counted once. Holidays are whole local dates.
 *
 * <p>Instances are immutable and thread-safe. {@code between(s, add(s, d))} equals {@code d} for
 * every start {@code s} and every {@code d >= 0}.
 */
public final class BusinessCalendar {

  /** How many days in a row may pass without working time before a search gives up (~10 years). */
  static final int MAX_DAYS_WITHOUT_WORKING_TIME = 3660;

  private final String name;
  private final ZoneId zone;
  private final Map<DayOfWeek, List<WorkingInterval>> week;
  private final Set<LocalDate> holidays;

  private BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<WorkingInterval>> week,
      Set<LocalDate> holidays) {
    this.name = name;
    this.zone = zone;
    this.week = week;
    this.holidays = holidays;
  }

  /**
   * Starts a calendar; add working hours and holidays, then {@link Builder#build()}.
   *
   * @param name the calendar's name, e.g. {@code "office-berlin"}, not blank
   * @param zone the zone the working hours and holidays are given in
   * @return a builder with no working hours and no holidays
   */
  public static Builder builder(String name, ZoneId zone) {
    return new Builder(name, zone);
  }

  /**
   * 24x7: always open, no holidays, in UTC. Business time equals elapsed time.
   *
   * @param name the calendar's name, not blank
   * @return a calendar that is always open
   */
  public static BusinessCalendar twentyFourSeven(String name) {
    return twentyFourSeven(name, ZoneOffset.UTC);
  }

  /**
   * 24x7: always open, no holidays, in the given zone. Business time equals elapsed time, also
   * across daylight-saving changes.
   *
   * @param name the calendar's name, not blank
   * @param zone the zone to report
   * @return a calendar that is always open
   */
  public static BusinessCalendar twentyFourSeven(String name, ZoneId zone) {
    Builder b = builder(name, zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      b.hours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }
    return b.build();
  }

  /** @return the calendar's name */
  public String name() {
    return name;
  }

  /** @return the zone the working hours and holidays are given in */
  public ZoneId zone() {
    return zone;
  }

  /**
   * @param t an instant
   * @return whether {@code t} lies inside a working interval {@code [start, end)} of a date that is
   *     not a holiday
   */
  public boolean isOpen(Instant t) {
    Objects.requireNonNull(t, "t must not be null");
    for (OpenSpan span : spansOn(localDate(t))) {
      if (span.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param t an instant
   * @return {@code t} itself when the calendar is open then, otherwise the next instant at which it
   *     opens
   * @throws IllegalStateException if the calendar does not open within about ten years
   */
  public Instant nextOpening(Instant t) {
    Objects.requireNonNull(t, "t must not be null");
    LocalDate day = localDate(t);
    int daysWithoutWork = 0;
    while (true) {
      for (OpenSpan span : spansOn(day)) {
        if (span.end().isAfter(t)) {
          return span.start().isAfter(t) ? span.start() : t;
        }
      }
      if (++daysWithoutWork > MAX_DAYS_WITHOUT_WORKING_TIME) {
        throw neverOpens(t);
      }
      day = day.plusDays(1);
    }
  }

  /**
   * Adds business time: starting outside hours, the clock starts at the next opening. A target
   * ending exactly at closing time returns that closing instant (not the next opening). {@code
   * add(t, ZERO)} returns {@code t} unchanged.
   *
   * <pre>{@code
   * // Mon-Fri 09:00-17:00: Friday 16:00 + 2 h = Monday 10:00
   * }</pre>
   *
   * @param start when the clock starts
   * @param businessDuration how much business time to add, not negative
   * @return the instant at which {@code businessDuration} of business time has passed
   * @throws IllegalArgumentException if {@code businessDuration} is negative
   * @throws IllegalStateException if the calendar has no working time for about ten years in a row
   */
  public Instant add(Instant start, Duration businessDuration) {
    Objects.requireNonNull(start, "start must not be null");
    Objects.requireNonNull(businessDuration, "businessDuration must not be null");
    if (businessDuration.isNegative()) {
      throw new IllegalArgumentException("business duration must not be negative, was "
          + businessDuration + " (calendar '" + name + "'); pass Duration.ZERO or more");
    }
    if (businessDuration.isZero()) {
      return start;
    }
    Duration remaining = businessDuration;
    LocalDate day = localDate(start);
    int daysWithoutWork = 0;
    while (true) {
      boolean worked = false;
      for (OpenSpan span : spansOn(day)) {
        if (!span.end().isAfter(start)) {
          continue;
        }
        Instant from = span.start().isAfter(start) ? span.start() : start;
        Duration available = Duration.between(from, span.end());
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
        worked = true;
      }
      daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
      if (daysWithoutWork > MAX_DAYS_WITHOUT_WORKING_TIME) {
        Instant idleSince = day.minusDays(daysWithoutWork - 1L).atStartOfDay(zone).toInstant();
        throw neverOpens(idleSince.isAfter(start) ? idleSince : start);
      }
      day = day.plusDays(1);
    }
  }

  /**
   * Business time in {@code [from, to)}.
   *
   * @param from start of the range (inclusive)
   * @param to end of the range (exclusive), not before {@code from}
   * @return the business time between the two instants
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public Duration between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from
          + ") in calendar '" + name + "'; pass the earlier instant first");
    }
    Duration total = Duration.ZERO;
    LocalDate last = localDate(to);
    for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
      for (OpenSpan span : spansOn(day)) {
        total = total.plus(span.overlap(from, to));
      }
    }
    return total;
  }

  @Override
  public String toString() {
    StringJoiner hours = new StringJoiner(", ");
    week.forEach((day, intervals) -> {
      if (!intervals.isEmpty()) {
        hours.add(day + " " + intervals);
      }
    });
    return "BusinessCalendar[" + name + ", " + zone + ", " + hours + ", " + holidays.size()
        + " holiday(s)]";
  }

  private LocalDate localDate(Instant t) {
    return LocalDate.ofInstant(t, zone);
  }

  /**
   * The open spans of one local date in time order, disjoint and inside that date (touching spans
   * are merged).
   */
  private List<OpenSpan> spansOn(LocalDate date) {
    List<WorkingInterval> intervals = week.get(date.getDayOfWeek());
    if (intervals.isEmpty() || holidays.contains(date)) {
      return List.of();
    }
    Instant dayStart = date.atStartOfDay(zone).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
    List<OpenSpan> raw = new ArrayList<>(intervals.size());
    for (WorkingInterval interval : intervals) {
      Instant start = ZonedDateTime.of(date, interval.start(), zone).toInstant();
      Instant end = interval.endsAtMidnight()
          ? dayEnd
          : ZonedDateTime.of(date, interval.end(), zone).toInstant();
      // a local time in a gap moves forward, which can push it past the date or past its end
      if (start.isBefore(dayStart)) {
        start = dayStart;
      }
      if (end.isAfter(dayEnd)) {
        end = dayEnd;
      }
      if (start.isBefore(end)) {
        raw.add(new OpenSpan(start, end));
      }
    }
    if (raw.size() <= 1) {
      return raw;
    }
    raw.sort((a, b) -> a.start().compareTo(b.start()));
    List<OpenSpan> merged = new ArrayList<>(raw.size());
    OpenSpan current = raw.get(0);
    for (int i = 1; i < raw.size(); i++) {
      OpenSpan next = raw.get(i);
      if (next.start().isAfter(current.end())) {
        merged.add(current);
        current = next;
      } else if (next.end().isAfter(current.end())) {
        current = new OpenSpan(current.start(), next.end());
      }
    }
    merged.add(current);
    return merged;
  }

  private IllegalStateException neverOpens(Instant from) {
    return new IllegalStateException("business calendar '" + name + "' has no working time for "
        + MAX_DAYS_WITHOUT_WORKING_TIME + " days in a row after " + from + " (zone " + zone
        + "); check its working hours and holidays");
  }

  /**
   * Collects working hours and holidays for a {@link BusinessCalendar}. Not thread-safe; {@link
   * #build()} checks everything at once and may be called more than once.
   *
   * <pre>{@code
   * BusinessCalendar support = BusinessCalendar.builder("support-ny", ZoneId.of("America/New_York"))
   *     .weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0))
   *     .weekdays(LocalTime.of(13, 0), LocalTime.of(17, 0))    // lunch break 12:00-13:00
   *     .hours(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT) // 22:00-24:00
   *     .holidays(List.of(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 11, 26)))
   *     .build();
   * }</pre>
   */
  public static final class Builder {

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingInterval>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new TreeSet<>();

    private Builder(String name, ZoneId zone) {
      this.name = name;
      this.zone = zone;
      for (DayOfWeek day : DayOfWeek.values()) {
        hours.put(day, new ArrayList<>());
      }
    }

    /**
     * Adds a working interval {@code [start, end)} to a week day. A day may have several intervals
     * as long as they do not overlap (they may touch). An {@code end} of {@link LocalTime#MIDNIGHT}
     * (00:00) means the end of the day (24:00); 00:00-00:00 is the whole day. An interval over
     * midnight is two intervals: {@code 22:00-00:00} on one day and {@code 00:00-06:00} on the next.
     *
     * @param day the week day
     * @param start local start time (inclusive)
     * @param end local end time (exclusive), after {@code start} unless it is 00:00
     * @return this builder
     */
    public Builder hours(DayOfWeek day, LocalTime start, LocalTime end) {
      Objects.requireNonNull(day, "day must not be null");
      Objects.requireNonNull(start, "start must not be null");
      Objects.requireNonNull(end, "end must not be null (use LocalTime.MIDNIGHT for 24:00)");
      hours.get(day).add(new WorkingInterval(start, end));
      return this;
    }

    /**
     * Adds the same working interval to Monday through Friday.
     *
     * @param start local start time (inclusive)
     * @param end local end time (exclusive), after {@code start} unless it is 00:00
     * @return this builder
     * @see #hours(DayOfWeek, LocalTime, LocalTime)
     */
    public Builder weekdays(LocalTime start, LocalTime end) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
          hours(day, start, end);
        }
      }
      return this;
    }

    /**
     * @param date a local date on which the calendar is closed all day
     * @return this builder
     */
    public Builder holiday(LocalDate date) {
      holidays.add(Objects.requireNonNull(date, "holiday date must not be null"));
      return this;
    }

    /**
     * @param dates local dates on which the calendar is closed all day
     * @return this builder
     */
    public Builder holidays(Collection<LocalDate> dates) {
      Objects.requireNonNull(dates, "holiday dates must not be null");
      for (LocalDate date : dates) {
        holiday(date);
      }
      return this;
    }

    /**
     * Checks the calendar and builds it: the name is not blank, the zone is given, every interval
     * starts before it ends (unless it ends at midnight), the intervals of a day do not overlap and
     * there is at least one working interval.
     *
     * @return the immutable calendar
     * @throws IllegalArgumentException listing every problem found, each with what to fix
     */
    public BusinessCalendar build() {
      List<String> problems = new ArrayList<>();
      if (name == null || name.isBlank()) {
        problems.add("the name is blank: give the calendar a name such as \"office-berlin\"");
      }
      if (zone == null) {
        problems.add("the zone is missing: pass one such as ZoneId.of(\"Europe/Berlin\")");
      }
      Map<String, List<DayOfWeek>> backwards = new TreeMap<>();
      int count = 0;
      Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
      for (DayOfWeek day : DayOfWeek.values()) {
        List<WorkingInterval> valid = new ArrayList<>();
        for (WorkingInterval interval : hours.get(day)) {
          count++;
          if (interval.isValid()) {
            valid.add(interval);
          } else {
            backwards.computeIfAbsent(interval.start() + "-" + interval.end(),
                k -> new ArrayList<>()).add(day);
          }
        }
        Collections.sort(valid);
        for (int i = 0; i < valid.size(); i++) {
          for (int j = i + 1; j < valid.size(); j++) {
            if (valid.get(i).overlaps(valid.get(j))) {
              problems.add(day + " " + valid.get(i) + " overlaps " + valid.get(j)
                  + ": make the intervals of a day disjoint (they may touch, e.g. 08:00-12:00 and"
                  + " 12:00-17:00)");
            }
          }
        }
        week.put(day, List.copyOf(valid));
      }
      backwards.forEach((interval, days) -> problems.add("interval " + interval + " on " + days
          + " does not start before it ends: swap start and end, use 00:00 as the end for 24:00,"
          + " or split a shift over midnight into 22:00-00:00 and 00:00-06:00 of the next day"));
      if (count == 0) {
        problems.add("there are no working hours: add at least one interval with hours(...) or"
            + " weekdays(...), or use BusinessCalendar.twentyFourSeven(name)");
      }
      if (!problems.isEmpty()) {
        StringBuilder message = new StringBuilder("business calendar '").append(name)
            .append("' is not valid; fix ")
            .append(problems.size() == 1 ? "this problem" : "these " + problems.size() + " problems")
            .append(':');
        for (int i = 0; i < problems.size(); i++) {
          message.append(' ').append(i + 1).append(") ").append(problems.get(i))
              .append(i + 1 < problems.size() ? ";" : "");
        }
        throw new IllegalArgumentException(message.toString());
      }
      return new BusinessCalendar(name, zone, Collections.unmodifiableMap(week),
          Set.copyOf(holidays));
    }
  }
}
