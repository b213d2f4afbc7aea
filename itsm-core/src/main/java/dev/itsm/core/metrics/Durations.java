package dev.itsm.core.metrics;

import java.time.Duration;

/** Formats durations for the figures' tables. */
final class Durations {

  private Durations() {}

  /**
   * @param d a duration, or {@code null}
   * @return e.g. {@code "1 d 2 h"}, {@code "3 h 05 min"}, {@code "12 min"}, {@code "40 s"}, or
   *     {@code "–"} for {@code null}
   */
  static String format(Duration d) {
    if (d == null) {
      return "–";
    }
    long s = d.getSeconds();
    long days = s / 86_400;
    long hours = s % 86_400 / 3600;
    long minutes = s % 3600 / 60;
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    if (hours > 0) {
      return hours + " h " + String.format("%02d", minutes) + " min";
    }
    if (minutes > 0) {
      return minutes + " min";
    }
    return s + " s";
  }
}
