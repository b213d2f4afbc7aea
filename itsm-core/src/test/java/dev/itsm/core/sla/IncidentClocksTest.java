package dev.itsm.core.sla;

import static dev.itsm.core.incident.IncidentFixtures.AGENT;
import static dev.itsm.core.incident.IncidentFixtures.ENGINEER;
import static dev.itsm.core.incident.IncidentFixtures.FALLBACK_GROUP;
import static dev.itsm.core.incident.IncidentFixtures.ROUTING;
import static dev.itsm.core.incident.IncidentFixtures.T0;
import static dev.itsm.core.incident.IncidentFixtures.openCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.MutableClock;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.ChangeIncidentPriority;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.ServiceTarget;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.incident.internal.DefaultIncidentService;
import dev.itsm.core.incident.internal.IncidentClocks;
import dev.itsm.core.incident.internal.IncidentEscalations;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.AssignmentRule;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.policy.PriorityMatrix;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.sla.internal.SlaClockWorkflow;
import dev.itsm.core.store.memory.InMemoryAuditStore;
import dev.itsm.core.store.memory.InMemoryIncidentStore;
import dev.itsm.core.store.memory.InMemorySlaClockStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The incident practice drives its clocks ({@link IncidentClocks} as its workflow) and thresholds
 * act on incidents ({@link IncidentEscalations}), without an engine.
 */
class IncidentClocksTest {

  /** Building a validator factory is slow; one is enough. */
  private static final CommandValidator VALIDATOR = new CommandValidator();
  private static final Duration MIN = Duration.ofMinutes(1);
  private static final Duration H = Duration.ofHours(1);

  /** The incident service wired to a service level service as in the engine. */
  static final class Wiring {
    final MutableClock clock = new MutableClock(T0);
    final InMemorySlaClockStore clocks = new InMemorySlaClockStore();
    final List<ItsmEvent> received = new ArrayList<>();
    final DefaultServiceLevelService sla;
    final DefaultIncidentService incidents;
    final IncidentEscalations escalations;

    Wiring(ServiceLevels levels) {
      Transactions tx = Transactions.local();
      Events events = new Events(tx, List.of(), List.of(received::add));
      sla = new DefaultServiceLevelService(levels, clocks, tx, SlaClockWorkflow.NONE, clock,
          events, dev.itsm.core.internal.AccessGuard.PERMIT_ALL);
      incidents = new DefaultIncidentService(new DefaultIncidentService.Settings(clock,
          PriorityMatrix.itil(), AssignmentRule.byCategory(ROUTING), FALLBACK_GROUP,
          NumberingPolicy.standard(), IncidentClocks.dueDates(sla)),
          new InMemoryIncidentStore(), new InMemoryAuditStore(), tx, new IncidentClocks(sla),
          VALIDATOR, events, AccessGuard.PERMIT_ALL);
      escalations = new IncidentEscalations(incidents);
      sla.bindEscalations(escalations);
    }

    /** @return the latest clock of a kind */
    ClockStatus clock(Incident i, TargetKind kind) {
      return sla.clocks(Actor.system(), i.number()).stream().filter(s -> s.clock().kind() == kind)
          .reduce((a, b) -> b).orElseThrow();
    }

    List<SlaClock> all(Incident i) {
      return clocks.forRecord(i.number());
    }

    Incident get(Incident i) {
      return incidents.get(AGENT, i.number());
    }

    Incident acknowledged() {
      Incident i = incidents.open(AGENT, IncidentFixtures.validOpen());
      return incidents.acknowledge(ENGINEER, new AcknowledgeIncident(i.number()));
    }
  }

  /**
   * Response P1 15 min, P2 30 min, P3 4 h; resolution P1 4 h, P2 8 h, P3 3 days; OLA network-ops
   * 2 h and database 4 h (each as changed by {@code tweak}); default pausing reasons.
   */
  static ServiceLevels.Builder levels(UnaryOperator<ServiceLevelTarget.Builder> tweak) {
    ServiceLevels.Builder b = ServiceLevels.builder();
    Duration[] response = {Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4)};
    Duration[] resolution = {Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(3)};
    for (Priority p : List.of(Priority.P1, Priority.P2, Priority.P3)) {
      b.target(tweak.apply(SlaFixture.response(p, response[p.ordinal()])).build());
      b.target(tweak.apply(SlaFixture.resolution(p, resolution[p.ordinal()])).build());
    }
    return b.target(ServiceLevelTarget.operational("network-ops OLA", "network-ops")
            .within(Duration.ofHours(2)).build())
        .target(ServiceLevelTarget.operational("database OLA", "database")
            .within(Duration.ofHours(4)).build());
  }

  static Wiring wiring() {
    return new Wiring(levels(b -> b).build());
  }

  // --- opening -----------------------------------------------------------------------------------

  @Test
  void openingStartsResponseResolutionAndTheGroupsOperationalClock() {
    Wiring w = wiring();
    w.clock.advance(MIN);

    Incident i = w.incidents.open(AGENT, IncidentFixtures.validOpen()); // P2, network-ops

    Instant opened = i.milestones().openedAt();
    assertThat(w.all(i))
        .extracting(SlaClock::kind, SlaClock::targetName, SlaClock::target, SlaClock::priority,
            SlaClock::group, SlaClock::state, SlaClock::startedAt)
        .containsExactly(
            tuple(TargetKind.RESPONSE, "P2 response", Duration.ofMinutes(30), "P2", null,
                SlaClockState.RUNNING, opened),
            tuple(TargetKind.RESOLUTION, "P2 resolution", Duration.ofHours(8), "P2", null,
                SlaClockState.RUNNING, opened),
            tuple(TargetKind.OPERATIONAL, "network-ops OLA", Duration.ofHours(2), "P2",
                "network-ops", SlaClockState.RUNNING, opened));
    assertThat(i.milestones().responseDue()).isEqualTo(opened.plus(Duration.ofMinutes(30)));
    assertThat(i.milestones().resolutionDue()).isEqualTo(opened.plus(Duration.ofHours(8)));
  }

  @Test
  void noOperationalClockForAGroupWithoutAnOlaTarget() {
    Wiring w = wiring();

    Incident hardware = w.incidents.open(AGENT, openCommand().category("hardware").build());
    Incident database = w.incidents.open(AGENT, openCommand().assignmentGroup("database")
        .build());

    assertThat(hardware.assignmentGroup()).isEqualTo("desktop-support");
    assertThat(w.all(hardware)).extracting(SlaClock::kind)
        .containsExactly(TargetKind.RESPONSE, TargetKind.RESOLUTION);
    assertThat(w.clock(database, TargetKind.OPERATIONAL).clock())
        .extracting(SlaClock::group, SlaClock::target)
        .containsExactly("database", Duration.ofHours(4));
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  @Test
  void acknowledgeAchievesTheResponseClock() {
    Wiring w = wiring();
    Incident i = w.incidents.open(AGENT, IncidentFixtures.validOpen());
    Instant ackAt = w.clock.advance(Duration.ofMinutes(10));

    w.incidents.acknowledge(ENGINEER, new AcknowledgeIncident(i.number()));

    assertThat(w.clock(i, TargetKind.RESPONSE).clock())
        .extracting(SlaClock::state, SlaClock::accumulated, SlaClock::stoppedAt)
        .containsExactly(SlaClockState.ACHIEVED, Duration.ofMinutes(10), ackAt);
    assertThat(w.clock(i, TargetKind.RESOLUTION).clock().state())
        .isEqualTo(SlaClockState.RUNNING);
    assertThat(w.clock(i, TargetKind.OPERATIONAL).clock().state())
        .isEqualTo(SlaClockState.RUNNING);
  }

  @ParameterizedTest(name = "{0} pauses: {1}")
  @CsvSource({
      "AWAITING_CALLER,  true",
      "AWAITING_VENDOR,  true",
      "AWAITING_CHANGE,  false",
      "AWAITING_PROBLEM, false"})
  void holdPausesResolutionAndOperationalOnlyForThePausingReasons(HoldReason reason,
      boolean pauses) {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    w.clock.advance(H);

    w.incidents.putOnHold(ENGINEER, new PutIncidentOnHold(i.number(), reason, "waiting"));
    w.clock.advance(H.multipliedBy(5));

    SlaClockState expected = pauses ? SlaClockState.PAUSED : SlaClockState.RUNNING;
    Duration elapsed = pauses ? H : H.multipliedBy(6);
    for (TargetKind kind : List.of(TargetKind.RESOLUTION, TargetKind.OPERATIONAL)) {
      assertThat(w.clock(i, kind)).extracting(s -> s.clock().state(), ClockStatus::elapsed)
          .as(kind.name()).containsExactly(expected, elapsed);
    }
    assertThat(w.clock(i, TargetKind.RESPONSE).clock().state())
        .isEqualTo(SlaClockState.ACHIEVED);

    w.incidents.resume(ENGINEER, new ResumeIncident(i.number(), "back"));
    w.clock.advance(H);

    assertThat(w.clock(i, TargetKind.RESOLUTION))
        .extracting(s -> s.clock().state(), ClockStatus::elapsed)
        .containsExactly(SlaClockState.RUNNING, elapsed.plus(H));
    assertThat(w.sla.history(Actor.system(), w.clock(i, TargetKind.RESOLUTION).clock().id()))
        .extracting(SlaClockEntry::kind, SlaClockEntry::detail)
        .containsExactlyElementsOf(pauses
            ? List.of(tuple(SlaClockEntry.Kind.STARTED, "P2 resolution: PT8H on calendar 24x7"),
                tuple(SlaClockEntry.Kind.PAUSED, "on hold: " + reason),
                tuple(SlaClockEntry.Kind.RESUMED, "resumed"))
            : List.of(tuple(SlaClockEntry.Kind.STARTED, "P2 resolution: PT8H on calendar 24x7")));
  }

  @Test
  void ownPausingReasonsReplaceTheDefaults() {
    Wiring w = new Wiring(levels(b -> b).pauseOn(HoldReason.AWAITING_CHANGE).build());
    Incident caller = w.acknowledged();
    Incident change = w.acknowledged();

    w.incidents.putOnHold(ENGINEER, new PutIncidentOnHold(caller.number(),
        HoldReason.AWAITING_CALLER, null));
    w.incidents.putOnHold(ENGINEER, new PutIncidentOnHold(change.number(),
        HoldReason.AWAITING_CHANGE, null));

    assertThat(w.clock(caller, TargetKind.RESOLUTION).clock().state())
        .isEqualTo(SlaClockState.RUNNING);
    assertThat(w.clock(change, TargetKind.RESOLUTION).clock().state())
        .isEqualTo(SlaClockState.PAUSED);
  }

  @Test
  void reassignStopsTheOldGroupsOlaAndStartsTheNewOnes() {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    Instant movedAt = w.clock.advance(Duration.ofMinutes(30));

    w.incidents.assign(AGENT, new AssignIncident(i.number(), "database", null));
    w.clock.advance(Duration.ofMinutes(10));
    w.incidents.assign(AGENT, new AssignIncident(i.number(), "database", "dora")); // same group
    Instant leftAt = w.clock.advance(Duration.ofMinutes(10));
    w.incidents.assign(AGENT, new AssignIncident(i.number(), "desktop-support", null)); // no OLA

    assertThat(w.all(i)).filteredOn(c -> c.kind() == TargetKind.OPERATIONAL)
        .extracting(SlaClock::group, SlaClock::state, SlaClock::startedAt, SlaClock::stoppedAt,
            SlaClock::accumulated, SlaClock::version)
        .containsExactly(
            tuple("network-ops", SlaClockState.ACHIEVED, T0, movedAt, Duration.ofMinutes(30), 2L),
            tuple("database", SlaClockState.ACHIEVED, movedAt, leftAt, Duration.ofMinutes(20),
                2L));
    assertThat(w.clock(i, TargetKind.RESOLUTION).clock().state())
        .isEqualTo(SlaClockState.RUNNING);
  }

  @Test
  void reassignWhileOnAPausingHoldStartsTheNewOlaPaused() {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    w.incidents.putOnHold(ENGINEER, new PutIncidentOnHold(i.number(),
        HoldReason.AWAITING_VENDOR, null));

    w.incidents.assign(AGENT, new AssignIncident(i.number(), "database", null));
    w.clock.advance(H);

    assertThat(w.clock(i, TargetKind.OPERATIONAL))
        .extracting(s -> s.clock().group(), s -> s.clock().state(), ClockStatus::elapsed)
        .containsExactly("database", SlaClockState.PAUSED, Duration.ZERO);
    w.incidents.resume(ENGINEER, new ResumeIncident(i.number(), null));
    assertThat(w.clock(i, TargetKind.OPERATIONAL).clock().state())
        .isEqualTo(SlaClockState.RUNNING);
  }

  @Test
  void reprioritizeRetargetsResponseAndResolutionKeepingTheElapsedTime() {
    Wiring w = wiring();
    Incident i = w.incidents.open(AGENT, IncidentFixtures.validOpen()); // P2
    w.clock.advance(Duration.ofMinutes(10));

    w.incidents.reprioritize(AGENT, new ChangeIncidentPriority(i.number(), Impact.MEDIUM,
        Urgency.MEDIUM, "only one user")); // P3

    assertThat(w.clock(i, TargetKind.RESPONSE))
        .extracting(s -> s.clock().targetName(), s -> s.clock().target(), ClockStatus::elapsed)
        .containsExactly("P3 response", Duration.ofHours(4), Duration.ofMinutes(10));
    assertThat(w.clock(i, TargetKind.RESOLUTION))
        .extracting(s -> s.clock().targetName(), s -> s.clock().priority(), ClockStatus::dueAt)
        .containsExactly("P3 resolution", "P3", T0.plus(Duration.ofDays(3)));
    assertThat(w.clock(i, TargetKind.OPERATIONAL).clock())
        .extracting(SlaClock::targetName, SlaClock::version).containsExactly("network-ops OLA",
            1L);
  }

  @Test
  void reprioritizeAfterTheResponseLeavesTheMetResponseClockAlone() {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    w.clock.advance(H);

    w.incidents.reprioritize(AGENT, new ChangeIncidentPriority(i.number(), Impact.HIGH,
        Urgency.HIGH, "whole floor")); // P1

    assertThat(w.clock(i, TargetKind.RESPONSE).clock().targetName()).isEqualTo("P2 response");
    assertThat(w.clock(i, TargetKind.RESOLUTION))
        .extracting(s -> s.clock().targetName(), ClockStatus::elapsed, ClockStatus::remaining)
        .containsExactly("P1 resolution", H, H.multipliedBy(3));
  }

  @Test
  void resolveAchievesResolutionAndOperationalAndCloseChangesNothing() {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    Instant resolvedAt = w.clock.advance(H.multipliedBy(3));

    w.incidents.resolve(ENGINEER, new ResolveIncident(i.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "replaced the router"));
    List<SlaClock> afterResolve = w.all(i);
    w.clock.advance(H);
    w.incidents.close(AGENT, new CloseIncident(i.number(), "confirmed"));

    assertThat(afterResolve).extracting(SlaClock::kind, SlaClock::state, SlaClock::stoppedAt)
        .containsExactly(
            tuple(TargetKind.RESPONSE, SlaClockState.ACHIEVED, T0),
            tuple(TargetKind.RESOLUTION, SlaClockState.ACHIEVED, resolvedAt),
            tuple(TargetKind.OPERATIONAL, SlaClockState.ACHIEVED, resolvedAt));
    assertThat(w.all(i)).isEqualTo(afterResolve);
  }

  @Test
  void cancelCancelsEveryClock() {
    Wiring w = wiring();
    Incident i = w.incidents.open(AGENT, IncidentFixtures.validOpen());
    Instant at = w.clock.advance(Duration.ofMinutes(5));

    w.incidents.cancel(AGENT, new CancelIncident(i.number(), "logged twice"));

    assertThat(w.all(i)).hasSize(3).allSatisfy(c -> {
      assertThat(c.state()).isEqualTo(SlaClockState.CANCELLED);
      assertThat(c.stoppedAt()).isEqualTo(at);
    });
    assertThat(w.sla.atRisk(Actor.system(), 1, null)).isEmpty();
  }

  @Test
  void reopenContinuesTheResolutionClockAndStartsANewOla() {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    w.clock.advance(H.multipliedBy(3));
    w.incidents.resolve(ENGINEER, new ResolveIncident(i.number(),
        ResolutionCode.SOLVED_WORKAROUND, "restarted"));
    SlaClock resolution = w.clock(i, TargetKind.RESOLUTION).clock();
    Instant reopenedAt = w.clock.advance(H.multipliedBy(5));

    w.incidents.reopen(AGENT, new ReopenIncident(i.number(), "back again"));

    assertThat(w.clock(i, TargetKind.RESOLUTION))
        .extracting(s -> s.clock().id(), s -> s.clock().state(), ClockStatus::elapsed)
        .containsExactly(resolution.id(), SlaClockState.RUNNING, H.multipliedBy(3));
    assertThat(w.all(i)).filteredOn(c -> c.kind() == TargetKind.OPERATIONAL)
        .extracting(SlaClock::state, SlaClock::startedAt)
        .containsExactly(tuple(SlaClockState.ACHIEVED, T0),
            tuple(SlaClockState.RUNNING, reopenedAt));
  }

  // --- thresholds on incidents -------------------------------------------------------------------

  @Test
  void aResponseBreachMarksTheIncident() {
    Wiring w = wiring();
    Incident i = w.incidents.open(AGENT, IncidentFixtures.validOpen());
    Instant at = w.clock.advance(Duration.ofMinutes(31));

    w.sla.thresholdDue(w.clock(i, TargetKind.RESPONSE).clock().id());

    Incident after = w.get(i);
    assertThat(after.milestones().responseBreachedAt()).isEqualTo(at);
    assertThat(after.milestones().resolutionBreachedAt()).isNull();
    assertThat(after.version()).isEqualTo(i.version() + 1);
    assertThat(w.incidents.timeline(AGENT, i.number())).last()
        .extracting(TimelineEntry::kind, TimelineEntry::actorId, TimelineEntry::text)
        .containsExactly(TimelineEntry.Kind.SYSTEM, Actor.SYSTEM_ID,
            "Response target missed (due " + T0.plus(Duration.ofMinutes(30)) + ")");
    assertThat(w.received).filteredOn(e -> e instanceof IncidentEvent.TargetMissed)
        .singleElement().extracting(e -> ((IncidentEvent.TargetMissed) e).target())
        .isEqualTo(ServiceTarget.RESPONSE);
  }

  @Test
  void aResolutionBreachMarksTheIncidentAndAnOlaBreachDoesNot() {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    Instant at = w.clock.advance(H.multipliedBy(9));

    w.sla.thresholdDue(w.clock(i, TargetKind.OPERATIONAL).clock().id());
    Incident afterOla = w.get(i);
    w.sla.thresholdDue(w.clock(i, TargetKind.RESOLUTION).clock().id());

    assertThat(w.clock(i, TargetKind.OPERATIONAL).clock().state())
        .isEqualTo(SlaClockState.BREACHED);
    assertThat(afterOla.version()).isEqualTo(i.version());
    assertThat(w.get(i).milestones().resolutionBreachedAt()).isEqualTo(at);
    assertThat(w.get(i).milestones().responseBreachedAt()).isNull();
  }

  @Test
  void raisePriorityRaisesUrgencyFirstThenImpact() {
    Wiring w = new Wiring(levels(b -> b.escalate(50, Escalation.raisePriority())).build());
    Incident i = w.incidents.open(AGENT, openCommand().impact(Impact.MEDIUM)
        .urgency(Urgency.MEDIUM).build()); // P3
    w.incidents.acknowledge(ENGINEER, new AcknowledgeIncident(i.number()));
    String resolution = w.clock(i, TargetKind.RESOLUTION).clock().id();
    w.clock.advance(H.multipliedBy(36)); // 50 % of 3 days

    Instant next = w.sla.thresholdDue(resolution);

    Incident raised = w.get(i);
    assertThat(raised).extracting(Incident::impact, Incident::urgency, Incident::priority)
        .containsExactly(Impact.MEDIUM, Urgency.HIGH, Priority.P2);
    assertThat(w.incidents.auditTrail(AGENT, i.number())).last()
        .satisfies(e -> assertThat(e.actorId()).isEqualTo(Actor.SYSTEM_ID));
    assertThat(w.incidents.timeline(AGENT, i.number())).last().extracting(TimelineEntry::text)
        .asString().endsWith("escalated by the service-level clock");
    // re-targeted to P2 (8 h) with 36 h elapsed: the next thresholds are due at once
    assertThat(w.clock(i, TargetKind.RESOLUTION).clock().targetName()).isEqualTo("P2 resolution");
    assertThat(next).isEqualTo(w.clock.instant());

    w.sla.thresholdDue(resolution); // P2's 75, 90, breach; no escalation at those

    w.escalations.raisePriority(i.number());
    assertThat(w.get(i)).extracting(Incident::impact, Incident::urgency, Incident::priority)
        .containsExactly(Impact.HIGH, Urgency.HIGH, Priority.P1);
    assertThat(w.clock(i, TargetKind.RESOLUTION).clock().targetName()).isEqualTo("P1 resolution");
    Incident top = w.get(i);
    w.escalations.raisePriority(i.number()); // already HIGH × HIGH: nothing to raise
    assertThat(w.get(i)).isEqualTo(top);
  }

  @Test
  void raisePriorityOfAResolvedIncidentDoesNothing() {
    Wiring w = wiring();
    Incident i = w.acknowledged();
    Incident resolved = w.incidents.resolve(ENGINEER, new ResolveIncident(i.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "fixed"));

    w.escalations.raisePriority(i.number());

    assertThat(w.get(i)).isEqualTo(resolved);
  }

  @Test
  void reassignEscalationMovesTheIncidentAndItsOla() {
    Wiring w = new Wiring(levels(b -> b.escalate(100, Escalation.reassign("database")))
        .build());
    Incident i = w.acknowledged();
    Instant at = w.clock.advance(H.multipliedBy(8));

    w.sla.thresholdDue(w.clock(i, TargetKind.RESOLUTION).clock().id());

    Incident moved = w.get(i);
    assertThat(moved).extracting(Incident::assignmentGroup, Incident::reassignmentCount)
        .containsExactly("database", 1);
    assertThat(moved.milestones().resolutionBreachedAt()).isEqualTo(at);
    assertThat(w.all(i)).filteredOn(c -> c.kind() == TargetKind.OPERATIONAL)
        .extracting(SlaClock::group, SlaClock::state)
        .containsExactly(tuple("network-ops", SlaClockState.ACHIEVED),
            tuple("database", SlaClockState.RUNNING));

    w.escalations.reassign(i.number(), "database"); // already there: skipped
    assertThat(w.get(i)).isEqualTo(moved);
  }
}
