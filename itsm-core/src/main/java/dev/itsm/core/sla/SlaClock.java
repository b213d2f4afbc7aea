package dev.itsm.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A service-level clock of one record and one target, as stored. Business time is accounted as
 * {@code accumulated} (up to {@code runningSince}, or up to the last pause or stop) plus, while
 * {@code runningSince} is set, the business time since then. Use
 * {@code engine.serviceLevels().clocks(number)} for live figures.
 *
 * @param id unique id
 * @param recordNumber the measured record
 * @param process the practice, e.g. {@code incident}
 * @param targetName the target's name
 * @param kind what is measured
 * @param priority the record's priority the target was chosen for, e.g. {@code P2}
 * @param group the assignment group (operational clocks), or {@code null}
 * @param calendar the business calendar's name
 * @param target the business time allowed
 * @param warningPercents warning thresholds of the target
 * @param state the state
 * @param startedAt when the clock started
 * @param accumulated business time counted up to {@code runningSince} (or the last stop)
 * @param runningSince when the clock last started or resumed; {@code null} while not measuring
 * @param firedPercents thresholds that already fired (100 = breach), ascending
 * @param breachedAt when the target was missed, or {@code null}
 * @param stoppedAt when the clock stopped for good (met, cancelled), or {@code null}
 * @param version optimistic-locking version
 * @param tenant the tenant of the record the clock measures
 */
public record SlaClock(
    String id,
    String recordNumber,
    String process,
    String targetName,
    TargetKind kind,
    String priority,
    String group,
    String calendar,
    Duration target,
    List<Integer> warningPercents,
    SlaClockState state,
    Instant startedAt,
    Duration accumulated,
    Instant runningSince,
    List<Integer> firedPercents,
    Instant breachedAt,
    Instant stoppedAt,
    long version,
    String tenant) {

  /** Copies the lists. */
  public SlaClock {
    warningPercents = List.copyOf(warningPercents);
    firedPercents = firedPercents.stream().sorted().distinct().toList();
    tenant = tenant == null ? dev.itsm.core.Actor.DEFAULT_TENANT : tenant;
  }

  /**
   * A clock of a record of the default tenant.
   *
   * @param id the clock id
   * @param recordNumber the record
   * @param process the practice
   * @param targetName the target's name
   * @param kind the kind
   * @param priority the priority
   * @param group the group
   * @param calendar the calendar
   * @param target the target duration
   * @param warningPercents warning thresholds
   * @param state the state
   * @param startedAt start time
   * @param accumulated business time counted
   * @param runningSince when it last started measuring
   * @param firedPercents thresholds fired
   * @param breachedAt breach time
   * @param stoppedAt stop time
   * @param version optimistic-locking version
   */
  public SlaClock(String id, String recordNumber, String process, String targetName,
      TargetKind kind, String priority, String group, String calendar, Duration target,
      List<Integer> warningPercents, SlaClockState state, Instant startedAt,
      Duration accumulated, Instant runningSince, List<Integer> firedPercents,
      Instant breachedAt, Instant stoppedAt, long version) {
    this(id, recordNumber, process, targetName, kind, priority, group, calendar, target,
        warningPercents, state, startedAt, accumulated, runningSince, firedPercents, breachedAt,
        stoppedAt, version, null);
  }

  /** @return whether business time is being counted */
  public boolean isMeasuring() {
    return runningSince != null;
  }
}
