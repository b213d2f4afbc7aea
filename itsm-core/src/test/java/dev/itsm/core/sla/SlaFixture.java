package dev.itsm.core.sla;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.MutableClock;
import dev.itsm.core.calendar.BusinessCalendar;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.spi.BeforeHook;
import dev.itsm.core.store.memory.InMemorySlaClockStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DefaultServiceLevelService} without an engine: in-memory store, {@link
 * Transactions#local()}, a {@link RecordingWorkflow}, a {@link RecordingEscalations} handler, a
 * {@link MutableClock} at {@link #T0} and an after-listener collecting events in
 * {@link #received}. Thresholds fire only when a test calls {@code thresholdDue}.
 */
public final class SlaFixture {

  /** Monday 2024-03-04 09:00 UTC (10:00 in Berlin). */
  public static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

  public static final String PROCESS = "incident";

  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Mon–Fri 09:00–17:00 Europe/Berlin, no holidays. */
  public static final BusinessCalendar OFFICE = BusinessCalendar.builder("office", BERLIN)
      .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
      .build();

  public final MutableClock clock;
  public final InMemorySlaClockStore store = new InMemorySlaClockStore();
  public final Transactions tx = Transactions.local();
  public final RecordingWorkflow workflow = new RecordingWorkflow();
  public final RecordingEscalations escalations = new RecordingEscalations();
  /** Events delivered to the after-listener, in order. */
  public final List<ItsmEvent> received = new ArrayList<>();
  public final DefaultServiceLevelService sla;

  private SlaFixture(ServiceLevels levels, Instant start, List<BeforeHook> hooks) {
    clock = new MutableClock(start);
    sla = new DefaultServiceLevelService(levels, store, tx, workflow, clock,
        new Events(tx, hooks, List.of(received::add)), dev.itsm.core.internal.AccessGuard.PERMIT_ALL);
    sla.bindEscalations(escalations);
  }

  /** @param levels the definitions @return a fixture at {@link #T0} */
  public static SlaFixture of(ServiceLevels levels) {
    return new SlaFixture(levels, T0, List.of());
  }

  /**
   * @param levels the definitions
   * @param hooks before-hooks
   * @return a fixture at {@link #T0}
   */
  public static SlaFixture of(ServiceLevels levels, BeforeHook... hooks) {
    return new SlaFixture(levels, T0, List.of(hooks));
  }

  /** @param localDateTime e.g. {@code 2024-03-09T10:00} @return that wall-clock time in Berlin */
  public static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  /** @return an incident resolution target builder for a priority, 24x7 */
  public static ServiceLevelTarget.Builder resolution(Priority p, Duration within) {
    return ServiceLevelTarget.resolution(p + " resolution").priority(p).within(within);
  }

  /** @return an incident response target builder for a priority, 24x7 */
  public static ServiceLevelTarget.Builder response(Priority p, Duration within) {
    return ServiceLevelTarget.response(p + " response").priority(p).within(within);
  }

  /** Starts a running clock now, failing when no target applies. */
  public SlaClock start(String number, TargetKind kind, Priority priority) {
    return start(number, kind, priority, null);
  }

  /** Starts a running clock now for a group, failing when no target applies. */
  public SlaClock start(String number, TargetKind kind, Priority priority, String group) {
    return sla.start(PROCESS, number, kind, priority, null, null, group, true, null)
        .orElseThrow(() -> new AssertionError("no target for " + kind + " " + priority));
  }

  /** @return the stored clock */
  public SlaClock clock(String id) {
    return store.find(id).orElseThrow();
  }

  /** @return the live figures of a clock now */
  public ClockStatus status(String id) {
    SlaClock c = clock(id);
    return sla.clocks(Actor.system(), c.recordNumber()).stream().filter(s -> s.clock().id().equals(id))
        .findFirst().orElseThrow();
  }

  /** @return the kinds of the clock's history entries, oldest first */
  public List<SlaClockEntry.Kind> historyKinds(String id) {
    return sla.history(Actor.system(), id).stream().map(SlaClockEntry::kind).toList();
  }

  /** @param d how far to move the clock @return the new time */
  public Instant advance(Duration d) {
    return clock.advance(d);
  }
}
