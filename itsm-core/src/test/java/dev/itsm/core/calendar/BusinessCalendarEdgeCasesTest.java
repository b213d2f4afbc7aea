package dev.itsm.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarEdgeCasesTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Mon-Fri 09:00-17:00; Wednesday 2026-03-04 is a holiday. Monday 2026-03-02 starts the week. */
  static final BusinessCalendar OFFICE = BusinessCalendar.builder("office", BERLIN)
      .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
      .holiday(LocalDate.of(2026, 3, 4))
      .build();

  /** Every night 01:00-05:00, an interval that spans the 02:00-03:00 DST switch. */
  static final BusinessCalendar NIGHT_SHIFT = everyDay("night-shift", BERLIN, LocalTime.of(1, 0),
      LocalTime.of(5, 0));

  static BusinessCalendar everyDay(String name, ZoneId zone, LocalTime start, LocalTime end) {
    BusinessCalendar.Builder b = BusinessCalendar.builder(name, zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      b.hours(day, start, end);
    }
    return b.build();
  }

  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  static Instant newYork(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  @Test
  void weekOfTheFixturesStartsOnMonday() {
    assertThat(LocalDate.of(2026, 3, 2).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(LocalDate.of(2026, 3, 29).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(LocalDate.of(2026, 10, 25).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
  }

  @Test
  void springForwardNightCountsTheRealElapsedTime() {
    // 2026-03-29 02:00 CET -> 03:00 CEST: 01:00-05:00 lasts 3 real hours
    assertThat(NIGHT_SHIFT.between(berlin("2026-03-29T01:00"), berlin("2026-03-29T05:00")))
        .isEqualTo(Duration.ofHours(3));
    assertThat(NIGHT_SHIFT.between(berlin("2026-03-28T01:00"), berlin("2026-03-28T05:00")))
        .isEqualTo(Duration.ofHours(4));
    assertThat(NIGHT_SHIFT.add(berlin("2026-03-29T01:00"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-29T03:00"));
    assertThat(NIGHT_SHIFT.add(berlin("2026-03-29T01:00"), Duration.ofHours(3)))
        .isEqualTo(berlin("2026-03-29T05:00"));
    assertThat(NIGHT_SHIFT.add(berlin("2026-03-29T01:00"), Duration.ofHours(4)))
        .isEqualTo(berlin("2026-03-30T02:00"));
  }

  @Test
  void fallBackNightCountsTheRealElapsedTime() {
    // 2026-10-25 03:00 CEST -> 02:00 CET: 01:00-05:00 lasts 5 real hours
    assertThat(NIGHT_SHIFT.between(berlin("2026-10-25T01:00"), berlin("2026-10-25T05:00")))
        .isEqualTo(Duration.ofHours(5));
    Instant secondTwoOClock = LocalDateTime.parse("2026-10-25T02:00").atZone(BERLIN)
        .withLaterOffsetAtOverlap().toInstant();
    assertThat(NIGHT_SHIFT.add(berlin("2026-10-25T01:00"), Duration.ofHours(2)))
        .isEqualTo(secondTwoOClock);
    assertThat(NIGHT_SHIFT.add(berlin("2026-10-25T01:00"), Duration.ofHours(5)))
        .isEqualTo(berlin("2026-10-25T05:00"));
    assertThat(NIGHT_SHIFT.isOpen(secondTwoOClock.plusSeconds(1800))).isTrue();
  }

  @Test
  void startInsideTheDstGapResolvesForward() {
    // 02:30 does not exist on 2026-03-29; java.time moves it forward by the gap to 03:30 CEST
    BusinessCalendar c = BusinessCalendar.builder("gap", BERLIN)
        .hours(DayOfWeek.SUNDAY, LocalTime.of(2, 30), LocalTime.of(4, 0))
        .build();

    assertThat(c.nextOpening(berlin("2026-03-29T00:00"))).isEqualTo(berlin("2026-03-29T03:30"));
    assertThat(c.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T06:00")))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void localTimeOccurringTwiceOnFallBackTakesTheEarlierOffset() {
    // 02:30 happens twice on 2026-10-25; an interval ending then ends at the first (CEST) one
    BusinessCalendar c = BusinessCalendar.builder("until-0230", BERLIN)
        .hours(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(2, 30))
        .build();

    assertThat(c.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T06:00")))
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(c.add(berlin("2026-10-25T01:00"), Duration.ofMinutes(90)))
        .isEqualTo(berlin("2026-10-25T02:30"))
        .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
  }

  @Test
  void intervalsThatTheDstGapMakesCoincideAreCountedOnce() {
    // 02:15-02:45 moves forward to 03:15-03:45 CEST, inside 03:00-04:00
    BusinessCalendar c = BusinessCalendar.builder("gap-overlap", BERLIN)
        .hours(DayOfWeek.SUNDAY, LocalTime.of(2, 15), LocalTime.of(2, 45))
        .hours(DayOfWeek.SUNDAY, LocalTime.of(3, 0), LocalTime.of(4, 0))
        .build();
    Instant start = berlin("2026-03-29T00:00");

    assertThat(c.between(start, berlin("2026-03-29T12:00"))).isEqualTo(Duration.ofHours(1));
    assertThat(c.add(start, Duration.ofHours(1))).isEqualTo(berlin("2026-03-29T04:00"));
  }

  @Test
  void dateSkippedByTheZoneHasNoBusinessTime() {
    // Pacific/Apia skipped Friday 2011-12-30 entirely (UTC-10 -> UTC+14)
    ZoneId apia = ZoneId.of("Pacific/Apia");
    BusinessCalendar c = BusinessCalendar.builder("apia-office", apia)
        .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
        .build();
    Instant thursday = LocalDateTime.parse("2011-12-29T00:00").atZone(apia).toInstant();
    Instant monday = LocalDateTime.parse("2012-01-02T00:00").atZone(apia).toInstant();

    assertThat(c.between(thursday, monday.plus(Duration.ofDays(1))))
        .isEqualTo(Duration.ofHours(16));
    assertThat(c.add(thursday, Duration.ofHours(9)))
        .isEqualTo(LocalDateTime.parse("2012-01-02T10:00").atZone(apia).toInstant());
    assertThat(BusinessCalendar.twentyFourSeven("apia-24x7", apia).between(thursday, monday))
        .isEqualTo(Duration.between(thursday, monday));
  }

  @Test
  void holidayInTheMiddleOfADurationIsSkipped() {
    // Tue 15:00 + 4 h: 2 h on Tuesday, Wednesday is a holiday, 2 h on Thursday
    Instant due = OFFICE.add(berlin("2026-03-03T15:00"), Duration.ofHours(4));

    assertThat(due).isEqualTo(berlin("2026-03-05T11:00"));
    assertThat(OFFICE.between(berlin("2026-03-03T15:00"), due)).isEqualTo(Duration.ofHours(4));
    assertThat(OFFICE.isOpen(berlin("2026-03-04T12:00"))).isFalse();
  }

  @Test
  void weekendIsSkipped() {
    assertThat(OFFICE.add(berlin("2026-03-06T16:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-03-09T10:00"));
    assertThat(OFFICE.between(berlin("2026-03-06T16:00"), berlin("2026-03-09T10:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void startBeforeOpeningOnTheSameDayStartsAtOpening() {
    assertThat(OFFICE.nextOpening(berlin("2026-03-02T07:30"))).isEqualTo(berlin("2026-03-02T09:00"));
    assertThat(OFFICE.add(berlin("2026-03-02T07:30"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-02T10:00"));
  }

  @Test
  void startAfterClosingStartsAtTheNextOpening() {
    assertThat(OFFICE.nextOpening(berlin("2026-03-02T18:00"))).isEqualTo(berlin("2026-03-03T09:00"));
    assertThat(OFFICE.add(berlin("2026-03-02T18:00"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-03T10:00"));
  }

  @Test
  void startOnSaturdayStartsOnMonday() {
    assertThat(OFFICE.isOpen(berlin("2026-03-07T12:00"))).isFalse();
    assertThat(OFFICE.add(berlin("2026-03-07T12:00"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-09T10:00"));
  }

  @Test
  void startOnAHolidayStartsOnTheNextWorkingDay() {
    assertThat(OFFICE.nextOpening(berlin("2026-03-04T10:00"))).isEqualTo(berlin("2026-03-05T09:00"));
    assertThat(OFFICE.add(berlin("2026-03-04T10:00"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-05T10:00"));
  }

  @Test
  void targetEndingExactlyAtClosingReturnsClosingTime() {
    assertThat(OFFICE.add(berlin("2026-03-02T09:00"), Duration.ofHours(8)))
        .isEqualTo(berlin("2026-03-02T17:00"));
    assertThat(OFFICE.add(berlin("2026-03-06T16:00"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-06T17:00"));
    // one nanosecond more moves on to the next opening
    assertThat(OFFICE.add(berlin("2026-03-06T16:00"), Duration.ofHours(1).plusNanos(1)))
        .isEqualTo(berlin("2026-03-09T09:00").plusNanos(1));
  }

  @Test
  void severalIntervalsADaySkipTheLunchBreak() {
    BusinessCalendar c = BusinessCalendar.builder("support-ny", NEW_YORK)
        .weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0))
        .weekdays(LocalTime.of(13, 0), LocalTime.of(17, 0))
        .build();

    assertThat(c.add(newYork("2026-03-02T11:00"), Duration.ofHours(2)))
        .isEqualTo(newYork("2026-03-02T14:00"));
    assertThat(c.add(newYork("2026-03-02T11:00"), Duration.ofHours(1)))
        .isEqualTo(newYork("2026-03-02T12:00"));
    assertThat(c.isOpen(newYork("2026-03-02T12:30"))).isFalse();
    assertThat(c.nextOpening(newYork("2026-03-02T12:30"))).isEqualTo(newYork("2026-03-02T13:00"));
    assertThat(c.between(newYork("2026-03-02T07:00"), newYork("2026-03-02T18:00")))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void intervalEndingAtMidnightRunsToTheEndOfTheDay() {
    BusinessCalendar c = BusinessCalendar.builder("late", BERLIN)
        .weekdays(LocalTime.of(18, 0), LocalTime.MIDNIGHT)
        .build();

    assertThat(c.isOpen(berlin("2026-03-02T23:59:59"))).isTrue();
    assertThat(c.isOpen(berlin("2026-03-03T00:00"))).isFalse();
    assertThat(c.between(berlin("2026-03-02T00:00"), berlin("2026-03-03T00:00")))
        .isEqualTo(Duration.ofHours(6));
    // ends exactly at 24:00: the closing edge, not the next opening
    assertThat(c.add(berlin("2026-03-02T23:00"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-03T00:00"));
    assertThat(c.add(berlin("2026-03-02T23:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-03-03T19:00"));
  }

  @Test
  void shiftSplitAtMidnightRunsOnWithoutAGap() {
    BusinessCalendar c = BusinessCalendar.builder("overnight", BERLIN)
        .hours(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT)
        .hours(DayOfWeek.TUESDAY, LocalTime.MIDNIGHT, LocalTime.of(6, 0))
        .build();

    assertThat(c.add(berlin("2026-03-02T23:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-03-03T01:00"));
    assertThat(c.between(berlin("2026-03-02T12:00"), berlin("2026-03-03T12:00")))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void startExactlyAtOpening() {
    Instant opening = berlin("2026-03-02T09:00");

    assertThat(OFFICE.isOpen(opening)).isTrue();
    assertThat(OFFICE.isOpen(opening.minusNanos(1))).isFalse();
    assertThat(OFFICE.nextOpening(opening)).isEqualTo(opening);
    assertThat(OFFICE.add(opening, Duration.ofMinutes(30))).isEqualTo(berlin("2026-03-02T09:30"));
  }

  @Test
  void startExactlyAtClosing() {
    Instant closing = berlin("2026-03-02T17:00");

    assertThat(OFFICE.isOpen(closing)).isFalse();
    assertThat(OFFICE.isOpen(closing.minusNanos(1))).isTrue();
    assertThat(OFFICE.nextOpening(closing)).isEqualTo(berlin("2026-03-03T09:00"));
    assertThat(OFFICE.add(closing, Duration.ofMinutes(30))).isEqualTo(berlin("2026-03-03T09:30"));
    assertThat(OFFICE.between(closing, berlin("2026-03-03T09:00"))).isZero();
  }

  @Test
  void addZeroReturnsTheStartUnchanged() {
    Instant saturday = berlin("2026-03-07T12:00");
    Instant monday = berlin("2026-03-02T10:00");

    assertThat(OFFICE.add(saturday, Duration.ZERO)).isEqualTo(saturday);
    assertThat(OFFICE.add(monday, Duration.ZERO)).isEqualTo(monday);
    assertThat(OFFICE.between(saturday, saturday)).isZero();
  }

  @Test
  void negativeDurationIsRejected() {
    assertThatThrownBy(() -> OFFICE.add(berlin("2026-03-02T10:00"), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative")
        .hasMessageContaining("PT-1S")
        .hasMessageContaining("office");
  }

  @Test
  void betweenWithToBeforeFromIsRejectedNamingBoth() {
    Instant from = berlin("2026-03-03T10:00");
    Instant to = berlin("2026-03-02T10:00");

    assertThatThrownBy(() -> OFFICE.between(from, to))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(from.toString())
        .hasMessageContaining(to.toString())
        .hasMessageContaining("pass the earlier instant first");
  }

  @Test
  void builderWithSeveralProblemsReportsThemAll() {
    assertThatThrownBy(() -> BusinessCalendar.builder(" ", BERLIN)
        .hours(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(9, 0))
        .hours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
        .hours(DayOfWeek.TUESDAY, LocalTime.of(11, 0), LocalTime.of(13, 0))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fix these 3 problems")
        .hasMessageContaining("name is blank")
        .hasMessageContaining("17:00-09:00 on [MONDAY] does not start before it ends")
        .hasMessageContaining("TUESDAY 08:00-12:00 overlaps 11:00-13:00");

    assertThatThrownBy(() -> BusinessCalendar.builder("empty", null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fix these 2 problems")
        .hasMessageContaining("zone is missing")
        .hasMessageContaining("no working hours");

    // the same bad interval on five days is reported once, naming the days
    assertThatThrownBy(() -> BusinessCalendar.builder("backwards", BERLIN)
        .weekdays(LocalTime.of(17, 0), LocalTime.of(9, 0))
        .build())
        .hasMessageContaining("fix this problem")
        .hasMessageContaining("[MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]");
  }

  @Test
  void touchingIntervalsAndWholeDaysAreValid() {
    BusinessCalendar c = BusinessCalendar.builder("touching", BERLIN)
        .hours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
        .hours(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(17, 0))
        .hours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
        .build();

    assertThat(c.isOpen(berlin("2026-03-02T12:00"))).isTrue();
    assertThat(c.between(berlin("2026-03-01T00:00"), berlin("2026-03-03T00:00")))
        .isEqualTo(Duration.ofHours(24 + 9));
  }

  @Test
  void neverOpeningCalendarFailsClearly() {
    List<LocalDate> everyMonday = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 5); d.getYear() < 2040; d = d.plusWeeks(1)) {
      everyMonday.add(d);
    }
    BusinessCalendar c = BusinessCalendar.builder("mondays-off", BERLIN)
        .hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))
        .holidays(everyMonday)
        .build();
    Instant start = berlin("2026-01-01T00:00");

    assertThatThrownBy(() -> c.nextOpening(start))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'mondays-off' has no working time for")
        .hasMessageContaining("check its working hours and holidays");
    assertThatThrownBy(() -> c.add(start, Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'mondays-off'");
    // the guard is about a stretch without work, not about how far a long duration reaches
    assertThat(c.nextOpening(berlin("2039-06-01T00:00"))).isEqualTo(berlin("2040-01-02T09:00"));
  }

  @Test
  void longHolidayStretchWithinTenYearsIsStillSearched() {
    List<LocalDate> closed = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2035; d = d.plusDays(1)) {
      closed.add(d);
    }
    BusinessCalendar c = BusinessCalendar.builder("sabbatical", BERLIN)
        .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
        .holidays(closed)
        .build();

    assertThat(c.nextOpening(berlin("2026-01-01T00:00"))).isEqualTo(berlin("2035-01-01T09:00"));
  }

  @Test
  void twentyFourSevenIsAlwaysOpen() {
    BusinessCalendar utc = BusinessCalendar.twentyFourSeven("24x7");
    BusinessCalendar berlin = BusinessCalendar.twentyFourSeven("24x7-berlin", BERLIN);
    Instant beforeFallBack = berlin("2026-10-24T12:00");

    assertThat(utc.zone()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThat(utc.name()).isEqualTo("24x7");
    assertThat(berlin.isOpen(berlin("2026-03-29T02:30"))).isTrue();
    assertThat(berlin.add(beforeFallBack, Duration.ofHours(48)))
        .isEqualTo(beforeFallBack.plus(Duration.ofHours(48)));
    assertThat(utc.between(beforeFallBack, beforeFallBack.plus(Duration.ofDays(400))))
        .isEqualTo(Duration.ofDays(400));
  }

  @Test
  void aYearOfBusinessTimeRoundTrips() {
    // speed belongs in a benchmark, not a timed test; this checks correctness over a long span
    Instant start = berlin("2026-01-01T00:00");
    Duration year = Duration.ofHours(8L * 250);
    for (int i = 0; i < 20; i++) {
      Instant due = OFFICE.add(start.plusSeconds(3600L * i), year);
      assertThat(OFFICE.between(start.plusSeconds(3600L * i), due)).isEqualTo(year);
      assertThat(due).isAfter(start.plus(Duration.ofDays(300)));
    }
  }

  @Test
  void calendarsAreLookedUpByName() {
    BusinessCalendar always = BusinessCalendar.twentyFourSeven("24x7");
    BusinessCalendars calendars = BusinessCalendars.of(OFFICE, always);

    assertThat(calendars.get("24x7")).isSameAs(always);
    assertThat(calendars.find("office")).containsSame(OFFICE);
    assertThat(calendars.find("nope")).isEmpty();
    assertThat(calendars.names()).containsExactly("office", "24x7");
    assertThatThrownBy(() -> calendars.names().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void calendarsLookupErrorsListTheKnownNames() {
    BusinessCalendars calendars = BusinessCalendars.of(OFFICE,
        BusinessCalendar.twentyFourSeven("24x7"));

    assertThatThrownBy(() -> calendars.get("ofice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no business calendar named 'ofice'")
        .hasMessageContaining("[office, 24x7]");
    assertThatThrownBy(() -> BusinessCalendars.of().get("office"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none are registered");
    assertThatThrownBy(() -> BusinessCalendars.of(OFFICE, BusinessCalendar.twentyFourSeven("office")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[office]")
        .hasMessageContaining("give each calendar its own name");
  }
}
