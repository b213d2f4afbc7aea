package dev.itsm.core.sla;

import dev.itsm.core.Actor;
import static dev.itsm.core.sla.SlaFixture.OFFICE;
import static dev.itsm.core.sla.SlaFixture.PROCESS;
import static dev.itsm.core.sla.SlaFixture.T0;
import static dev.itsm.core.sla.SlaFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.incident.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Live figures of a record's clocks, the clocks at risk or breached, and compliance. */
class ServiceLevelQueriesTest {

  static final Duration H = Duration.ofHours(1);

  /**
   * Response P2 30 min; resolution P1 4 h, P2 8 h, P4 5 days (24x7), P5 8 h on the office
   * calendar; an operational target of 10 h for any group.
   */
  static final ServiceLevels LEVELS = ServiceLevels.builder().calendars(OFFICE)
      .target(SlaFixture.response(Priority.P2, Duration.ofMinutes(30)).build())
      .target(SlaFixture.resolution(Priority.P1, Duration.ofHours(4)).build())
      .target(SlaFixture.resolution(Priority.P2, Duration.ofHours(8)).build())
      .target(SlaFixture.resolution(Priority.P4, Duration.ofDays(5)).build())
      .target(SlaFixture.resolution(Priority.P5, Duration.ofHours(8)).calendar("office").build())
      .target(ServiceLevelTarget.operational("any OLA", null).within(Duration.ofHours(10))
          .build())
      .build();

  SlaFixture f;

  @BeforeEach
  void setUp() {
    f = SlaFixture.of(LEVELS);
  }

  static String inc(int k) {
    return String.format("INC%07d", k);
  }

  /** Moves the clock to {@code T0 + offset} and starts a clock there. */
  SlaClock startAt(Duration offset, int k, TargetKind kind, Priority p, String group) {
    f.clock.set(T0.plus(offset));
    return f.start(inc(k), kind, p, group);
  }

  static List<String> ids(List<ClockStatus> statuses) {
    return statuses.stream().map(s -> s.clock().id()).toList();
  }

  // --- clocks(number) ----------------------------------------------------------------------------

  @Test
  void clocksShowLiveFiguresInStartOrder() {
    SlaClock response = f.start(inc(1), TargetKind.RESPONSE, Priority.P2);
    SlaClock resolution = f.start(inc(1), TargetKind.RESOLUTION, Priority.P2);
    f.start(inc(2), TargetKind.RESOLUTION, Priority.P2);
    Instant now = f.advance(H.multipliedBy(2));

    List<ClockStatus> clocks = f.sla.clocks(Actor.system(), inc(1));

    assertThat(clocks).extracting(s -> s.clock().id(), ClockStatus::at, ClockStatus::elapsed,
            ClockStatus::remaining, ClockStatus::percent, ClockStatus::dueAt)
        .containsExactly(
            tuple(response.id(), now, H.multipliedBy(2), Duration.ofMinutes(-90), 400,
                T0.plus(Duration.ofMinutes(30))),
            tuple(resolution.id(), now, H.multipliedBy(2), H.multipliedBy(6), 25,
                T0.plus(H.multipliedBy(8))));
    assertThat(clocks.get(1).clock()).isEqualTo(resolution);
  }

  @Test
  void percentIsRoundedDown() {
    SlaClock response = f.start(inc(1), TargetKind.RESPONSE, Priority.P2);
    f.advance(Duration.ofMinutes(10).minusMillis(1));

    assertThat(f.status(response.id()).percent()).isEqualTo(33);
  }

  @Test
  void figuresOfPausedAndStoppedClocksStandStill() {
    SlaClock resolution = f.start(inc(1), TargetKind.RESOLUTION, Priority.P2);
    SlaClock response = f.start(inc(1), TargetKind.RESPONSE, Priority.P2);
    f.advance(Duration.ofMinutes(20));
    f.sla.achieve(inc(1), TargetKind.RESPONSE);
    f.advance(Duration.ofMinutes(40));
    f.sla.pause(inc(1), "hold", TargetKind.RESOLUTION);
    f.advance(H.multipliedBy(30));

    assertThat(f.sla.clocks(Actor.system(), inc(1)))
        .extracting(s -> s.clock().id(), ClockStatus::elapsed, ClockStatus::remaining,
            ClockStatus::percent, ClockStatus::dueAt)
        .containsExactly(
            tuple(resolution.id(), H, H.multipliedBy(7), 12, null),
            tuple(response.id(), Duration.ofMinutes(20), Duration.ofMinutes(10), 66, null));
  }

  @Test
  void clocksOfAnUnknownRecordAreNotFound() {
    f.start(inc(1), TargetKind.RESPONSE, Priority.P2);

    RecordNotFoundException e = catchThrowableOfType(RecordNotFoundException.class,
        () -> f.sla.clocks(Actor.system(), inc(9)));

    assertThat(e).isNotNull();
    assertThat(e.recordNumber()).isEqualTo(inc(9));
    assertThat(e.code()).isEqualTo("ITSM-NOT-FOUND");
  }

  // --- atRisk ------------------------------------------------------------------------------------

  /** Five records, looked at T0 + 5 h (see the comments for each clock's figures then). */
  class RiskScenario {
    // INC1: resolution 5 h of 8 h = 62 %, 3 h left; OLA network 5 h of 10 h = 50 %, 5 h left
    final SlaClock res1 = startAt(Duration.ZERO, 1, TargetKind.RESOLUTION, Priority.P2, null);
    final SlaClock ola1 = startAt(Duration.ZERO, 1, TargetKind.OPERATIONAL, Priority.P2,
        "network");
    // INC6: resolution 4 h 50 min = 60 %, 3 h 10 min left; network OLA stopped at 1 h (reassigned),
    // database OLA 4 h = 40 %, 6 h left
    final SlaClock res6 = startAt(Duration.ofMinutes(10), 6, TargetKind.RESOLUTION, Priority.P2,
        null);
    final SlaClock ola6network = startAt(Duration.ofMinutes(10), 6, TargetKind.OPERATIONAL,
        Priority.P2, "network");
    // INC3: P1 resolution 4 h of 4 h = 100 %, nothing left; OLA network 4 h = 40 %, 6 h left
    final SlaClock res3 = startAt(H, 3, TargetKind.RESOLUTION, Priority.P1, null);
    final SlaClock ola3 = startAt(H, 3, TargetKind.OPERATIONAL, Priority.P1, "network");
    final SlaClock ola6database;
    // INC2: resolution 3 h = 37 %, 5 h left; OLA database 3 h = 30 %, 7 h left
    final SlaClock res2 = startAt(H.multipliedBy(2), 2, TargetKind.RESOLUTION, Priority.P2,
        null);
    final SlaClock ola2 = startAt(H.multipliedBy(2), 2, TargetKind.OPERATIONAL, Priority.P2,
        "database");
    // INC4: resolution paused at 4 h 30 min = 56 %, 3 h 30 min left
    final SlaClock res4 = startAt(Duration.ZERO, 4, TargetKind.RESOLUTION, Priority.P2, null);
    // INC5: resolution met at 4 h 45 min (stopped: never at risk)
    final SlaClock res5 = startAt(Duration.ZERO, 5, TargetKind.RESOLUTION, Priority.P2, null);

    RiskScenario() {
      f.clock.set(T0.plus(H));
      f.sla.achieve(inc(6), TargetKind.OPERATIONAL);
      ola6database = f.start(inc(6), TargetKind.OPERATIONAL, Priority.P2, "database");
      f.clock.set(T0.plus(Duration.ofMinutes(270)));
      f.sla.pause(inc(4), "hold", TargetKind.RESOLUTION);
      f.clock.set(T0.plus(Duration.ofMinutes(285)));
      f.sla.achieve(inc(5), TargetKind.RESOLUTION);
      f.clock.set(T0.plus(H.multipliedBy(5)));
    }
  }

  @Test
  void atRiskListsClocksAtOrOverThePercentageLeastTimeLeftFirst() {
    RiskScenario s = new RiskScenario();

    List<ClockStatus> atRisk = f.sla.atRisk(Actor.system(), 50, null);

    assertThat(ids(atRisk)).containsExactly(s.res3.id(), s.res1.id(), s.res6.id(), s.res4.id(),
        s.ola1.id());
    assertThat(atRisk).extracting(ClockStatus::remaining, ClockStatus::percent).containsExactly(
        tuple(Duration.ZERO, 100), tuple(H.multipliedBy(3), 62),
        tuple(Duration.ofMinutes(190), 60), tuple(Duration.ofMinutes(210), 56),
        tuple(H.multipliedBy(5), 50));
    assertThat(ids(f.sla.atRisk(Actor.system(), 100, null))).containsExactly(s.res3.id());
    assertThat(ids(f.sla.atRisk(Actor.system(), 1, null))).hasSize(9)
        .doesNotContain(s.res5.id(), s.ola6network.id());
  }

  @Test
  void atRiskOfAGroupIncludesTheRecordsItHoldsThroughItsOperationalClock() {
    RiskScenario s = new RiskScenario();

    assertThat(ids(f.sla.atRisk(Actor.system(), 50, "network")))
        .containsExactly(s.res3.id(), s.res1.id(), s.ola1.id());
    assertThat(ids(f.sla.atRisk(Actor.system(), 30, "database")))
        .containsExactly(s.res6.id(), s.res2.id(), s.ola6database.id(), s.ola2.id());
    assertThat(ids(f.sla.atRisk(Actor.system(), 1, "network")))
        .containsExactlyInAnyOrder(s.res1.id(), s.ola1.id(), s.res3.id(), s.ola3.id());
    assertThat(f.sla.atRisk(Actor.system(), 1, "nobody")).isEmpty();
  }

  @ParameterizedTest(name = "percent {0}")
  @ValueSource(ints = {0, -5, 101})
  void atRiskRejectsPercentagesOutside1To100(int percent) {
    assertThatThrownBy(() -> f.sla.atRisk(Actor.system(), percent, null))
        .isInstanceOfSatisfying(dev.itsm.core.ValidationException.class, e -> assertThat(
            e.violations()).singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("percent");
              assertThat(v.message()).isEqualTo("must be 1..100, was " + percent);
            }));
  }

  // --- breached ----------------------------------------------------------------------------------

  @Test
  void breachedListsMissedTargetsStillCountingMostOverdueFirst() {
    SlaClock a = f.start(inc(1), TargetKind.RESPONSE, Priority.P2);        // 5 h of 30 min
    SlaClock b = f.start(inc(2), TargetKind.RESOLUTION, Priority.P1);      // 5 h of 4 h
    SlaClock overdueNotYetFired = f.start(inc(3), TargetKind.RESPONSE, Priority.P2);
    SlaClock cancelled = f.start(inc(4), TargetKind.RESPONSE, Priority.P2);
    SlaClock c = startAt(H.multipliedBy(4), 5, TargetKind.RESPONSE, Priority.P2, null); // 1 h
    SlaClock ola = f.start(inc(5), TargetKind.OPERATIONAL, Priority.P2, "network");
    f.clock.set(T0.plus(H));
    f.sla.thresholdDue(cancelled.id());
    f.sla.cancelAll(inc(4));
    f.clock.set(T0.plus(H.multipliedBy(5)));
    for (SlaClock k : List.of(a, b, c, ola)) {
      f.sla.thresholdDue(k.id());
    }

    List<ClockStatus> breached = f.sla.breached(Actor.system(), null);

    assertThat(ids(breached)).containsExactly(a.id(), b.id(), c.id());
    assertThat(breached).extracting(ClockStatus::remaining).containsExactly(
        Duration.ofMinutes(-270), H.negated(), Duration.ofMinutes(-30));
    assertThat(ids(f.sla.breached(Actor.system(), "network"))).containsExactly(c.id());
    assertThat(f.sla.breached(Actor.system(), "database")).isEmpty();
    assertThat(f.status(overdueNotYetFired.id()).percent()).isGreaterThan(100);
  }

  // --- compliance --------------------------------------------------------------------------------

  static final Instant FROM = Instant.parse("2024-03-14T00:00:00Z");
  static final Instant TO = Instant.parse("2024-03-21T00:00:00Z");
  int next = 100;

  /** A clock that took {@code took} (business time) and stopped at {@code stoppedAt}. */
  SlaClock stopped(TargetKind kind, Priority p, String group, Instant stoppedAt, Duration took) {
    String number = inc(next++);
    f.clock.set(stoppedAt);
    SlaClock c = f.sla.start(PROCESS, number, kind, p, null, null, group, true,
        stoppedAt.minus(took)).orElseThrow();
    f.sla.thresholdDue(c.id()); // fires the breach when took >= target
    f.sla.achieve(number, kind);
    return f.clock(c.id());
  }

  @Test
  void complianceCountsMetAndMissedTargetsPerKindAndPriority() {
    Instant t = FROM;
    // resolution P2 (8 h): 2 h, 4 h, 6 h, 9 h (missed), 3 h; the first stops exactly at FROM
    for (int hours : new int[] {2, 4, 6, 9, 3}) {
      stopped(TargetKind.RESOLUTION, Priority.P2, null, t, H.multipliedBy(hours));
      t = t.plus(H);
    }
    // response P2 (30 min): 10 min, 40 min (missed)
    stopped(TargetKind.RESPONSE, Priority.P2, null, t, Duration.ofMinutes(10));
    stopped(TargetKind.RESPONSE, Priority.P2, null, t, Duration.ofMinutes(40));
    // resolution P1 (4 h): 1 h
    stopped(TargetKind.RESOLUTION, Priority.P1, null, t, H);
    // resolution P4 (5 days): 1 h .. 10 h
    for (int hours = 10; hours >= 1; hours--) {
      stopped(TargetKind.RESOLUTION, Priority.P4, null, t.plus(Duration.ofMinutes(hours)),
          H.multipliedBy(hours));
    }
    // operational P3 (10 h): 12 h (missed)
    stopped(TargetKind.OPERATIONAL, Priority.P3, "network", t, H.multipliedBy(12));
    // resolution P5 on the office calendar: Friday 16:00 to Monday 10:00 is 2 business hours
    f.clock.set(berlin("2024-03-15T16:00"));
    f.start(inc(900), TargetKind.RESOLUTION, Priority.P5);
    f.clock.set(berlin("2024-03-18T10:00"));
    f.sla.achieve(inc(900), TargetKind.RESOLUTION);
    // not counted: stopped just before FROM, exactly at TO, cancelled, still running
    stopped(TargetKind.RESOLUTION, Priority.P2, null, FROM.minusMillis(1), H.multipliedBy(20));
    stopped(TargetKind.RESOLUTION, Priority.P2, null, TO, H.multipliedBy(20));
    f.clock.set(FROM.plus(H));
    f.sla.start(PROCESS, inc(901), TargetKind.RESOLUTION, Priority.P2, null, null, null, true,
        FROM.minus(H.multipliedBy(30)));
    f.sla.thresholdDue(f.store.forRecord(inc(901)).get(0).id());
    f.sla.cancelAll(inc(901));
    f.start(inc(902), TargetKind.RESOLUTION, Priority.P2);
    f.clock.set(TO.plus(H.multipliedBy(100)));

    List<Compliance> compliance = f.sla.compliance(Actor.system(), FROM, TO);

    assertThat(compliance).containsExactlyInAnyOrder(
        new Compliance(TargetKind.RESOLUTION, "P2", 4, 1, 80.0,
            Duration.ofMinutes(288) /* 24 h / 5 */, H.multipliedBy(9) /* rank 5 of 5 */),
        new Compliance(TargetKind.RESPONSE, "P2", 1, 1, 50.0, Duration.ofMinutes(25),
            Duration.ofMinutes(40) /* rank 2 of 2 */),
        new Compliance(TargetKind.RESOLUTION, "P1", 1, 0, 100.0, H, H),
        new Compliance(TargetKind.RESOLUTION, "P4", 10, 0, 100.0, Duration.ofMinutes(330),
            H.multipliedBy(9) /* rank 9 of 10 */),
        new Compliance(TargetKind.OPERATIONAL, "P3", 0, 1, 0.0, H.multipliedBy(12),
            H.multipliedBy(12)),
        new Compliance(TargetKind.RESOLUTION, "P5", 1, 0, 100.0, H.multipliedBy(2),
            H.multipliedBy(2)));
  }

  @Test
  void complianceOfAPeriodWithoutStoppedClocksIsEmpty() {
    stopped(TargetKind.RESOLUTION, Priority.P2, null, FROM.minusSeconds(1), H);
    f.start(inc(1), TargetKind.RESOLUTION, Priority.P2);

    assertThat(f.sla.compliance(Actor.system(), FROM, TO)).isEmpty();
  }

  @Test
  void aReopenedClockCountsOnceWithItsFinalFigures() {
    SlaClock c = stopped(TargetKind.RESOLUTION, Priority.P2, null, FROM.plus(H), H.multipliedBy(3));
    f.clock.set(FROM.plus(H.multipliedBy(2)));
    f.sla.continueOrStart(PROCESS, c.recordNumber(), TargetKind.RESOLUTION, Priority.P2, null,
        null, null);
    f.clock.set(FROM.plus(H.multipliedBy(4)));
    f.sla.achieve(c.recordNumber(), TargetKind.RESOLUTION);

    assertThat(f.sla.compliance(Actor.system(), FROM, TO)).containsExactly(new Compliance(TargetKind.RESOLUTION,
        "P2", 1, 0, 100.0, H.multipliedBy(5), H.multipliedBy(5)));
  }
}
