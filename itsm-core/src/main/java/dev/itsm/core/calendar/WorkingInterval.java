package dev.itsm.core.calendar;

import java.time.LocalTime;

/**
 * One working interval of a week day as local wall-clock times; an end of {@link
 * LocalTime#MIDNIGHT} means the end of the day (24:00).
 *
 * @param start the local start time (inclusive)
 * @param end the local end time (exclusive); 00:00 stands for 24:00
 */
record WorkingInterval(LocalTime start, LocalTime end) implements Comparable<WorkingInterval> {

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /** @return the start as nanoseconds of the day */
  long startNanos() {
    return start.toNanoOfDay();
  }

  /** @return the end as nanoseconds of the day, 24:00 for an end of midnight */
  long endNanos() {
    return end.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : end.toNanoOfDay();
  }

  /** @return whether the interval starts before it ends */
  boolean isValid() {
    return startNanos() < endNanos();
  }

  /** @return whether the interval ends at midnight (24:00) */
  boolean endsAtMidnight() {
    return end.equals(LocalTime.MIDNIGHT);
  }

  /**
   * @param other another interval of the same day
   * @return whether both share some time (touching intervals do not overlap)
   */
  boolean overlaps(WorkingInterval other) {
    return startNanos() < other.endNanos() && other.startNanos() < endNanos();
  }

  @Override
  public int compareTo(WorkingInterval other) {
    int byStart = Long.compare(startNanos(), other.startNanos());
    return byStart != 0 ? byStart : Long.compare(endNanos(), other.endNanos());
  }

  @Override
  public String toString() {
    return start + "-" + (endsAtMidnight() ? "24:00" : end.toString());
  }
}
