package dev.itsm.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that tests move by hand. Not thread-safe; tests are single-threaded. */
public final class MutableClock extends Clock {

  private Instant now;

  /** @param start the initial time */
  public MutableClock(Instant start) {
    this.now = start;
  }

  /** @param step how far to move forward @return the new time */
  public Instant advance(Duration step) {
    now = now.plus(step);
    return now;
  }

  /** @param time the new time */
  public void set(Instant time) {
    now = time;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("MutableClock is UTC only");
  }
}
