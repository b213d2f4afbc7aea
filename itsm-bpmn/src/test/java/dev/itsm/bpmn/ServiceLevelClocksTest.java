package dev.itsm.bpmn;

import static dev.itsm.bpmn.TestEngines.AGENT;
import static dev.itsm.bpmn.TestEngines.RESOLVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.ChangeIncidentPriority;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.sla.ClockStatus;
import dev.itsm.core.sla.Escalation;
import dev.itsm.core.sla.ServiceLevelEvent;
import dev.itsm.core.sla.ServiceLevelTarget;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.SlaClockEntry;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Service-level clocks on the real engine: thresholds fire exactly once on the job executor when
 * the engine clock passes them, and pause, resume, re-targeting and reopen move them correctly
 * (on H2 and PostgreSQL).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ServiceLevelClocksTest {

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;
  @TempDir Path dir;
  EngineDatabase database;
  ItsmEngine engine;
  final List<ItsmEvent> events = new CopyOnWriteArrayList<>();

  /** P2 (medium impact, high urgency): response 30 min, resolution 8 h; network OLA 2 h. */
  static ServiceLevels levels() {
    return ServiceLevels.builder()
        .target(ServiceLevelTarget.response("P2 response").priority(Priority.P2)
            .within(Duration.ofMinutes(30)).build())
        .target(ServiceLevelTarget.resolution("P2 resolution").priority(Priority.P2)
            .within(Duration.ofHours(8)).build())
        .target(ServiceLevelTarget.resolution("P1 resolution").priority(Priority.P1)
            .within(Duration.ofHours(4)).build())
        .target(ServiceLevelTarget.resolution("P3 resolution").priority(Priority.P3)
            .within(Duration.ofHours(24)).build())
        .target(ServiceLevelTarget.operational("network OLA", "network")
            .within(Duration.ofHours(2)).warnings(50).build())
        .build();
  }

  void start(ServiceLevels levels) {
    if (database == null) {
      database = EngineDatabase.create(kind, dir, "service_levels");
    }
    engine = TestEngines.builder(database).serviceLevels(levels).afterListener(events::add)
        .build();
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    if (database != null) {
      database.close();
    }
    EngineClock.reset();
  }

  ClockStatus clock(Incident inc, TargetKind kind) {
    return engine.serviceLevels().clocks(TestEngines.AGENT, inc.number()).stream()
        .filter(s -> s.clock().kind() == kind).reduce((a, b) -> b).orElseThrow();
  }

  List<Integer> thresholds(Incident inc, TargetKind kind) {
    return events.stream().filter(e -> e instanceof ServiceLevelEvent s
            && s.clock().recordNumber().equals(inc.number()) && s.clock().kind() == kind)
        .map(e -> e instanceof ServiceLevelEvent.Warning w ? w.percent() : 100).toList();
  }

  void awaitThresholds(Incident inc, TargetKind kind, Integer... expected) {
    TestEngines.await(Duration.ofSeconds(30), kind + " thresholds " + List.of(expected),
        () -> thresholds(inc, kind).size() >= expected.length);
    sleep(600); // a few more job-executor polls: nothing else may fire
    assertThat(thresholds(inc, kind)).containsExactly(expected);
  }

  @Test
  void warningsAndBreachFireExactlyOnceEach() {
    start(levels());
    Incident inc = TestEngines.open(engine);
    ClockStatus response = clock(inc, TargetKind.RESPONSE);
    assertThat(response.clock().state()).isEqualTo(SlaClockState.RUNNING);
    assertThat(response.dueAt()).isEqualTo(inc.milestones().openedAt().plus(Duration.ofMinutes(30)));

    advance(Duration.ofMinutes(16));
    awaitThresholds(inc, TargetKind.RESPONSE, 50);
    advance(Duration.ofMinutes(12)); // 28 min: 75 % and 90 % together
    awaitThresholds(inc, TargetKind.RESPONSE, 50, 75, 90);
    advance(Duration.ofMinutes(3)); // 31 min
    awaitThresholds(inc, TargetKind.RESPONSE, 50, 75, 90, 100);
    advance(Duration.ofHours(1));
    sleep(800);
    assertThat(thresholds(inc, TargetKind.RESPONSE)).containsExactly(50, 75, 90, 100);

    ClockStatus breached = clock(inc, TargetKind.RESPONSE);
    assertThat(breached.clock().state()).isEqualTo(SlaClockState.BREACHED);
    assertThat(breached.remaining()).isNegative();
    assertThat(engine.incidents().get(AGENT, inc.number()).milestones().responseBreachedAt()).isNotNull();
    assertThat(engine.serviceLevels().history(TestEngines.AGENT, breached.clock().id()))
        .extracting(SlaClockEntry::kind)
        .containsExactly(SlaClockEntry.Kind.STARTED, SlaClockEntry.Kind.WARNING,
            SlaClockEntry.Kind.WARNING, SlaClockEntry.Kind.WARNING, SlaClockEntry.Kind.BREACHED);
    assertThat(engine.serviceLevels().breached(TestEngines.AGENT, null))
        .anyMatch(s -> s.clock().id().equals(breached.clock().id()));

    engine.incidents().acknowledge(RESOLVER, new AcknowledgeIncident(inc.number()));
    assertThat(clock(inc, TargetKind.RESPONSE).clock().stoppedAt()).isNotNull();
    assertThat(processesOfClock(breached.clock().id())).isZero();
  }

  @Test
  void holdAwaitingTheCallerPausesTheResolutionClock() {
    start(levels());
    Incident inc = TestEngines.openAndAcknowledge(engine);
    advance(Duration.ofHours(2));
    engine.incidents().putOnHold(RESOLVER, new PutIncidentOnHold(inc.number(),
        HoldReason.AWAITING_CALLER, "Waiting for logs"));
    ClockStatus paused = clock(inc, TargetKind.RESOLUTION);
    assertThat(paused.clock().state()).isEqualTo(SlaClockState.PAUSED);
    assertThat(paused.dueAt()).isNull();
    Duration elapsedAtPause = paused.elapsed();
    assertThat(elapsedAtPause).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusSeconds(5));

    advance(Duration.ofHours(10)); // far past the 8 h target while paused
    sleep(1000);
    assertThat(thresholds(inc, TargetKind.RESOLUTION)).isEmpty();
    assertThat(clock(inc, TargetKind.RESOLUTION).elapsed()).isEqualTo(elapsedAtPause);

    engine.incidents().resume(RESOLVER, new ResumeIncident(inc.number(), "Logs received"));
    ClockStatus resumed = clock(inc, TargetKind.RESOLUTION);
    assertThat(resumed.clock().state()).isEqualTo(SlaClockState.RUNNING);
    assertThat(resumed.remaining()).isBetween(Duration.ofHours(6).minusSeconds(5),
        Duration.ofHours(6));

    advance(Duration.ofHours(2).plusMinutes(1)); // 4 h 1 min of 8 h: 50 %
    awaitThresholds(inc, TargetKind.RESOLUTION, 50);
    assertThat(engine.serviceLevels().history(TestEngines.AGENT, resumed.clock().id()))
        .extracting(SlaClockEntry::kind)
        .containsSubsequence(SlaClockEntry.Kind.PAUSED, SlaClockEntry.Kind.RESUMED,
            SlaClockEntry.Kind.WARNING);
  }

  @Test
  void holdForANonPausingReasonKeepsTheClockRunning() {
    start(levels());
    Incident inc = TestEngines.openAndAcknowledge(engine);
    engine.incidents().putOnHold(RESOLVER, new PutIncidentOnHold(inc.number(),
        HoldReason.AWAITING_CHANGE, "Needs the firewall change"));
    assertThat(clock(inc, TargetKind.RESOLUTION).clock().state())
        .isEqualTo(SlaClockState.RUNNING);
  }

  @Test
  void priorityChangeRetargetsAndKeepsTheElapsedTime() {
    start(levels());
    Incident p3 = engine.incidents().open(AGENT, TestEngines.vpnOutage()
        .impact(Impact.MEDIUM).urgency(Urgency.MEDIUM).build());
    assertThat(clock(p3, TargetKind.RESOLUTION).clock().target()).isEqualTo(Duration.ofHours(24));
    advance(Duration.ofHours(2));

    engine.incidents().reprioritize(AGENT, new ChangeIncidentPriority(p3.number(), Impact.HIGH,
        Urgency.HIGH, "Whole floor affected"));

    ClockStatus retargeted = clock(p3, TargetKind.RESOLUTION);
    assertThat(retargeted.clock().targetName()).isEqualTo("P1 resolution");
    assertThat(retargeted.clock().target()).isEqualTo(Duration.ofHours(4));
    assertThat(retargeted.elapsed()).isBetween(Duration.ofHours(2),
        Duration.ofHours(2).plusSeconds(5));
    // 2 h of 4 h is 50 %: the warning for it falls due at once
    awaitThresholds(p3, TargetKind.RESOLUTION, 50);
    advance(Duration.ofHours(2).plusMinutes(1));
    awaitThresholds(p3, TargetKind.RESOLUTION, 50, 75, 90, 100);
    assertThat(engine.serviceLevels().history(TestEngines.AGENT, retargeted.clock().id()))
        .extracting(SlaClockEntry::kind).contains(SlaClockEntry.Kind.RETARGETED);
  }

  @Test
  void reopenContinuesTheResolutionClock() {
    start(levels());
    Incident inc = TestEngines.openAndAcknowledge(engine);
    advance(Duration.ofHours(3));
    engine.incidents().resolve(RESOLVER, new ResolveIncident(inc.number(),
        ResolutionCode.SOLVED_WORKAROUND, "Restarted"));
    ClockStatus met = clock(inc, TargetKind.RESOLUTION);
    assertThat(met.clock().state()).isEqualTo(SlaClockState.ACHIEVED);
    advance(Duration.ofHours(5)); // not counted: resolved

    engine.incidents().reopen(AGENT, new ReopenIncident(inc.number(), "Back again"));
    ClockStatus continued = clock(inc, TargetKind.RESOLUTION);
    assertThat(continued.clock().id()).isEqualTo(met.clock().id());
    assertThat(continued.clock().state()).isEqualTo(SlaClockState.RUNNING);
    assertThat(continued.elapsed()).isBetween(Duration.ofHours(3),
        Duration.ofHours(3).plusSeconds(5));
    advance(Duration.ofHours(1).plusMinutes(1)); // 4 h 1 min of 8 h
    awaitThresholds(inc, TargetKind.RESOLUTION, 50);
  }

  @Test
  void operationalClockFollowsTheAssignmentGroup() {
    start(levels());
    Incident inc = TestEngines.open(engine); // network
    ClockStatus ola = clock(inc, TargetKind.OPERATIONAL);
    assertThat(ola.clock().group()).isEqualTo("network");
    advance(Duration.ofMinutes(61));
    awaitThresholds(inc, TargetKind.OPERATIONAL, 50);
    assertThat(engine.serviceLevels().atRisk(TestEngines.AGENT, 50, "network"))
        .extracting(s -> s.clock().recordNumber()).contains(inc.number());

    engine.incidents().assign(AGENT, new dev.itsm.core.incident.AssignIncident(inc.number(),
        "database", null));
    ClockStatus stopped = engine.serviceLevels().clocks(TestEngines.AGENT, inc.number()).stream()
        .filter(s -> s.clock().id().equals(ola.clock().id())).findFirst().orElseThrow();
    assertThat(stopped.clock().state()).isEqualTo(SlaClockState.ACHIEVED);
    assertThat(engine.serviceLevels().atRisk(TestEngines.AGENT, 50, "network")).isEmpty();
    assertThat(processesOfClock(ola.clock().id())).isZero();
  }

  @Test
  void escalationsNotifyRaisePriorityAndReassign() {
    start(ServiceLevels.builder()
        .target(ServiceLevelTarget.resolution("P2 resolution").priority(Priority.P2)
            .within(Duration.ofHours(8))
            .escalate(75, Escalation.notify("duty-manager"))
            .escalate(90, Escalation.raisePriority())
            .build())
        .target(ServiceLevelTarget.resolution("P1 resolution").priority(Priority.P1)
            .within(Duration.ofHours(8))
            .escalate(100, Escalation.reassign("major-incident"))
            .build())
        .build());
    Incident inc = TestEngines.openAndAcknowledge(engine);
    advance(Duration.ofHours(6).plusMinutes(1));
    TestEngines.await(Duration.ofSeconds(30), "notify", () -> events.stream()
        .anyMatch(e -> e instanceof ServiceLevelEvent.EscalationRequested r
            && r.recipient().equals("duty-manager")));
    advance(Duration.ofMinutes(72)); // 7 h 13 min: 90 % → raise priority
    TestEngines.await(Duration.ofSeconds(30), "raise priority",
        () -> engine.incidents().get(AGENT, inc.number()).priority() == Priority.P1);
    assertThat(clock(inc, TargetKind.RESOLUTION).clock().targetName()).isEqualTo("P1 resolution");
    advance(Duration.ofMinutes(50)); // past 8 h → breach → reassign
    TestEngines.await(Duration.ofSeconds(30), "reassign",
        () -> "major-incident".equals(engine.incidents().get(AGENT, inc.number()).assignmentGroup()));
    assertThat(engine.incidents().get(AGENT, inc.number()).milestones().resolutionBreachedAt())
        .isNotNull();
  }

  @Test
  void complianceCountsMetAndMissedTargetsInBusinessTime() {
    start(levels());
    Incident quick = TestEngines.openAndAcknowledge(engine); // response met at once
    Incident slow = TestEngines.open(engine);
    advance(Duration.ofMinutes(40));
    awaitThresholds(slow, TargetKind.RESPONSE, 50, 75, 90, 100);
    engine.incidents().acknowledge(RESOLVER, new AcknowledgeIncident(slow.number()));

    var p2Response = engine.serviceLevels().compliance(TestEngines.AGENT, 
            quick.milestones().openedAt().minusSeconds(1), EngineClock.now().plusSeconds(1))
        .stream().filter(c -> c.kind() == TargetKind.RESPONSE && c.priority().equals("P2"))
        .findFirst().orElseThrow();
    assertThat(p2Response.achieved()).isEqualTo(1);
    assertThat(p2Response.breached()).isEqualTo(1);
    assertThat(p2Response.compliancePercent()).isEqualTo(50.0);
    assertThat(p2Response.p90()).isBetween(Duration.ofMinutes(40), Duration.ofMinutes(41));
  }

  @Test
  void thresholdsArmedBeforeARestartFireAfterIt() {
    start(levels());
    Incident inc = TestEngines.open(engine);
    engine.close();
    EngineClock.advance(Duration.ofMinutes(31));
    start(levels());
    awaitThresholds(inc, TargetKind.RESPONSE, 50, 75, 90, 100);
    assertThat(clock(inc, TargetKind.RESPONSE).clock().state()).isEqualTo(SlaClockState.BREACHED);
  }

  private long processesOfClock(String clockId) {
    return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(clockId).count();
  }

  /**
   * Moves the engine clock and waits until the job executor has run what fell due, so the next
   * API call does not race a timer job on the same clock (that race is real and ends in a
   * retryable conflict, but it is not what these tests are about).
   */
  private void advance(Duration amount) {
    EngineClock.advance(amount);
    assertThat(engine.awaitDueJobs(Duration.ofSeconds(30))).as("due jobs ran").isTrue();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
