package dev.itsm.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.sla.SlaClockEntry.Kind;
import dev.itsm.core.spi.SlaClockStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link SlaClockStore} must do; each store's test class extends this one.
 * Instants carry microseconds (what the JDBC store keeps), durations milliseconds.
 */
abstract class SlaClockStoreContract {

  static final Instant T = Instant.parse("2024-03-04T09:00:00.123456Z");
  static final Duration H = Duration.ofHours(1);

  SlaClockStore store;

  /** @return an empty store working in the test's transaction */
  abstract SlaClockStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** @return a running clock with every optional field empty */
  static SlaClock minimal(String id, String record, Instant startedAt) {
    return new SlaClock(id, record, "incident", "P2 resolution", TargetKind.RESOLUTION, "P2",
        null, "24x7", Duration.ofHours(8), List.of(), SlaClockState.RUNNING, startedAt,
        Duration.ZERO, null, List.of(), null, null, 1);
  }

  /** @return a clock with every field set to a distinct, non-default value */
  static SlaClock full(String id, String record) {
    return new SlaClock(id, record, "incident", "Payroll P1 resolution, ÜNÏCÖDE 'quoted'",
        TargetKind.OPERATIONAL, "P1", "network-ops", "office-berlin",
        Duration.ofHours(4).plusMillis(123), List.of(25, 50, 75, 90), SlaClockState.BREACHED,
        Instant.parse("2024-03-04T09:00:00.000001Z"), Duration.ofMinutes(185).plusMillis(89),
        Instant.parse("2024-03-04T12:10:00.654321Z"), List.of(25, 50, 75, 90, 100),
        Instant.parse("2024-03-04T13:00:00.000002Z"), null, 1);
  }

  static SlaClock stoppedAt(SlaClock c, Instant at, SlaClockState state) {
    return new SlaClock(c.id(), c.recordNumber(), c.process(), c.targetName(), c.kind(),
        c.priority(), c.group(), c.calendar(), c.target(), c.warningPercents(), state,
        c.startedAt(), H, null, c.firedPercents(), c.breachedAt(), at, c.version() + 1);
  }

  static SlaClock withVersion(SlaClock c, long version) {
    return new SlaClock(c.id(), c.recordNumber(), c.process(), "lost update", c.kind(),
        c.priority(), c.group(), c.calendar(), c.target(), c.warningPercents(), c.state(),
        c.startedAt(), c.accumulated(), c.runningSince(), c.firedPercents(), c.breachedAt(),
        c.stoppedAt(), version);
  }

  static List<String> ids(List<SlaClock> clocks) {
    return clocks.stream().map(SlaClock::id).toList();
  }

  // --- insert, find, update ----------------------------------------------------------------------

  @Test
  void roundTripKeepsEveryField() {
    SlaClock full = full("c-full", "INC0000001");
    SlaClock minimal = minimal("c-min", "INC0000002", T);

    store.insert(full);
    store.insert(minimal);

    assertThat(store.find("c-full")).contains(full);
    assertThat(store.find("c-min")).contains(minimal);
    assertThat(store.find("c-min").orElseThrow().warningPercents()).isEmpty();
    assertThat(store.find("c-min").orElseThrow().group()).isNull();
  }

  @Test
  void findOfAnUnknownIdIsEmpty() {
    store.insert(minimal("c1", "INC0000001", T));

    assertThat(store.find("c2")).isEmpty();
  }

  @Test
  void updateWithTheNextVersionReplacesEveryField() {
    SlaClock before = full("c1", "INC0000001");
    store.insert(before);
    SlaClock after = new SlaClock("c1", "INC0000009", "change", "P3 resolution",
        TargetKind.RESOLUTION, "P3", null, "24x7", Duration.ofDays(3), List.of(50),
        SlaClockState.ACHIEVED, T, Duration.ofHours(7).plusMillis(1), null, List.of(),
        null, Instant.parse("2024-03-05T10:00:00.5Z"), 2);

    store.update(after);

    assertThat(store.find("c1")).contains(after);
  }

  @ParameterizedTest(name = "stored version 1, update to version {0}")
  @ValueSource(longs = {1, 3, 0})
  void updateWithTheWrongVersionIsAConcurrentModification(long version) {
    SlaClock stored = full("c1", "INC0000001");
    store.insert(stored);

    ConcurrentModificationException e = catchThrowableOfType(
        ConcurrentModificationException.class, () -> store.update(withVersion(stored, version)));

    assertThat(e).isNotNull();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("c1");
    assertThat(store.find("c1")).contains(stored);
  }

  @Test
  void updateOfAnUnknownClockIsAConcurrentModification() {
    assertThat(catchThrowableOfType(ConcurrentModificationException.class,
        () -> store.update(withVersion(minimal("c404", "INC0000001", T), 2)))).isNotNull();
    assertThat(store.find("c404")).isEmpty();
  }

  @Test
  void successiveUpdatesEachNeedTheNextVersion() {
    SlaClock v1 = minimal("c1", "INC0000001", T);
    store.insert(v1);
    SlaClock v2 = stoppedAt(v1, T.plus(H), SlaClockState.ACHIEVED);
    store.update(v2);

    assertThat(catchThrowableOfType(ConcurrentModificationException.class,
        () -> store.update(withVersion(v1, 2)))).isNotNull();
    assertThat(store.find("c1")).contains(v2);
  }

  // --- queries -----------------------------------------------------------------------------------

  @Test
  void forRecordListsTheRecordsClocksOldestFirst() {
    store.insert(minimal("c-late", "INC0000001", T.plus(H)));
    store.insert(minimal("c-other", "INC0000002", T));
    store.insert(minimal("c-early", "INC0000001", T));

    assertThat(ids(store.forRecord("INC0000001"))).containsExactly("c-early", "c-late");
    assertThat(ids(store.forRecord("INC0000002"))).containsExactly("c-other");
    assertThat(store.forRecord("INC0000003")).isEmpty();
  }

  @Test
  void clocksStartedAtTheSameInstantKeepTheOrderTheyWereStartedIn() {
    // IncidentClocks starts response, resolution and operational at the opening instant
    store.insert(minimal("c-response-9", "INC0000001", T));
    store.insert(minimal("c-resolution-1", "INC0000001", T));
    store.insert(minimal("c-operational-5", "INC0000001", T));

    assertThat(ids(store.forRecord("INC0000001")))
        .containsExactly("c-response-9", "c-resolution-1", "c-operational-5");
  }

  @Test
  void activeListsEveryClockNotStoppedOldestFirst() {
    SlaClock running = minimal("c-running", "INC0000001", T);
    SlaClock paused = new SlaClock("c-paused", "INC0000002", "incident", "P2 resolution",
        TargetKind.RESOLUTION, "P2", null, "24x7", H, List.of(), SlaClockState.PAUSED,
        T.plus(Duration.ofMinutes(1)), H, null, List.of(), null, null, 1);
    SlaClock breached = full("c-breached", "INC0000003"); // breached, still counting
    SlaClock met = minimal("c-met", "INC0000004", T.plus(Duration.ofMinutes(2)));
    SlaClock cancelled = minimal("c-cancelled", "INC0000005", T.plus(Duration.ofMinutes(3)));
    SlaClock breachedStopped = minimal("c-breached-stopped", "INC0000006",
        T.plus(Duration.ofMinutes(4)));
    List.of(breached, running, paused, met, cancelled, breachedStopped).forEach(store::insert);
    store.update(stoppedAt(met, T.plus(H), SlaClockState.ACHIEVED));
    store.update(stoppedAt(cancelled, T.plus(H), SlaClockState.CANCELLED));
    store.update(stoppedAt(breachedStopped, T.plus(H), SlaClockState.BREACHED));

    assertThat(ids(store.active())).containsExactly("c-breached", "c-running", "c-paused");
  }

  @Test
  void stoppedBetweenIncludesFromExcludesToAndOrdersByStopTime() {
    Instant from = T.plus(H.multipliedBy(10));
    Instant to = from.plus(Duration.ofDays(1));
    Object[][] stops = {
        {"c-to", to},
        {"c-just-before-to", to.minusNanos(1000)},
        {"c-from", from},
        {"c-before-from", from.minusNanos(1000)},
        {"c-inside", from.plus(H)},
        {"c-running", null}};
    for (Object[] s : stops) {
      SlaClock c = minimal((String) s[0], "INC-" + s[0], T);
      store.insert(c);
      if (s[1] != null) {
        store.update(stoppedAt(c, (Instant) s[1], ((String) s[0]).equals("c-inside")
            ? SlaClockState.CANCELLED : SlaClockState.ACHIEVED));
      }
    }

    assertThat(ids(store.stoppedBetween(from, to)))
        .containsExactly("c-from", "c-inside", "c-just-before-to");
    assertThat(store.stoppedBetween(from, from)).isEmpty();
  }

  // --- history -----------------------------------------------------------------------------------

  @Test
  void historyKeepsEveryFieldInAppendOrderPerClock() {
    List<SlaClockEntry> c1 = List.of(
        new SlaClockEntry("c1", T, Kind.STARTED, "P2 resolution: PT8H on calendar 24x7"),
        new SlaClockEntry("c1", T.plus(H), Kind.PAUSED, "on hold: AWAITING_CALLER"),
        new SlaClockEntry("c1", T.minus(H), Kind.RETARGETED, "earlier time, later entry"),
        new SlaClockEntry("c1", T.plus(H), Kind.WARNING, "50% of PT8H (P2 resolution)"));
    store.appendHistory(c1.get(0));
    store.appendHistory(new SlaClockEntry("c2", T, Kind.STARTED, "other clock"));
    c1.subList(1, c1.size()).forEach(store::appendHistory);
    for (Kind k : Kind.values()) {
      store.appendHistory(new SlaClockEntry("c3", T, k, k.name().toLowerCase()));
    }

    assertThat(store.history("c1")).containsExactlyElementsOf(c1);
    assertThat(store.history("c2")).containsExactly(
        new SlaClockEntry("c2", T, Kind.STARTED, "other clock"));
    assertThat(store.history("c3")).extracting(SlaClockEntry::kind)
        .containsExactly(Kind.values());
    assertThat(store.history("c4")).isEmpty();
  }
}
