package dev.itsm.core.sla;

import static dev.itsm.core.sla.SlaFixture.OFFICE;
import static dev.itsm.core.sla.SlaFixture.T0;
import static dev.itsm.core.sla.SlaFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.VetoException;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.sla.RecordingEscalations.Call;
import dev.itsm.core.sla.ServiceLevelEvent.Breached;
import dev.itsm.core.sla.ServiceLevelEvent.EscalationRequested;
import dev.itsm.core.sla.ServiceLevelEvent.Warning;
import dev.itsm.core.sla.SlaClockEntry.Kind;
import dev.itsm.core.spi.BeforeHook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Warnings, breaches and escalations, fired by calling {@code thresholdDue} after moving the
 * clock (as the clock process's timer does on the engine).
 */
class ThresholdFiringTest {

  static final String INC = "INC0000001";
  static final Duration H = Duration.ofHours(1);

  /** A P2 resolution target of 8 h (warnings 50/75/90) as changed by {@code tweak}. */
  static ServiceLevels levels(UnaryOperator<ServiceLevelTarget.Builder> tweak) {
    return ServiceLevels.builder().calendars(OFFICE)
        .target(tweak.apply(SlaFixture.resolution(Priority.P2, Duration.ofHours(8))).build())
        .target(SlaFixture.response(Priority.P2, Duration.ofMinutes(30)).build())
        .build();
  }

  static SlaFixture fixture(UnaryOperator<ServiceLevelTarget.Builder> tweak,
      BeforeHook... hooks) {
    return SlaFixture.of(levels(tweak), hooks);
  }

  static List<Integer> thresholds(List<ItsmEvent> events) {
    return events.stream().filter(e -> e instanceof Warning || e instanceof Breached)
        .map(e -> e instanceof Warning w ? w.percent() : 100).toList();
  }

  @Test
  void eachThresholdFiresOnceInOrder() {
    SlaFixture f = fixture(b -> b);
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    List<Instant> next = new ArrayList<>();

    f.clock.set(T0.plus(H.multipliedBy(4)));
    next.add(f.sla.thresholdDue(c.id()));
    next.add(f.sla.thresholdDue(c.id())); // again at the same time: nothing new
    f.clock.set(T0.plus(H.multipliedBy(6)));
    next.add(f.sla.thresholdDue(c.id()));
    f.clock.set(T0.plus(Duration.ofMinutes(432))); // 7 h 12 min = 90 %
    next.add(f.sla.thresholdDue(c.id()));
    f.clock.set(T0.plus(H.multipliedBy(8)));
    next.add(f.sla.thresholdDue(c.id()));
    f.clock.set(T0.plus(H.multipliedBy(20)));
    next.add(f.sla.thresholdDue(c.id()));

    assertThat(thresholds(f.received)).containsExactly(50, 75, 90, 100);
    assertThat(next).containsExactly(T0.plus(H.multipliedBy(6)), T0.plus(H.multipliedBy(6)),
        T0.plus(Duration.ofMinutes(432)), T0.plus(H.multipliedBy(8)), null, null);
    assertThat(f.received).extracting(ItsmEvent::occurredAt).containsExactly(
        T0.plus(H.multipliedBy(4)), T0.plus(H.multipliedBy(6)), T0.plus(Duration.ofMinutes(432)),
        T0.plus(H.multipliedBy(8)));
    assertThat(f.received).allSatisfy(e -> {
      assertThat(e.actor()).isEqualTo(Actor.system());
      assertThat(e.recordNumber()).isEqualTo(INC);
    });
    assertThat(f.historyKinds(c.id())).containsExactly(Kind.STARTED, Kind.WARNING, Kind.WARNING,
        Kind.WARNING, Kind.BREACHED);
    assertThat(f.escalations.calls).containsExactly(new Call("breached", INC, "RESOLUTION"));
  }

  @Test
  void aWarningLeavesTheClockRunningAndRecordsTheFiredThreshold() {
    SlaFixture f = fixture(b -> b);
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    Instant at = f.advance(H.multipliedBy(5));

    f.sla.thresholdDue(c.id());

    SlaClock after = f.clock(c.id());
    assertThat(after).extracting(SlaClock::state, SlaClock::firedPercents, SlaClock::breachedAt,
            SlaClock::accumulated, SlaClock::runningSince, SlaClock::version)
        .containsExactly(SlaClockState.RUNNING, List.of(50), null, Duration.ZERO, T0, 2L);
    assertThat(f.received).singleElement().isEqualTo(new Warning(after, 50, Actor.system(), at));
    assertThat(f.sla.history(Actor.system(), c.id())).last()
        .isEqualTo(new SlaClockEntry(c.id(), at, Kind.WARNING, "50% of PT8H (P2 resolution)"));
    assertThat(f.escalations.calls).isEmpty();
  }

  @Test
  void severalThresholdsFireTogetherWhenTheClockJumped() {
    SlaFixture f = fixture(b -> b);
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    f.advance(Duration.ofMinutes(450)); // 7 h 30 min

    Instant next = f.sla.thresholdDue(c.id());

    assertThat(next).isEqualTo(T0.plus(H.multipliedBy(8)));
    assertThat(thresholds(f.received)).containsExactly(50, 75, 90);
    assertThat(f.clock(c.id()).firedPercents()).containsExactly(50, 75, 90);
    assertThat(f.sla.history(Actor.system(), c.id())).extracting(SlaClockEntry::detail).containsExactly(
        "P2 resolution: PT8H on calendar 24x7", "50% of PT8H (P2 resolution)",
        "75% of PT8H (P2 resolution)", "90% of PT8H (P2 resolution)");
  }

  @Test
  void aBreachSetsBreachedAndCallsTheHandlerWithTheKind() {
    SlaFixture f = fixture(b -> b);
    SlaClock c = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    Instant at = f.advance(Duration.ofMinutes(45));

    Instant next = f.sla.thresholdDue(c.id());

    SlaClock after = f.clock(c.id());
    assertThat(next).isNull();
    assertThat(after).extracting(SlaClock::state, SlaClock::breachedAt, SlaClock::firedPercents,
            SlaClock::runningSince, SlaClock::stoppedAt)
        .containsExactly(SlaClockState.BREACHED, at, List.of(50, 75, 90, 100), T0, null);
    assertThat(thresholds(f.received)).containsExactly(50, 75, 90, 100);
    assertThat(f.received).last().isEqualTo(new Breached(after, Actor.system(), at));
    assertThat(f.escalations.calls).containsExactly(new Call("breached", INC, "RESPONSE"));
    assertThat(f.status(c.id())).extracting(ClockStatus::remaining, ClockStatus::percent)
        .containsExactly(Duration.ofMinutes(-15), 150);
    // a breached clock keeps counting: it stays in the at-risk and breached lists
    assertThat(f.sla.breached(Actor.system(), null)).extracting(s -> s.clock().id()).containsExactly(c.id());
  }

  @Test
  void aBreachedClockWithAllThresholdsFiredFiresNothingMore() {
    SlaFixture f = fixture(b -> b);
    SlaClock c = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    f.advance(H);
    f.sla.thresholdDue(c.id());
    SlaClock breached = f.clock(c.id());
    f.advance(H.multipliedBy(10));

    assertThat(f.sla.thresholdDue(c.id())).isNull();
    assertThat(f.clock(c.id())).isEqualTo(breached);
    assertThat(f.received).hasSize(4);
    assertThat(f.escalations.calls).hasSize(1);
  }

  @Test
  void nothingFiresBeforeItIsDue() {
    SlaFixture f = fixture(b -> b);
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    f.advance(Duration.ofMinutes(239));

    Instant next = f.sla.thresholdDue(c.id());

    assertThat(next).isEqualTo(T0.plus(H.multipliedBy(4)));
    assertThat(f.clock(c.id())).isEqualTo(c);
    assertThat(f.received).isEmpty();
    assertThat(f.historyKinds(c.id())).containsExactly(Kind.STARTED);
  }

  @Test
  void nothingFiresWhilePausedStoppedOrForAnUnknownClock() {
    SlaFixture f = fixture(b -> b);
    SlaClock paused = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    SlaClock stopped = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    f.advance(H.multipliedBy(3));
    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    f.advance(Duration.ofMinutes(10));
    f.sla.achieve(INC, TargetKind.RESPONSE);
    f.advance(H.multipliedBy(30));

    assertThat(f.sla.thresholdDue(paused.id())).isNull();
    assertThat(f.sla.thresholdDue(stopped.id())).isNull();
    assertThat(f.sla.thresholdDue("no-such-clock")).isNull();
    assertThat(f.received).isEmpty();
    assertThat(f.clock(paused.id()).firedPercents()).isEmpty();
    assertThat(f.clock(stopped.id()).firedPercents()).isEmpty();
  }

  @Test
  void afterAResumeThresholdsFallDueLaterByThePause() {
    SlaFixture f = fixture(b -> b);
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    f.advance(H.multipliedBy(3));
    f.sla.pause(INC, "hold", TargetKind.RESOLUTION);
    Instant resumedAt = f.advance(H.multipliedBy(2));
    f.sla.resume(INC, "resumed", TargetKind.RESOLUTION);

    f.clock.set(resumedAt.plus(Duration.ofMinutes(59)));
    assertThat(f.sla.thresholdDue(c.id())).isEqualTo(resumedAt.plus(H));
    f.clock.set(resumedAt.plus(H));
    assertThat(f.sla.thresholdDue(c.id())).isEqualTo(resumedAt.plus(H.multipliedBy(3)));

    assertThat(thresholds(f.received)).containsExactly(50);
  }

  @Test
  void thresholdsFollowTheBusinessCalendar() {
    SlaFixture f = fixture(b -> b.calendar("office").within(Duration.ofHours(4)).warnings(50));
    f.clock.set(berlin("2024-03-08T16:00")); // Friday, one hour before closing
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);

    f.clock.set(berlin("2024-03-09T12:00")); // Saturday: 1 h of 4 h counted
    Instant next = f.sla.thresholdDue(c.id());

    assertThat(next).isEqualTo(berlin("2024-03-11T10:00")); // 2 h: Monday 10:00
    assertThat(f.received).isEmpty();
    f.clock.set(berlin("2024-03-11T10:00"));
    assertThat(f.sla.thresholdDue(c.id())).isEqualTo(berlin("2024-03-11T12:00")); // breach
    assertThat(thresholds(f.received)).containsExactly(50);
  }

  @Test
  void thresholdDueAtTheAnnouncedInstantFiresEvenForOddTargets() {
    // 1001 ms: 50 % is 500.5 ms, which the millisecond percentage rounds down to 49 %
    SlaFixture f = fixture(b -> b.within(Duration.ofMillis(1001)).warnings(50));
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    Instant announced = f.workflow.calls.get(0).next();
    f.clock.set(announced);

    Instant next = f.sla.thresholdDue(c.id());

    assertThat(thresholds(f.received)).containsExactly(50);
    assertThat(next).isAfter(announced);
  }

  // --- escalations -------------------------------------------------------------------------------

  @Test
  void notifyIsPublishedToAfterListenersOnlyAfterTheTransaction() {
    SlaFixture f = fixture(b -> b.escalate(75, Escalation.notify("duty-manager"))
        .escalate(75, Escalation.reassign("major-incident")));
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    Instant at = f.advance(H.multipliedBy(6));
    List<Integer> deliveredWhenReassigning = new ArrayList<>();
    f.escalations.onCall = () -> deliveredWhenReassigning.add(f.received.size());

    f.tx.required(() -> {
      f.sla.thresholdDue(c.id());
      assertThat(f.received).as("nothing is delivered inside the transaction").isEmpty();
      return null;
    });

    SlaClock after = f.clock(c.id());
    assertThat(deliveredWhenReassigning).containsExactly(0);
    assertThat(f.received).containsExactly(
        new Warning(after, 50, Actor.system(), at),
        new Warning(after, 75, Actor.system(), at),
        new EscalationRequested(after, 75, "duty-manager", Actor.system(), at));
    assertThat(f.sla.history(Actor.system(), c.id())).filteredOn(e -> e.kind() == Kind.ESCALATED)
        .extracting(SlaClockEntry::detail)
        .containsExactly("75%: notify duty-manager", "75%: reassign to major-incident");
  }

  @Test
  void nothingIsDeliveredWhenTheSurroundingTransactionFails() {
    SlaFixture f = fixture(b -> b.escalate(50, Escalation.notify("duty-manager")));
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    f.advance(H.multipliedBy(4));

    assertThatThrownBy(() -> f.tx.required(() -> {
      f.sla.thresholdDue(c.id());
      throw new IllegalStateException("later work fails");
    })).hasMessage("later work fails");

    assertThat(f.received).isEmpty();
  }

  @Test
  void reassignAndRaisePriorityCallTheHandlerInThresholdOrder() {
    SlaFixture f = fixture(b -> b.escalate(90, Escalation.raisePriority())
        .escalate(100, Escalation.reassign("major-incident"))
        .escalate(50, Escalation.reassign("second-line")));
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    f.advance(H.multipliedBy(4));
    f.sla.thresholdDue(c.id());
    f.advance(H.multipliedBy(5)); // 9 h: 75, 90 and 100 at once

    f.sla.thresholdDue(c.id());

    assertThat(f.escalations.calls).containsExactly(
        new Call("reassign", INC, "second-line"),
        new Call("breached", INC, "RESOLUTION"),
        new Call("raisePriority", INC, null),
        new Call("reassign", INC, "major-incident"));
    assertThat(f.sla.history(Actor.system(), c.id())).extracting(SlaClockEntry::kind, SlaClockEntry::detail)
        .containsExactly(
            tuple(Kind.STARTED, "P2 resolution: PT8H on calendar 24x7"),
            tuple(Kind.WARNING, "50% of PT8H (P2 resolution)"),
            tuple(Kind.ESCALATED, "50%: reassign to second-line"),
            tuple(Kind.WARNING, "75% of PT8H (P2 resolution)"),
            tuple(Kind.WARNING, "90% of PT8H (P2 resolution)"),
            tuple(Kind.BREACHED, "100% of PT8H (P2 resolution)"),
            tuple(Kind.ESCALATED, "90%: raise priority"),
            tuple(Kind.ESCALATED, "100%: reassign to major-incident"));
    assertThat(f.received).noneMatch(e -> e instanceof EscalationRequested);
  }

  @Test
  void escalationsOfAThresholdRunOnlyWhenItFires() {
    SlaFixture f = fixture(b -> b.escalate(75, Escalation.raisePriority()));
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    f.advance(H.multipliedBy(4));
    f.sla.thresholdDue(c.id());
    assertThat(f.escalations.calls).isEmpty();

    f.advance(H.multipliedBy(2));
    f.sla.thresholdDue(c.id());
    f.sla.thresholdDue(c.id());

    assertThat(f.escalations.calls).containsExactly(new Call("raisePriority", INC, null));
  }

  @Test
  void aVetoOnAWarningLeavesTheClockUnchanged() {
    List<ItsmEvent> seen = new ArrayList<>();
    boolean[] veto = {true};
    SlaFixture f = fixture(b -> b.escalate(50, Escalation.notify("duty-manager"))
        .escalate(50, Escalation.raisePriority()), event -> {
          seen.add(event);
          if (veto[0] && event instanceof Warning) {
            throw new VetoException("quiet-hours", "no warnings at night");
          }
        });
    SlaClock c = f.start(INC, TargetKind.RESOLUTION, Priority.P2);
    f.advance(H.multipliedBy(4));

    assertThatThrownBy(() -> f.sla.thresholdDue(c.id()))
        .isInstanceOf(VetoException.class)
        .hasMessageContaining("quiet-hours");

    assertThat(f.clock(c.id())).isEqualTo(c);
    assertThat(f.historyKinds(c.id())).containsExactly(Kind.STARTED);
    assertThat(f.received).isEmpty();
    assertThat(f.escalations.calls).isEmpty();
    assertThat(seen).singleElement().isInstanceOf(Warning.class);

    veto[0] = false;
    f.sla.thresholdDue(c.id());
    assertThat(f.clock(c.id()).firedPercents()).containsExactly(50);
    assertThat(f.escalations.calls).containsExactly(new Call("raisePriority", INC, null));
  }

  @Test
  void beforeHooksSeeTheClockAsItWillBeStored() {
    List<ItsmEvent> seen = new ArrayList<>();
    SlaFixture f = fixture(b -> b, seen::add);
    SlaClock c = f.start(INC, TargetKind.RESPONSE, Priority.P2);
    f.advance(Duration.ofMinutes(31));

    f.sla.thresholdDue(c.id());

    assertThat(seen).hasSize(4).allSatisfy(e ->
        assertThat(((ServiceLevelEvent) e).clock()).isEqualTo(f.clock(c.id())));
  }
}
