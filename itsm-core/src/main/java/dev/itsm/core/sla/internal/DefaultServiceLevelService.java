package dev.itsm.core.sla.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.Arguments;
import dev.itsm.core.calendar.BusinessCalendar;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.sla.ClockStatus;
import dev.itsm.core.sla.Compliance;
import dev.itsm.core.sla.Escalation;
import dev.itsm.core.sla.ServiceLevelEvent;
import dev.itsm.core.sla.ServiceLevelService;
import dev.itsm.core.sla.ServiceLevelTarget;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockEntry;
import dev.itsm.core.sla.SlaClockEntry.Kind;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.spi.SlaClockStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service level management, independent of the engine: clock arithmetic on business calendars,
 * the clock lifecycle, thresholds, escalations, queries and compliance. The practices call the
 * lifecycle methods inside their transactions; the engine calls {@link #thresholdDue} from the
 * clock process's timer. Internal: no compatibility guarantees.
 */
public final class DefaultServiceLevelService implements ServiceLevelService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultServiceLevelService.class);

  private final ServiceLevels levels;
  private final SlaClockStore store;
  private final Transactions tx;
  private final SlaClockWorkflow workflow;
  private final Clock clock;
  private final Events events;
  private final AccessGuard guard;
  /** What thresholds do to records, by practice ({@code SlaClock.process()}). */
  private final Map<String, EscalationHandler> escalations = new ConcurrentHashMap<>();
  /** Stored as the priority of clocks of records that have none (changes). */
  public static final String NO_PRIORITY = "NONE";

  /**
   * @param levels the definitions
   * @param store the clock store
   * @param tx the transactions
   * @param workflow the process side
   * @param clock the clock
   * @param events delivers threshold events to the host's hooks and listeners
   * @param guard checks the reads
   */
  public DefaultServiceLevelService(ServiceLevels levels, SlaClockStore store, Transactions tx,
      SlaClockWorkflow workflow, Clock clock, Events events, AccessGuard guard) {
    this.guard = guard;
    this.levels = levels;
    this.store = store;
    this.tx = tx;
    this.workflow = workflow;
    this.clock = clock;
    this.events = events;
  }

  /** @param handler what thresholds do to incidents; set once the practice exists */
  public void bindEscalations(EscalationHandler handler) {
    bindEscalations("incident", handler);
  }

  /**
   * @param process a practice, e.g. {@code change}, as the clocks' {@code process}
   * @param handler what thresholds do to its records; set once the practice exists
   */
  public void bindEscalations(String process, EscalationHandler handler) {
    escalations.put(Objects.requireNonNull(process), Objects.requireNonNull(handler));
  }

  private EscalationHandler escalations(SlaClock c) {
    return escalations.getOrDefault(c.process(), EscalationHandler.NONE);
  }

  /** @return the definitions */
  public ServiceLevels levels() {
    return levels;
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * When a target would fall due for a record starting now, or {@code null} if no target applies.
   *
   * @param process the practice
   * @param kind the kind
   * @param priority the priority
   * @param service the service
   * @param customer the customer
   * @param group the group
   * @param start the start
   * @return the due time, or {@code null}
   */
  public Instant dueAt(String process, TargetKind kind, Priority priority, String service,
      String customer, String group, Instant start) {
    return levels.select(process, kind, priority, service, customer, group)
        .map(t -> levels.calendar(t.calendar()).add(start, t.target()))
        .orElse(null);
  }

  private BusinessCalendar calendar(SlaClock c) {
    return levels.calendar(c.calendar());
  }

  Duration elapsed(SlaClock c, Instant at) {
    if (c.runningSince() == null || !at.isAfter(c.runningSince())) {
      return c.accumulated();
    }
    return c.accumulated().plus(calendar(c).between(c.runningSince(), at));
  }

  private static Duration share(SlaClock c, int percent) {
    return c.target().multipliedBy(percent).dividedBy(100);
  }

  private Instant dueFor(SlaClock c, int percent) {
    Duration needed = share(c, percent).minus(c.accumulated());
    if (needed.isNegative() || needed.isZero()) {
      return c.runningSince();
    }
    return calendar(c).add(c.runningSince(), needed);
  }

  /**
   * @param c a clock
   * @return when its next unfired threshold falls due, or {@code null} when it is not measuring or
   *     every threshold has fired
   */
  public Instant nextThresholdAt(SlaClock c) {
    if (c.runningSince() == null || c.stoppedAt() != null) {
      return null;
    }
    return pending(c).stream().findFirst().map(p -> dueFor(c, p)).orElse(null);
  }

  private static List<Integer> pending(SlaClock c) {
    TreeSet<Integer> all = new TreeSet<>(c.warningPercents());
    all.add(100);
    all.removeAll(c.firedPercents());
    return List.copyOf(all);
  }

  private ClockStatus status(SlaClock c, Instant at) {
    Duration elapsed = elapsed(c, at);
    Duration remaining = c.target().minus(elapsed);
    int percent = (int) Math.min(Integer.MAX_VALUE,
        elapsed.toMillis() * 100 / Math.max(1, c.target().toMillis()));
    Instant due = c.runningSince() == null ? null
        : c.breachedAt() != null ? c.breachedAt() : dueFor(c, 100);
    return new ClockStatus(c, at, elapsed, remaining, percent, due);
  }

  // ---------------------------------------------------------------- lifecycle (in a transaction)

  /**
   * Starts the clock of a kind for a record if a target applies.
   *
   * @param process the practice
   * @param recordNumber the record
   * @param kind the kind
   * @param priority the record's priority
   * @param service the record's service
   * @param customer the record's customer
   * @param group the assignment group
   * @param running whether it starts measuring now (false: starts paused)
   * @param startAt when it starts, e.g. the record's opening time; {@code null} for now
   * @return the clock, if a target applies
   */
  public Optional<SlaClock> start(String process, String recordNumber, TargetKind kind,
      Priority priority, String service, String customer, String group, boolean running,
      Instant startAt) {
    return start(Actor.DEFAULT_TENANT, process, recordNumber, kind, priority, service, customer,
        group, running, startAt);
  }

  /**
   * Starts a clock of a kind for a record of a tenant, if a target applies (see
   * {@link #start(String, String, TargetKind, Priority, String, String, String, boolean,
   * Instant)}).
   *
   * @param tenant the record's tenant
   * @param process the practice
   * @param recordNumber the record
   * @param kind the kind
   * @param priority the record's priority
   * @param service the record's service
   * @param customer the record's customer
   * @param group the assignment group
   * @param running whether it starts measuring now
   * @param startAt when it starts; {@code null} for now
   * @return the clock, if a target applies
   */
  public Optional<SlaClock> start(String tenant, String process, String recordNumber,
      TargetKind kind, Priority priority, String service, String customer, String group,
      boolean running, Instant startAt) {
    Optional<ServiceLevelTarget> target = levels.select(process, kind, priority, service,
        customer, group);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(start(tenant, process, recordNumber, target.get(), priority, group,
        running, startAt));
  }

  /**
   * Starts a running clock for a record against a target the record brings along (e.g. a catalog
   * item's own service-level target) instead of one selected from the definitions. Its thresholds
   * fire like any other; it has no escalations.
   *
   * @param process the practice
   * @param recordNumber the record
   * @param target the target; its kind is the clock's kind
   * @param startAt when it starts; {@code null} for now
   * @return the clock
   * @throws IllegalArgumentException when the target's calendar is not defined
   */
  public SlaClock start(String process, String recordNumber, ServiceLevelTarget target,
      Instant startAt) {
    return start(Actor.DEFAULT_TENANT, process, recordNumber, target, startAt);
  }

  /**
   * Starts a running clock for a record of a tenant against the record's own target (see
   * {@link #start(String, String, ServiceLevelTarget, Instant)}).
   *
   * @param tenant the record's tenant
   * @param process the practice
   * @param recordNumber the record
   * @param target the target; its kind is the clock's kind
   * @param startAt when it starts; {@code null} for now
   * @return the clock
   */
  public SlaClock start(String tenant, String process, String recordNumber,
      ServiceLevelTarget target, Instant startAt) {
    levels.calendars().get(target.calendar());
    return start(tenant, process, recordNumber, target, null, null, true, startAt);
  }

  private SlaClock start(String tenant, String process, String recordNumber, ServiceLevelTarget t,
      Priority priority, String group, boolean running, Instant startAt) {
    TargetKind kind = t.kind();
    Instant now = startAt != null ? startAt : clock.instant();
    SlaClock c = new SlaClock(UUID.randomUUID().toString(), recordNumber, process, t.name(), kind,
        priority == null ? NO_PRIORITY : priority.name(), kind == TargetKind.OPERATIONAL ? group : null, t.calendar(), t.target(),
        t.warningPercents(), running ? SlaClockState.RUNNING : SlaClockState.PAUSED, now,
        Duration.ZERO, running ? now : null, List.of(), null, null, 1, tenant);
    store.insert(c);
    history(c, now, Kind.STARTED, t.name() + ": " + t.target() + " on calendar " + t.calendar()
        + (running ? "" : " (paused)"));
    workflow.started(c, nextThresholdAt(c));
    return c;
  }

  /**
   * Pauses the record's measuring clocks of the given kinds.
   *
   * @param recordNumber the record
   * @param reason why, for the history
   * @param kinds the kinds
   */
  public void pause(String recordNumber, String reason, TargetKind... kinds) {
    Instant now = clock.instant();
    for (SlaClock c : active(recordNumber, kinds)) {
      if (c.runningSince() == null) {
        continue;
      }
      SlaClock p = copy(c, c.state() == SlaClockState.BREACHED ? c.state() : SlaClockState.PAUSED,
          elapsed(c, now), null, c.firedPercents(), c.breachedAt(), null, c.target(),
          c.warningPercents(), c.targetName(), c.priority());
      store.update(p);
      history(p, now, Kind.PAUSED, reason);
      workflow.changed(p, null);
    }
  }

  /**
   * Resumes the record's paused clocks of the given kinds.
   *
   * @param recordNumber the record
   * @param reason why, for the history
   * @param kinds the kinds
   */
  public void resume(String recordNumber, String reason, TargetKind... kinds) {
    Instant now = clock.instant();
    for (SlaClock c : active(recordNumber, kinds)) {
      if (c.runningSince() != null) {
        continue;
      }
      SlaClock r = copy(c, c.state() == SlaClockState.BREACHED ? c.state() : SlaClockState.RUNNING,
          c.accumulated(), now, c.firedPercents(), c.breachedAt(), null, c.target(),
          c.warningPercents(), c.targetName(), c.priority());
      store.update(r);
      history(r, now, Kind.RESUMED, reason);
      workflow.changed(r, nextThresholdAt(r));
    }
  }

  /**
   * Gives the record's active clocks of the given kinds the target of a new priority, keeping the
   * elapsed business time; thresholds already fired stay fired.
   *
   * @param process the practice
   * @param recordNumber the record
   * @param priority the new priority
   * @param service the record's service
   * @param customer the record's customer
   * @param group the record's assignment group
   * @param kinds the kinds to re-target
   */
  public void retarget(String process, String recordNumber, Priority priority, String service,
      String customer, String group, TargetKind... kinds) {
    Instant now = clock.instant();
    for (SlaClock c : active(recordNumber, kinds)) {
      Optional<ServiceLevelTarget> target = levels.select(process, c.kind(), priority, service,
          customer, c.group() != null ? c.group() : group);
      if (target.isEmpty()) {
        continue;
      }
      ServiceLevelTarget t = target.get();
      if (t.name().equals(c.targetName()) && t.target().equals(c.target())
          && t.calendar().equals(c.calendar())) {
        continue; // the same target applies: nothing to re-target
      }
      // bank the elapsed time so far on the old calendar, then continue on the new one
      Duration elapsed = elapsed(c, now);
      SlaClock r = new SlaClock(c.id(), c.recordNumber(), c.process(), t.name(), c.kind(),
          priority == null ? NO_PRIORITY : priority.name(), c.group(), t.calendar(), t.target(), t.warningPercents(), c.state(),
          c.startedAt(), elapsed, c.runningSince() == null ? null : now, c.firedPercents(),
          c.breachedAt(), null, c.version() + 1, c.tenant());
      store.update(r);
      history(r, now, Kind.RETARGETED, c.targetName() + " " + c.target() + " -> " + t.name() + " "
          + t.target() + ", elapsed " + elapsed + " kept");
      workflow.changed(r, nextThresholdAt(r));
    }
  }

  /**
   * Stops the record's active clocks of the given kinds because the target was met (a breached
   * clock stays BREACHED and records when it stopped).
   *
   * @param recordNumber the record
   * @param kinds the kinds
   */
  public void achieve(String recordNumber, TargetKind... kinds) {
    finish(recordNumber, false, kinds);
  }

  /**
   * Cancels every active clock of the record.
   *
   * @param recordNumber the record
   */
  public void cancelAll(String recordNumber) {
    finish(recordNumber, true, TargetKind.values());
  }

  private void finish(String recordNumber, boolean cancel, TargetKind... kinds) {
    Instant now = clock.instant();
    for (SlaClock c : active(recordNumber, kinds)) {
      SlaClockState state = cancel ? SlaClockState.CANCELLED
          : c.state() == SlaClockState.BREACHED ? SlaClockState.BREACHED : SlaClockState.ACHIEVED;
      Duration elapsed = elapsed(c, now);
      SlaClock s = copy(c, state, elapsed, null, c.firedPercents(), c.breachedAt(), now,
          c.target(), c.warningPercents(), c.targetName(), c.priority());
      store.update(s);
      history(s, now, cancel ? Kind.CANCELLED : Kind.STOPPED, (cancel ? "cancelled" :
          state == SlaClockState.ACHIEVED ? "met" : "stopped after the breach")
          + " after " + elapsed + " of " + c.target());
      workflow.stopped(s);
    }
  }

  /**
   * Continues the record's latest stopped clock of a kind (a reopen), or starts a new one.
   *
   * @param process the practice
   * @param recordNumber the record
   * @param kind the kind
   * @param priority the priority
   * @param service the service
   * @param customer the customer
   * @param group the group
   */
  public void continueOrStart(String process, String recordNumber, TargetKind kind,
      Priority priority, String service, String customer, String group) {
    continueOrStart(store.forRecord(recordNumber).stream().findFirst().map(SlaClock::tenant)
        .orElse(Actor.DEFAULT_TENANT), process, recordNumber, kind, priority, service, customer,
        group);
  }

  /**
   * Continues the record's latest stopped clock of a kind (a reopen), or starts a new one in the
   * record's tenant.
   *
   * @param tenant the record's tenant
   * @param process the practice
   * @param recordNumber the record
   * @param kind the kind
   * @param priority the priority
   * @param service the service
   * @param customer the customer
   * @param group the group
   */
  public void continueOrStart(String tenant, String process, String recordNumber,
      TargetKind kind, Priority priority, String service, String customer, String group) {
    Optional<SlaClock> last = store.forRecord(recordNumber).stream()
        .filter(c -> c.kind() == kind && c.stoppedAt() != null
            && c.state() != SlaClockState.CANCELLED)
        .reduce((a, b) -> b);
    if (last.isEmpty() || !levels.reopenContinuesResolution()) {
      start(tenant, process, recordNumber, kind, priority, service, customer, group, true, null);
      return;
    }
    Instant now = clock.instant();
    SlaClock c = last.get();
    SlaClock r = copy(c, c.state() == SlaClockState.BREACHED ? c.state() : SlaClockState.RUNNING,
        c.accumulated(), now, c.firedPercents(), c.breachedAt(), null, c.target(),
        c.warningPercents(), c.targetName(), c.priority());
    store.update(r);
    history(r, now, Kind.RESUMED, "reopened; elapsed " + c.accumulated() + " continues");
    workflow.started(r, nextThresholdAt(r));
  }

  /**
   * A clock's timer fell due: fires every threshold reached by now (once each), runs their
   * escalations, and says when the next one falls due.
   *
   * @param clockId the clock
   * @return when the next threshold falls due, or {@code null}
   */
  public Instant thresholdDue(String clockId) {
    return tx.required(() -> {
      SlaClock c = store.find(clockId).orElse(null);
      if (c == null || c.stoppedAt() != null || c.runningSince() == null) {
        return null;
      }
      Instant now = clock.instant();
      Duration elapsed = elapsed(c, now);
      // the same arithmetic as dueFor, so a threshold fires exactly at the instant announced
      List<Integer> reached = pending(c).stream()
          .filter(p -> elapsed.compareTo(share(c, p)) >= 0).toList();
      if (reached.isEmpty()) {
        return nextThresholdAt(c);
      }
      List<Integer> fired = new ArrayList<>(c.firedPercents());
      fired.addAll(reached);
      boolean breach = reached.contains(100);
      SlaClock after = copy(c, breach ? SlaClockState.BREACHED : c.state(), c.accumulated(),
          c.runningSince(), fired, breach ? now : c.breachedAt(), null, c.target(),
          c.warningPercents(), c.targetName(), c.priority());
      List<ServiceLevelEvent> thresholdEvents = new ArrayList<>();
      Actor system = Actor.system();
      for (int p : reached) {
        thresholdEvents.add(p == 100 ? new ServiceLevelEvent.Breached(after, system, now)
            : new ServiceLevelEvent.Warning(after, p, system, now));
      }
      thresholdEvents.forEach(events::before);
      store.update(after);
      for (int p : reached) {
        history(after, now, p == 100 ? Kind.BREACHED : Kind.WARNING, p + "% of " + c.target()
            + " (" + c.targetName() + ")");
      }
      thresholdEvents.forEach(events::afterCommit);
      ServiceLevelTarget target = levels.targets().stream()
          .filter(t -> t.name().equals(c.targetName())).findFirst().orElse(null);
      if (breach) {
        // clock first, then the record: the opposite order of an API call, so a breach and an
        // acknowledge at the same moment can deadlock; the database then rolls one back and the
        // loser gets a retryable ConcurrentModificationException (or the job is retried)
        escalations(c).breached(c.recordNumber(), c.kind());
      }
      for (int p : reached) {
        for (Escalation action : target == null ? List.<Escalation>of() : target.escalationsAt(p)) {
          escalate(after, p, action, now);
        }
      }
      LOG.debug("{} {}: thresholds {} reached", c.recordNumber(), c.targetName(), reached);
      return store.find(clockId).map(this::nextThresholdAt).orElse(null);
    });
  }

  private void escalate(SlaClock c, int percent, Escalation action, Instant now) {
    String detail;
    if (action instanceof Escalation.Notify n) {
      events.afterCommit(new ServiceLevelEvent.EscalationRequested(c, percent, n.recipient(),
          Actor.system(), now));
      detail = "notify " + n.recipient();
    } else if (action instanceof Escalation.Reassign r) {
      escalations(c).reassign(c.recordNumber(), r.group());
      detail = "reassign to " + r.group();
    } else {
      escalations(c).raisePriority(c.recordNumber());
      detail = "raise priority";
    }
    history(c, now, Kind.ESCALATED, percent + "%: " + detail);
  }

  // ---------------------------------------------------------------- queries

  @Override
  public List<ClockStatus> clocks(Actor actor, String recordNumber) {
    guard.check(actor, Permission.SERVICE_LEVEL_READ);
    Arguments.key(recordNumber, "recordNumber");
    return tx.required(() -> {
      List<SlaClock> clocks = store.forRecord(recordNumber).stream()
          .filter(c -> visible(actor, c)).toList();
      if (clocks.isEmpty()) {
        throw new RecordNotFoundException(recordNumber);
      }
      Instant now = clock.instant();
      return clocks.stream().map(c -> status(c, now)).toList();
    });
  }

  @Override
  public List<SlaClockEntry> history(Actor actor, String clockId) {
    guard.check(actor, Permission.SERVICE_LEVEL_READ);
    Arguments.key(clockId, "clockId");
    return tx.required(() -> {
      // an unknown clock and another tenant's clock have no history the actor may see
      return store.find(clockId).filter(c -> visible(actor, c)).isPresent()
          ? store.history(clockId) : List.<SlaClockEntry>of();
    });
  }

  @Override
  public List<ClockStatus> atRisk(Actor actor, int percent, String group) {
    guard.check(actor, Permission.SERVICE_LEVEL_READ);
    if (percent < 1 || percent > 100) {
      throw new dev.itsm.core.ValidationException("AtRisk", List.of(
          new dev.itsm.core.ValidationException.Violation("percent", "Range",
              "must be 1..100, was " + percent)));
    }
    return activeStatuses(actor, group, s -> s.percent() >= percent);
  }

  @Override
  public List<ClockStatus> breached(Actor actor, String group) {
    guard.check(actor, Permission.SERVICE_LEVEL_READ);
    return activeStatuses(actor, group, s -> s.clock().breachedAt() != null);
  }

  /** The system actor sees every tenant's clocks; others only their tenant's. */
  private static boolean visible(Actor actor, SlaClock c) {
    return actor.isSystem() || actor.tenant().equals(c.tenant());
  }

  private List<ClockStatus> activeStatuses(Actor actor, String group,
      Predicate<ClockStatus> filter) {
    return tx.required(() -> {
      Instant now = clock.instant();
      List<SlaClock> active = store.active().stream().filter(c -> visible(actor, c)).toList();
      return active.stream()
          .filter(c -> group == null || group.equals(c.group()) || holds(active, c, group))
          .map(c -> status(c, now)).filter(filter)
          .sorted(Comparator.comparing(ClockStatus::remaining)).toList();
    });
  }

  /** A record is held by the group whose operational clock on it is active. */
  private static boolean holds(List<SlaClock> active, SlaClock c, String group) {
    return c.group() == null && active.stream().anyMatch(o -> o.kind() == TargetKind.OPERATIONAL
        && o.recordNumber().equals(c.recordNumber()) && group.equals(o.group()));
  }

  @Override
  public List<Compliance> compliance(Actor actor, Instant from, Instant to) {
    guard.check(actor, Permission.SERVICE_LEVEL_READ);
    if (from == null || to == null) {
      throw new dev.itsm.core.ValidationException("Compliance", List.of(
          new dev.itsm.core.ValidationException.Violation(from == null ? "from" : "to",
              "Period", "give a period with from before to")));
    }
    return tx.required(() -> {
      Map<String, List<SlaClock>> byKey = store.stoppedBetween(from, to).stream()
          .filter(c -> c.state() != SlaClockState.CANCELLED && visible(actor, c))
          .collect(Collectors.groupingBy(c -> c.kind() + "|" + c.priority(), TreeMap::new,
              Collectors.toList()));
      List<Compliance> out = new ArrayList<>();
      byKey.forEach((key, clocks) -> {
        long breached = clocks.stream().filter(c -> c.breachedAt() != null).count();
        long achieved = clocks.size() - breached;
        List<Duration> taken = clocks.stream().map(SlaClock::accumulated).sorted().toList();
        Duration total = taken.stream().reduce(Duration.ZERO, Duration::plus);
        Duration mean = total.dividedBy(taken.size());
        Duration p90 = taken.get((int) Math.ceil(0.9 * taken.size()) - 1);
        SlaClock first = clocks.get(0);
        out.add(new Compliance(first.kind(), first.priority(), achieved, breached,
            100.0 * achieved / clocks.size(), mean, p90));
      });
      return out;
    });
  }

  // ---------------------------------------------------------------- helpers

  private List<SlaClock> active(String recordNumber, TargetKind... kinds) {
    List<TargetKind> wanted = List.of(kinds);
    return store.forRecord(recordNumber).stream()
        .filter(c -> c.stoppedAt() == null && wanted.contains(c.kind())).toList();
  }

  private static SlaClock copy(SlaClock c, SlaClockState state, Duration accumulated,
      Instant runningSince, List<Integer> fired, Instant breachedAt, Instant stoppedAt,
      Duration target, List<Integer> warnings, String targetName, String priority) {
    return new SlaClock(c.id(), c.recordNumber(), c.process(), targetName, c.kind(), priority,
        c.group(), c.calendar(), target, warnings, state, c.startedAt(), accumulated,
        runningSince, fired, breachedAt, stoppedAt, c.version() + 1, c.tenant());
  }

  private void history(SlaClock c, Instant at, Kind kind, String detail) {
    store.appendHistory(new SlaClockEntry(c.id(), at, kind, detail));
  }
}
