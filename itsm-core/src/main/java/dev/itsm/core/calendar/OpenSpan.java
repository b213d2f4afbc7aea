package dev.itsm.core.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of real time during which a calendar is open: a working interval placed on a date.
 *
 * @param start the first open instant (inclusive)
 * @param end the closing instant (exclusive), after {@code start}
 */
record OpenSpan(Instant start, Instant end) {

  /** @param t an instant @return whether {@code t} lies in {@code [start, end)} */
  boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /**
   * @param from start of the range (inclusive)
   * @param to end of the range (exclusive)
   * @return how much of this span lies in {@code [from, to)}, never negative
   */
  Duration overlap(Instant from, Instant to) {
    Instant a = start.isAfter(from) ? start : from;
    Instant b = end.isBefore(to) ? end : to;
    return a.isBefore(b) ? Duration.between(a, b) : Duration.ZERO;
  }
}
