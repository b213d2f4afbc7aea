package dev.itsm.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Laws that every calendar obeys, checked on random starts and durations over several calendars. */
class BusinessCalendarPropertiesTest {

  private static final int TRIES = 1000;

  static final BusinessCalendar BERLIN_OFFICE =
      BusinessCalendar.builder("berlin-office", ZoneId.of("Europe/Berlin"))
          .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
          .holidays(List.of(
              LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26),
              LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
              LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25),
              LocalDate.of(2026, 10, 3), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
              LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26),
              LocalDate.of(2027, 3, 29)))
          .build();

  static final BusinessCalendar NEW_YORK_SPLIT_DAY =
      BusinessCalendar.builder("new-york-split-day", ZoneId.of("America/New_York"))
          .weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0))
          .weekdays(LocalTime.of(13, 0), LocalTime.of(17, 0))
          .holiday(LocalDate.of(2026, 7, 3))
          .build();

  static final BusinessCalendar WEEKENDS_ONLY =
      BusinessCalendar.builder("london-weekends", ZoneId.of("Europe/London"))
          .hours(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
          .hours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
          .build();

  /** Spans the 02:00-03:00 daylight-saving switch every night. */
  static final BusinessCalendar BERLIN_NIGHTS = nightly();

  static final BusinessCalendar UTC_24X7 = BusinessCalendar.twentyFourSeven("24x7");

  static final BusinessCalendar BERLIN_24X7 =
      BusinessCalendar.twentyFourSeven("24x7-berlin", ZoneId.of("Europe/Berlin"));

  private static BusinessCalendar nightly() {
    BusinessCalendar.Builder b = BusinessCalendar.builder("berlin-nights",
        ZoneId.of("Europe/Berlin"));
    for (DayOfWeek day : DayOfWeek.values()) {
      b.hours(day, LocalTime.of(1, 0), LocalTime.of(5, 0));
    }
    return b.build();
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return Arbitraries.of(BERLIN_OFFICE, NEW_YORK_SPLIT_DAY, WEEKENDS_ONLY, BERLIN_NIGHTS,
        UTC_24X7);
  }

  @Provide
  Arbitrary<BusinessCalendar> alwaysOpen() {
    return Arbitraries.of(UTC_24X7, BERLIN_24X7);
  }

  /** 2025-01-01 .. 2028-12-31, often on a full half hour so that starts hit opening and closing. */
  @Provide
  @SuppressWarnings("unchecked")
  Arbitrary<Instant> instants() {
    long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2028-12-31T00:00:00Z").getEpochSecond();
    Arbitrary<Instant> anySecond = Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    Arbitrary<Instant> halfHours = Arbitraries.longs().between(from / 1800, to / 1800)
        .map(n -> Instant.ofEpochSecond(n * 1800));
    Arbitrary<Instant> withNanos = anySecond.flatMap(s -> Arbitraries.integers()
        .between(0, 999_999_999).map(s::plusNanos));
    return Arbitraries.frequencyOf(
        Tuple.of(4, anySecond), Tuple.of(4, halfHours), Tuple.of(1, withNanos));
  }

  /** Zero up to a year, often whole hours so that targets hit closing edges. */
  @Provide
  @SuppressWarnings("unchecked")
  Arbitrary<Duration> durations() {
    long year = Duration.ofDays(365).getSeconds();
    Arbitrary<Duration> anySeconds = Arbitraries.longs().between(0, year).map(Duration::ofSeconds);
    Arbitrary<Duration> hours = Arbitraries.longs().between(0, 400).map(Duration::ofHours);
    Arbitrary<Duration> nanos = Arbitraries.longs().between(0, 1_000_000_000_000L)
        .map(Duration::ofNanos);
    return Arbitraries.frequencyOf(
        Tuple.of(4, anySeconds), Tuple.of(4, hours), Tuple.of(1, nanos));
  }

  @Property(tries = TRIES)
  void addThenMeasureGivesTheDurationBack(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start, @ForAll("durations") Duration duration) {
    assertThat(calendar.between(start, calendar.add(start, duration))).isEqualTo(duration);
  }

  @Property(tries = TRIES)
  void addEndsInsideBusinessHoursOrAtAClosingEdge(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start, @ForAll("durations") Duration duration) {
    Assume.that(!duration.isZero());

    Instant end = calendar.add(start, duration);

    assertThat(end).isAfter(start);
    // open just before the result: either open at the result or the result closes an interval
    assertThat(calendar.isOpen(end.minusNanos(1))).as("open just before %s", end).isTrue();
    assertThat(end).isAfter(calendar.nextOpening(start));
  }

  @Property(tries = TRIES)
  void addIsMonotonicInTheDuration(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start, @ForAll("durations") Duration a,
      @ForAll("durations") Duration b) {
    Duration shorter = a.compareTo(b) <= 0 ? a : b;
    Duration longer = a.compareTo(b) <= 0 ? b : a;

    assertThat(calendar.add(start, shorter)).isBeforeOrEqualTo(calendar.add(start, longer));
  }

  @Property(tries = TRIES)
  void addIsMonotonicInTheStart(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant a, @ForAll("instants") Instant b,
      @ForAll("durations") Duration duration) {
    Instant earlier = a.isBefore(b) ? a : b;
    Instant later = a.isBefore(b) ? b : a;

    assertThat(calendar.add(earlier, duration)).isBeforeOrEqualTo(calendar.add(later, duration));
  }

  @Property(tries = TRIES)
  void betweenIsAdditive(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant x, @ForAll("instants") Instant y, @ForAll("instants") Instant z) {
    List<Instant> sorted = List.of(x, y, z).stream().sorted().toList();
    Instant a = sorted.get(0);
    Instant b = sorted.get(1);
    Instant c = sorted.get(2);

    assertThat(calendar.between(a, b).plus(calendar.between(b, c)))
        .isEqualTo(calendar.between(a, c));
  }

  @Property(tries = TRIES)
  void nextOpeningIsOpenAndNoBusinessTimePassesBeforeIt(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant t) {
    Instant opening = calendar.nextOpening(t);

    assertThat(opening).isAfterOrEqualTo(t);
    assertThat(calendar.isOpen(opening)).isTrue();
    assertThat(calendar.between(t, opening)).isZero();
    assertThat(opening.equals(t)).isEqualTo(calendar.isOpen(t));
  }

  @Property(tries = TRIES)
  void twentyFourSevenAddEqualsPlainInstantPlus(@ForAll("alwaysOpen") BusinessCalendar calendar,
      @ForAll("instants") Instant start, @ForAll("durations") Duration duration) {
    assertThat(calendar.add(start, duration)).isEqualTo(start.plus(duration));
    assertThat(calendar.between(start, start.plus(duration))).isEqualTo(duration);
    assertThat(calendar.isOpen(start)).isTrue();
  }
}
