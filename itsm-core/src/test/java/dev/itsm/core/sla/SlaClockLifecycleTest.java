package dev.itsm.core.sla;

import dev.itsm.core.Actor;
import static dev.itsm.core.sla.SlaFixture.OFFICE;
import static dev.itsm.core.sla.SlaFixture.PROCESS;
import static dev.itsm.core.sla.SlaFixture.T0;
import static dev.itsm.core.sla.SlaFixture.berlin;
import static dev.itsm.core.sla.SlaClockEntry.Kind.BREACHED;
import static dev.itsm.core.sla.SlaClockEntry.Kind.CANCELLED;
import static dev.itsm.core.sla.SlaClockEntry.Kind.PAUSED;
import static dev.itsm.core.sla.SlaClockEntry.Kind.RESUMED;
import static dev.itsm.core.sla.SlaClockEntry.Kind.RETARGETED;
import static dev.itsm.core.sla.SlaClockEntry.Kind.STARTED;
import static dev.itsm.core.sla.SlaClockEntry.Kind.STOPPED;
import static dev.itsm.core.sla.SlaClockEntry.Kind.WARNING;
import static dev.itsm.core.sla.RecordingWorkflow.Type.CHANGE;
import static dev.itsm.core.sla.RecordingWorkflow.Type.START;
import static dev.itsm.core.sla.RecordingWorkflow.Type.STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsm.core.incident.Priority;
import dev.itsm.core.sla.RecordingWorkflow.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clock lifecycle without an engine: start, pause, resume, achieve, cancel, continue after a
 * reopen, re-target; the history it writes and what it tells the process side.
 */
class SlaClockLifecycleTest {

  static final String INC = "INC0000001";
  static final Duration MIN = Duration.ofMinutes(1);
  static final Duration H = Duration.ofHours(1);

  /**
   * P1 response 15 min, P2 response 30 min (24x7); P1 resolution 4 h, P2 resolution 8 h (24x7);
   * P3 resolution 8 h on the office calendar (Mon–Fri 09–17 Berlin); network OLA 2 h (warning 50).
   */
  static ServiceLevels levels(boolean reopenContinues) {
    return ServiceLevels.builder().calendars(OFFICE)
        .target(SlaFixture.response(Priority.P1, Duration.ofMinutes(15)).build())
        .target(SlaFixture.response(Priority.P2, Duration.ofMinutes(30)).build())
        .target(SlaFixture.resolution(Priority.P1, Duration.ofHours(4)).build())
        .target(SlaFixture.resolution(Priority.P2, Duration.ofHours(8)).build())
        .target(SlaFixture.resolution(Priority.P3, Duration.ofHours(8)).calendar("office")
            .build())
        .target(ServiceLevelTarget.operational("network OLA", "network")
            .within(Duration.ofHours(2)).warnings(50).build())
        .reopenContinuesResolution(reopenContinues)
        .build();
  }

  SlaFixture f;

  @BeforeEach
  void setUp() {
    f = SlaFixture.of(levels(true));
  }

  SlaClock p2Resolution() {
    return f.start(INC, TargetKind.RESOLUTION, Priority.P2);
  }

  // --- start -------------------------------------------------------------------------------------

  @Test
  void startRunsWithTheTargetsFiguresAndTellsTheProcess() {
    SlaClock c = f.sla.start(PROCESS, INC, TargetKind.RESOLUTION, Priority.P2, "payroll", "alice",
        "network", true, null).orElseThrow();

    assertThat(c).extracting(SlaClock::recordNumber, SlaClock::process, SlaClock::targetName,
            SlaClock::kind, SlaClock::priority, SlaClock::group, SlaClock::calendar,
            SlaClock::target, SlaClock::warningPercents, SlaClock::state, SlaClock::startedAt,
            SlaClock::accumulated, SlaClock::runningSince, SlaClock::firedPercents,
            SlaClock::breachedAt, SlaClock::stoppedAt, SlaClock::version)
        .containsExactly(INC, "incident", "P2 resolution", TargetKind.RESOLUTION, "P2",
            null /* only operational clocks keep the group */, "24x7", Duration.ofHours(8),
            List.of(50, 75, 90), SlaClockState.RUNNING, T0, Duration.ZERO, T0, List.of(), null,
            null, 1L);
    assertThat(f.store.find(c.id())).contains(c);
    ClockStatus s = f.status(c.id());
    assertThat(s.dueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
    assertThat(s.elapsed()).isZero();
    assertThat(s.remaining()).isEqualTo(Duration.ofHours(8));
    assertThat(f.workflow.calls).containsExactly(
        new Call(START, c, T0.plus(Duration.ofHours(4))));
    assertThat(f.sla.history(Actor.system(), c.id())).containsExactly(new SlaClockEntry(c.id(), T0,
        SlaClockEntry.Kind.STARTED, "P2 resolution: PT8H on calendar 24x7"));
  }

  @Test
  void operationalClockKeepsItsGroup() {
    SlaClock ola = f.start(INC, TargetKind.OPERATIONAL, Priority.P4, "network");

    assertThat(ola.group()).isEqualTo("network");
    assertThat(ola.targetName()).isEqualTo("network OLA");
    assertThat(ola.warningPercents()).containsExactly(50);
  }

  @Test
  void noApplicableTargetStartsNothing() {
    Optional<SlaClock> none = f.sla.start(PROCESS, INC, TargetKind.RESPONSE, Priority.P5, null,
        null, null, true, null);
    Optional<SlaClock> noOla = f.sla.start(PROCESS, INC, TargetKind.OPERATIONAL, Priority.P1,
        null, null, "database", true, null);

    assertThat(none).isEmpty();
    assertThat(noOla).isEmpty();
    assertThat(f.store.forRecord(INC)).isEmpty();
    assertThat(f.workflow.calls).isEmpty();
  }

  @Test
  void startingPausedMeasuresNothingUntilResumed() {
    SlaClock c = f.sla.start(PROCESS, INC, TargetKind.RESOLUTION, Priority.P2, null, null, null,
        false, null).orElseThrow();
    f.advance(H.multipliedBy(3));

    assertThat(c.state()).isEqualTo(SlaClockState.PAUSED);
    assertThat(c.runningSince()).isNull();
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::dueAt)
        .containsExactly(Duration.ZERO, null);
    assertThat(f.workflow.calls).containsExactly(new Call(START, c, null));
    assertThat(f.sla.history(Actor.system(), c.id()).get(0).detail()).endsWith("(paused)");

    f.sla.resume(INC, "resumed", TargetKind.RESOLUTION);
    assertThat(f.status(c.id()).dueAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(8)));
  }

  @Test
  void anEarlierStartTimeCountsFromThere() {
    f.clock.set(T0.plus(Duration.ofMinutes(20)));
    SlaClock c = f.sla.start(PROCESS, INC, TargetKind.RESPONSE, Priority.P2, null, null, null,
        true, T0).orElseThrow();

    assertThat(c.startedAt()).isEqualTo(T0);
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::remaining,
            ClockStatus::percent, ClockStatus::dueAt)
        .containsExactly(Duration.ofMinutes(20), Duration.ofMinutes(10), 66,
            T0.plus(Duration.ofMinutes(30)));
    assertThat(f.sla.history(Actor.system(), c.id()).get(0).at()).isEqualTo(T0);
  }

  @Test
  void onAnOfficeCalendarAClockStartedOutsideHoursCountsFromTheNextOpening() {
    f.clock.set(berlin("2024-03-09T10:00")); // Saturday
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P3);

    assertThat(c.calendar()).isEqualTo("office");
    assertThat(f.status(c.id()).dueAt()).isEqualTo(berlin("2024-03-11T17:00")); // Monday
    assertThat(f.workflow.calls).containsExactly(
        new Call(START, c, berlin("2024-03-11T13:00")));

    f.clock.set(berlin("2024-03-10T23:00")); // Sunday night: nothing counted yet
    assertThat(f.status(c.id()).elapsed()).isZero();
    f.clock.set(berlin("2024-03-11T10:00")); // Monday, one business hour
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::remaining,
            ClockStatus::percent)
        .containsExactly(H, Duration.ofHours(7), 12);
  }

  @Test
  void onAnOfficeCalendarFridayAfternoonPlusTwoHoursIsMondayMorning() {
    ServiceLevels levels = ServiceLevels.builder().calendars(OFFICE)
        .target(SlaFixture.response(Priority.P3, Duration.ofHours(2)).calendar("office").build())
        .build();
    SlaFixture office = SlaFixture.of(levels);
    office.clock.set(berlin("2024-03-08T16:00"));
    SlaClock c = office.start(INC, TargetKind.RESPONSE, Priority.P3);

    assertThat(office.status(c.id()).dueAt()).isEqualTo(berlin("2024-03-11T10:00"));
    // 50 % (1 h) is reached at closing time on Friday
    assertThat(office.workflow.calls.get(0).next()).isEqualTo(berlin("2024-03-08T17:00"));
  }

  // --- pause and resume --------------------------------------------------------------------------

  @Test
  void pauseBanksTheElapsedTimeAndClearsTheDueTime() {
    SlaClock c = p2Resolution();
    Instant pausedAt = f.advance(H.multipliedBy(2));

    f.sla.pause(INC, "on hold: AWAITING_CALLER", TargetKind.RESOLUTION);
    f.advance(H.multipliedBy(10));

    SlaClock p = f.clock(c.id());
    assertThat(p).extracting(SlaClock::state, SlaClock::accumulated, SlaClock::runningSince,
            SlaClock::stoppedAt, SlaClock::version)
        .containsExactly(SlaClockState.PAUSED, Duration.ofHours(2), null, null, 2L);
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::remaining,
            ClockStatus::percent, ClockStatus::dueAt)
        .containsExactly(Duration.ofHours(2), Duration.ofHours(6), 25, null);
    assertThat(f.sla.history(Actor.system(), c.id()).get(1))
        .isEqualTo(new SlaClockEntry(c.id(), pausedAt, PAUSED, "on hold: AWAITING_CALLER"));
    assertThat(f.workflow.of(c.id())).last().isEqualTo(new Call(CHANGE, p, null));
  }

  @Test
  void resumeContinuesFromTheBankedTime() {
    SlaClock c = p2Resolution();
    f.advance(H.multipliedBy(2));
    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    Instant resumedAt = f.advance(H.multipliedBy(5));

    f.sla.resume(INC, "resumed", TargetKind.RESOLUTION);
    f.advance(H);

    SlaClock r = f.clock(c.id());
    assertThat(r).extracting(SlaClock::state, SlaClock::accumulated, SlaClock::runningSince)
        .containsExactly(SlaClockState.RUNNING, Duration.ofHours(2), resumedAt);
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::dueAt)
        .containsExactly(Duration.ofHours(3), resumedAt.plus(Duration.ofHours(6)));
  }

  @Test
  void pauseAndResumeTouchOnlyTheGivenKindsAndOnlyOnce() {
    SlaClock response = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    SlaClock resolution = p2Resolution();
    f.start("INC0000002", TargetKind.RESOLUTION, Priority.P2);
    f.advance(H);

    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    f.sla.pause(INC, "hold again", TargetKind.RESOLUTION); // already paused: nothing
    f.sla.resume(INC, "resumed", TargetKind.RESPONSE);       // running: nothing

    assertThat(f.clock(response.id()).state()).isEqualTo(SlaClockState.RUNNING);
    assertThat(f.clock(response.id()).version()).isEqualTo(1);
    assertThat(f.clock(resolution.id()).version()).isEqualTo(2);
    assertThat(f.store.forRecord("INC0000002")).singleElement()
        .extracting(SlaClock::state).isEqualTo(SlaClockState.RUNNING);
    assertThat(f.historyKinds(resolution.id())).containsExactly(STARTED, PAUSED);
    assertThat(f.historyKinds(response.id())).containsExactly(STARTED);
  }

  @Test
  void pauseAndResumeOfABreachedClockKeepItBreached() {
    SlaClock c = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    Instant breachedAt = f.advance(Duration.ofMinutes(31));
    f.sla.thresholdDue(c.id());
    assertThat(f.clock(c.id()).state()).isEqualTo(SlaClockState.BREACHED);

    f.advance(MIN);
    f.sla.pause(INC, "hold", TargetKind.RESPONSE);
    SlaClock paused = f.clock(c.id());
    f.advance(H);
    f.sla.resume(INC, "resumed", TargetKind.RESPONSE);
    SlaClock resumed = f.clock(c.id());

    assertThat(paused).extracting(SlaClock::state, SlaClock::runningSince, SlaClock::accumulated,
            SlaClock::breachedAt)
        .containsExactly(SlaClockState.BREACHED, null, Duration.ofMinutes(32), breachedAt);
    assertThat(resumed).extracting(SlaClock::state, SlaClock::runningSince, SlaClock::breachedAt,
            SlaClock::firedPercents)
        .containsExactly(SlaClockState.BREACHED, f.clock.instant(), breachedAt,
            List.of(50, 75, 90, 100));
    assertThat(f.workflow.of(c.id())).last().isEqualTo(new Call(CHANGE, resumed, null));
  }

  // --- achieve and cancel ------------------------------------------------------------------------

  @Test
  void achieveStopsTheClockAsMet() {
    SlaClock c = p2Resolution();
    f.advance(H);
    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    f.advance(H);
    f.sla.resume(INC, "resumed", TargetKind.RESOLUTION);
    Instant metAt = f.advance(H.multipliedBy(2));

    f.sla.achieve(INC, TargetKind.RESOLUTION);
    f.advance(H.multipliedBy(20));

    SlaClock a = f.clock(c.id());
    assertThat(a).extracting(SlaClock::state, SlaClock::accumulated, SlaClock::runningSince,
            SlaClock::stoppedAt, SlaClock::breachedAt)
        .containsExactly(SlaClockState.ACHIEVED, Duration.ofHours(3), null, metAt, null);
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::dueAt)
        .containsExactly(Duration.ofHours(3), null);
    assertThat(f.sla.history(Actor.system(), c.id())).last().isEqualTo(
        new SlaClockEntry(c.id(), metAt, STOPPED, "met after PT3H of PT8H"));
    assertThat(f.workflow.of(c.id())).last().isEqualTo(new Call(STOP, a, null));
  }

  @Test
  void achievingAgainChangesNothing() {
    SlaClock c = p2Resolution();
    f.advance(H);
    f.sla.achieve(INC, TargetKind.RESOLUTION);
    int calls = f.workflow.calls.size();
    f.advance(H);

    f.sla.achieve(INC, TargetKind.RESOLUTION);
    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    f.sla.resume(INC, "resume", TargetKind.RESOLUTION);

    assertThat(f.clock(c.id()).version()).isEqualTo(2);
    assertThat(f.workflow.calls).hasSize(calls);
  }

  @Test
  void achieveAfterTheBreachKeepsItBreached() {
    SlaClock c = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    Instant breachedAt = f.advance(Duration.ofMinutes(45));
    f.sla.thresholdDue(c.id());
    Instant stoppedAt = f.advance(Duration.ofMinutes(15));

    f.sla.achieve(INC, TargetKind.RESPONSE);

    assertThat(f.clock(c.id())).extracting(SlaClock::state, SlaClock::breachedAt,
            SlaClock::stoppedAt, SlaClock::accumulated, SlaClock::runningSince)
        .containsExactly(SlaClockState.BREACHED, breachedAt, stoppedAt, H, null);
    assertThat(f.sla.history(Actor.system(), c.id())).last().extracting(SlaClockEntry::kind,
            SlaClockEntry::detail)
        .containsExactly(STOPPED, "stopped after the breach after PT1H of PT30M");
    assertThat(f.sla.breached(Actor.system(), null)).isEmpty();
  }

  @Test
  void cancelAllCancelsEveryActiveClockOfTheRecord() {
    SlaClock response = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    SlaClock resolution = p2Resolution();
    SlaClock ola = f.start(INC, TargetKind.OPERATIONAL, Priority.P2, "network");
    SlaClock other = f.start("INC0000002", TargetKind.RESOLUTION, Priority.P2);
    f.advance(Duration.ofMinutes(10));
    f.sla.achieve(INC, TargetKind.RESPONSE);
    f.advance(Duration.ofMinutes(10));
    f.sla.pause(INC, "hold", TargetKind.OPERATIONAL);
    Instant cancelledAt = f.advance(Duration.ofMinutes(10));
    f.workflow.calls.clear();

    f.sla.cancelAll(INC);

    assertThat(f.clock(response.id()).state()).isEqualTo(SlaClockState.ACHIEVED);
    assertThat(List.of(f.clock(resolution.id()), f.clock(ola.id())))
        .extracting(SlaClock::state, SlaClock::stoppedAt, SlaClock::accumulated,
            SlaClock::runningSince)
        .containsExactly(
            tuple(SlaClockState.CANCELLED, cancelledAt, Duration.ofMinutes(30), null),
            tuple(SlaClockState.CANCELLED, cancelledAt, Duration.ofMinutes(20), null));
    assertThat(f.clock(other.id()).state()).isEqualTo(SlaClockState.RUNNING);
    assertThat(f.workflow.calls).extracting(Call::type, c -> c.clock().id())
        .containsExactly(tuple(STOP, resolution.id()), tuple(STOP, ola.id()));
    assertThat(f.sla.history(Actor.system(), resolution.id())).last().extracting(SlaClockEntry::kind,
            SlaClockEntry::detail)
        .containsExactly(CANCELLED, "cancelled after PT30M of PT8H");
  }

  // --- reopen ------------------------------------------------------------------------------------

  @Test
  void continueOrStartContinuesTheLastStoppedClock() {
    SlaClock c = p2Resolution();
    f.advance(H.multipliedBy(3));
    f.sla.achieve(INC, TargetKind.RESOLUTION);
    Instant reopenedAt = f.advance(H.multipliedBy(5));

    f.sla.continueOrStart(PROCESS, INC, TargetKind.RESOLUTION, Priority.P2, null, null, null);

    assertThat(f.store.forRecord(INC)).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo(c.id());
      assertThat(r).extracting(SlaClock::state, SlaClock::accumulated, SlaClock::runningSince,
              SlaClock::stoppedAt, SlaClock::startedAt, SlaClock::version)
          .containsExactly(SlaClockState.RUNNING, Duration.ofHours(3), reopenedAt, null, T0, 3L);
      // 50 % of 8 h is 4 h: one more hour from the reopen
      assertThat(f.workflow.calls).last()
          .isEqualTo(new Call(START, r, reopenedAt.plus(H)));
    });
    assertThat(f.sla.history(Actor.system(), c.id())).last().isEqualTo(new SlaClockEntry(c.id(), reopenedAt,
        RESUMED, "reopened; elapsed PT3H continues"));
  }

  @Test
  void continuingABreachedClockKeepsItBreached() {
    SlaClock c = p2Resolution();
    Instant breachedAt = f.advance(H.multipliedBy(9));
    f.sla.thresholdDue(c.id());
    f.sla.achieve(INC, TargetKind.RESOLUTION);
    f.advance(H);

    f.sla.continueOrStart(PROCESS, INC, TargetKind.RESOLUTION, Priority.P2, null, null, null);

    assertThat(f.clock(c.id())).extracting(SlaClock::state, SlaClock::breachedAt,
            SlaClock::firedPercents, SlaClock::stoppedAt)
        .containsExactly(SlaClockState.BREACHED, breachedAt, List.of(50, 75, 90, 100), null);
    assertThat(f.workflow.calls).last().extracting(Call::type, Call::next)
        .containsExactly(START, null);
  }

  @Test
  void continueOrStartContinuesTheLatestOfSeveralStoppedClocks() {
    SlaClock first = p2Resolution();
    f.advance(H);
    f.sla.achieve(INC, TargetKind.RESOLUTION);
    f.advance(H);
    SlaClock second = p2Resolution();
    f.advance(H.multipliedBy(2));
    f.sla.achieve(INC, TargetKind.RESOLUTION);
    f.advance(H);

    f.sla.continueOrStart(PROCESS, INC, TargetKind.RESOLUTION, Priority.P2, null, null, null);

    assertThat(f.clock(first.id()).state()).isEqualTo(SlaClockState.ACHIEVED);
    assertThat(f.clock(second.id())).extracting(SlaClock::state, SlaClock::accumulated)
        .containsExactly(SlaClockState.RUNNING, Duration.ofHours(2));
  }

  @Test
  void continueOrStartStartsANewClockWhenThereIsNoStoppedOneOrOnlyACancelledOne() {
    SlaClock cancelled = p2Resolution();
    f.advance(H);
    f.sla.cancelAll(INC);
    f.advance(H);

    f.sla.continueOrStart(PROCESS, INC, TargetKind.RESOLUTION, Priority.P2, null, null, null);
    f.sla.continueOrStart(PROCESS, "INC0000002", TargetKind.RESOLUTION, Priority.P1, null, null,
        null);

    assertThat(f.clock(cancelled.id()).state()).isEqualTo(SlaClockState.CANCELLED);
    assertThat(f.store.forRecord(INC)).hasSize(2).last()
        .extracting(SlaClock::state, SlaClock::accumulated, SlaClock::startedAt)
        .containsExactly(SlaClockState.RUNNING, Duration.ZERO, f.clock.instant());
    assertThat(f.store.forRecord("INC0000002")).singleElement()
        .extracting(SlaClock::targetName).isEqualTo("P1 resolution");
  }

  @Test
  void withoutReopenContinuesResolutionAReopenStartsANewClock() {
    SlaFixture fresh = SlaFixture.of(levels(false));
    SlaClock old = fresh.start(INC, TargetKind.RESOLUTION, Priority.P2);
    fresh.advance(H.multipliedBy(3));
    fresh.sla.achieve(INC, TargetKind.RESOLUTION);
    Instant reopenedAt = fresh.advance(H);

    fresh.sla.continueOrStart(PROCESS, INC, TargetKind.RESOLUTION, Priority.P2, null, null, null);

    assertThat(fresh.store.forRecord(INC)).hasSize(2);
    assertThat(fresh.clock(old.id())).extracting(SlaClock::state, SlaClock::accumulated)
        .containsExactly(SlaClockState.ACHIEVED, Duration.ofHours(3));
    SlaClock fresher = fresh.store.forRecord(INC).get(1);
    assertThat(fresher.id()).isNotEqualTo(old.id());
    assertThat(fresher).extracting(SlaClock::state, SlaClock::accumulated, SlaClock::startedAt)
        .containsExactly(SlaClockState.RUNNING, Duration.ZERO, reopenedAt);
    assertThat(fresh.workflow.calls).last()
        .isEqualTo(new Call(START, fresher, reopenedAt.plus(Duration.ofHours(4))));
  }

  // --- retarget ----------------------------------------------------------------------------------

  @Test
  void retargetKeepsTheElapsedTimeAndChangesTargetNameAndPriority() {
    SlaClock c = p2Resolution();
    Instant at = f.advance(H);

    f.sla.retarget(PROCESS, INC, Priority.P1, null, null, null, TargetKind.RESOLUTION);

    SlaClock r = f.clock(c.id());
    assertThat(r).extracting(SlaClock::targetName, SlaClock::priority, SlaClock::target,
            SlaClock::state, SlaClock::accumulated, SlaClock::runningSince, SlaClock::startedAt,
            SlaClock::version)
        .containsExactly("P1 resolution", "P1", Duration.ofHours(4), SlaClockState.RUNNING, H, at,
            T0, 2L);
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::dueAt)
        .containsExactly(H, T0.plus(Duration.ofHours(4)));
    assertThat(f.sla.history(Actor.system(), c.id())).last().isEqualTo(new SlaClockEntry(c.id(), at, RETARGETED,
        "P2 resolution PT8H -> P1 resolution PT4H, elapsed PT1H kept"));
    // 50 % of 4 h is 2 h: one more hour
    assertThat(f.workflow.calls).last().isEqualTo(new Call(CHANGE, r, at.plus(H)));
  }

  @Test
  void retargetPastThresholdsFiresNothingByItself() {
    SlaClock c = p2Resolution();
    Instant at = f.advance(H.multipliedBy(3)); // 3 h of a new 4 h target: 50 % and 75 % passed

    f.sla.retarget(PROCESS, INC, Priority.P1, null, null, null, TargetKind.RESOLUTION);

    SlaClock r = f.clock(c.id());
    assertThat(r.firedPercents()).isEmpty();
    assertThat(r.state()).isEqualTo(SlaClockState.RUNNING);
    assertThat(f.received).isEmpty();
    assertThat(f.escalations.calls).isEmpty();
    assertThat(f.historyKinds(c.id())).containsExactly(STARTED, RETARGETED);
    // the process is told the next threshold is due now
    assertThat(f.workflow.calls).last().isEqualTo(new Call(CHANGE, r, at));
  }

  @Test
  void retargetKeepsFiredThresholdsAndABreach() {
    SlaClock c = f.start(INC, TargetKind.RESPONSE, Priority.P1);
    Instant breachedAt = f.advance(Duration.ofMinutes(20));
    f.sla.thresholdDue(c.id());

    f.sla.retarget(PROCESS, INC, Priority.P2, null, null, null, TargetKind.RESPONSE);

    assertThat(f.clock(c.id())).extracting(SlaClock::targetName, SlaClock::state,
            SlaClock::breachedAt, SlaClock::firedPercents)
        .containsExactly("P2 response", SlaClockState.BREACHED, breachedAt,
            List.of(50, 75, 90, 100));
    assertThat(f.workflow.calls).last().extracting(Call::next).isNull();
  }

  @Test
  void retargetOfAPausedClockKeepsItPaused() {
    SlaClock c = p2Resolution();
    f.advance(H);
    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    f.advance(H);

    f.sla.retarget(PROCESS, INC, Priority.P1, null, null, null, TargetKind.RESOLUTION);

    SlaClock r = f.clock(c.id());
    assertThat(r).extracting(SlaClock::state, SlaClock::runningSince, SlaClock::accumulated,
            SlaClock::target)
        .containsExactly(SlaClockState.PAUSED, null, H, Duration.ofHours(4));
    assertThat(f.workflow.calls).last().isEqualTo(new Call(CHANGE, r, null));
  }

  @Test
  void retargetTouchesOnlyTheGivenKindsAndSkipsPrioritiesWithoutATarget() {
    SlaClock resolution = p2Resolution();
    SlaClock ola = f.start(INC, TargetKind.OPERATIONAL, Priority.P2, "network");
    f.advance(H);

    f.sla.retarget(PROCESS, INC, Priority.P1, null, null, null, TargetKind.RESPONSE,
        TargetKind.RESOLUTION);
    f.sla.retarget(PROCESS, INC, Priority.P5, null, null, null, TargetKind.RESOLUTION); // no P5 target

    assertThat(f.clock(resolution.id())).extracting(SlaClock::targetName, SlaClock::version)
        .containsExactly("P1 resolution", 2L);
    assertThat(f.clock(ola.id())).extracting(SlaClock::priority, SlaClock::version)
        .containsExactly("P2", 1L);
  }

  @Test
  void retargetOntoAnotherCalendarBanksTheTimeOnTheOldOne() {
    f.clock.set(berlin("2024-03-08T16:00")); // Friday
    SlaClock c = p2Resolution();           // 24x7
    f.clock.set(berlin("2024-03-08T20:00"));

    f.sla.retarget(PROCESS, INC, Priority.P3, null, null, null, TargetKind.RESOLUTION); // office, 8 h
    f.clock.set(berlin("2024-03-09T12:00")); // Saturday

    assertThat(f.clock(c.id())).extracting(SlaClock::calendar, SlaClock::accumulated)
        .containsExactly("office", Duration.ofHours(4));
    assertThat(f.status(c.id())).extracting(ClockStatus::elapsed, ClockStatus::dueAt)
        .containsExactly(Duration.ofHours(4), berlin("2024-03-11T13:00"));
  }

  @Test
  void retargetHonoursAGroupSpecificResolutionTargetLikeTheStartDoes() {
    ServiceLevels levels = ServiceLevels.builder()
        .target(SlaFixture.resolution(Priority.P1, Duration.ofHours(4)).build())
        .target(SlaFixture.resolution(Priority.P2, Duration.ofHours(8)).build())
        .target(ServiceLevelTarget.resolution("network P1").priority(Priority.P1)
            .group("network").within(Duration.ofHours(1)).build())
        .target(ServiceLevelTarget.resolution("network P2").priority(Priority.P2)
            .group("network").within(Duration.ofHours(2)).build())
        .build();
    SlaFixture g = SlaFixture.of(levels);
    SlaClock c = g.start(INC, TargetKind.RESOLUTION, Priority.P2, "network");
    assertThat(c.targetName()).isEqualTo("network P2");

    g.sla.retarget(PROCESS, INC, Priority.P1, null, null, "network", TargetKind.RESOLUTION);

    assertThat(g.clock(c.id()).targetName()).isEqualTo("network P1");
  }

  // --- history and process side ------------------------------------------------------------------

  @Test
  void historyListsEveryStepInOrder() {
    SlaClock c = p2Resolution();
    f.advance(H);
    f.sla.pause(INC, "on hold: AWAITING_CALLER", TargetKind.RESOLUTION);
    f.advance(H);
    f.sla.resume(INC, "resumed", TargetKind.RESOLUTION);
    f.advance(H);
    f.sla.retarget(PROCESS, INC, Priority.P1, null, null, null, TargetKind.RESOLUTION);
    f.advance(H.multipliedBy(3)); // 5 h of 4 h
    f.sla.thresholdDue(c.id());
    f.advance(H);
    f.sla.achieve(INC, TargetKind.RESOLUTION);

    assertThat(f.sla.history(Actor.system(), c.id()))
        .extracting(SlaClockEntry::kind, e -> Duration.between(T0, e.at()))
        .containsExactly(
            tuple(STARTED, Duration.ZERO),
            tuple(PAUSED, H),
            tuple(RESUMED, H.multipliedBy(2)),
            tuple(RETARGETED, H.multipliedBy(3)),
            tuple(WARNING, H.multipliedBy(6)),
            tuple(WARNING, H.multipliedBy(6)),
            tuple(WARNING, H.multipliedBy(6)),
            tuple(BREACHED, H.multipliedBy(6)),
            tuple(STOPPED, H.multipliedBy(7)));
    assertThat(f.sla.history(Actor.system(), c.id())).allSatisfy(e -> assertThat(e.clockId()).isEqualTo(c.id()));
    assertThat(f.sla.history(Actor.system(), "no-such-clock")).isEmpty();
  }

  @Test
  void processIsToldTheNextThresholdAfterEveryChange() {
    SlaClock c = p2Resolution();                 // 8 h: 50 % at 4 h
    f.advance(H.multipliedBy(2));
    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    Instant resumedAt = f.advance(H.multipliedBy(3));
    f.sla.resume(INC, "resumed", TargetKind.RESOLUTION);
    Instant warnedAt = f.advance(H.multipliedBy(2));
    Instant next = f.sla.thresholdDue(c.id());   // 50 % fires; 75 % at 6 h elapsed
    f.advance(H);
    f.sla.achieve(INC, TargetKind.RESOLUTION);

    assertThat(next).isEqualTo(warnedAt.plus(H.multipliedBy(2)));
    assertThat(f.workflow.of(c.id())).extracting(Call::type, Call::next,
            call -> call.clock().state())
        .containsExactly(
            tuple(START, T0.plus(H.multipliedBy(4)), SlaClockState.RUNNING),
            tuple(CHANGE, null, SlaClockState.PAUSED),
            tuple(CHANGE, resumedAt.plus(H.multipliedBy(2)), SlaClockState.RUNNING),
            tuple(STOP, null, SlaClockState.ACHIEVED));
  }
}
