package dev.itsm.bpmn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the library and the process engine. ITSM milestones and BPMN timers read the
 * same time, so tests and demos can move time forward and see timers fire on the job executor.
 *
 * <p>Moving time is process-wide (the engine's clock is static); do it in tests, demos and example
 * flows only.
 *
 * <pre>{@code
 * EngineClock.advance(Duration.ofDays(4));   // the auto-close timer is now due
 * ...
 * EngineClock.reset();                       // back to the system clock
 * }</pre>
 */
public final class EngineClock extends Clock {

  private static final EngineClock INSTANCE = new EngineClock();

  private EngineClock() {}

  /** @return the clock the library uses, as a {@link Clock} in UTC */
  public static Clock clock() {
    return INSTANCE;
  }

  /** @return the current time of the engine */
  public static Instant now() {
    return ClockUtil.now().toInstant();
  }

  /**
   * Moves the clock forward; time keeps running from there.
   *
   * @param amount how far, not negative
   * @return the new current time
   */
  public static synchronized Instant advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot move the clock backwards by " + amount);
    }
    long offset = now().toEpochMilli() - System.currentTimeMillis() + amount.toMillis();
    return ClockUtil.offset(offset).toInstant();
  }

  /** Returns to the system clock. */
  public static synchronized void reset() {
    ClockUtil.reset();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (zone.equals(ZoneOffset.UTC)) {
      return this;
    }
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId z) {
        return INSTANCE.withZone(z);
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  @Override
  public Instant instant() {
    return now();
  }
}
