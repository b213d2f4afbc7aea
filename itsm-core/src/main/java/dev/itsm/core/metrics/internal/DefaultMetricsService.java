package dev.itsm.core.metrics.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.ValidationException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.internal.AccessGuard;

import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.metrics.AgeBucket;
import dev.itsm.core.metrics.ChangeMetrics;
import dev.itsm.core.metrics.IncidentMetrics;
import dev.itsm.core.metrics.Metrics;
import dev.itsm.core.metrics.MetricsContributor;
import dev.itsm.core.metrics.MetricsQuery;
import dev.itsm.core.metrics.MetricsSection;
import dev.itsm.core.metrics.MetricsService;
import dev.itsm.core.metrics.PriorityCompliance;
import dev.itsm.core.metrics.ItemVolume;
import dev.itsm.core.metrics.ProblemMetrics;
import dev.itsm.core.metrics.Ratio;
import dev.itsm.core.metrics.RequestMetrics;
import dev.itsm.core.metrics.ServiceLevelMetrics;
import dev.itsm.core.metrics.TargetCompliance;
import dev.itsm.core.metrics.WeeklyVolume;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.spi.MetricsStore;
import dev.itsm.core.spi.MetricsStore.ChangeFact;
import dev.itsm.core.spi.MetricsStore.IncidentFact;
import dev.itsm.core.spi.MetricsStore.ProblemFact;
import dev.itsm.core.spi.MetricsStore.RequestFact;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Computes the KPIs of the deployed practices from a {@link MetricsStore} in one read
 * transaction. Internal: no compatibility guarantees; the definitions are documented on the
 * section records ({@link IncidentMetrics} etc.).
 */
public final class DefaultMetricsService implements MetricsService {

  /** The built-in practices whose sections can be present. */
  public enum Practice {
    /** Incident management. */
    INCIDENT,
    /** Major incidents (a figure in the incident section). */
    MAJOR_INCIDENT,
    /** Change enablement. */
    CHANGE,
    /** Problem management. */
    PROBLEM,
    /** Service requests. */
    REQUEST;

    /**
     * @param names names of deployed processes, e.g. {@code ItsmProcess} constant names
     * @return the practices among them; other names (e.g. a process measured by a
     *     {@link MetricsContributor}) are ignored
     */
    public static Set<Practice> named(Collection<String> names) {
      Set<Practice> out = EnumSet.noneOf(Practice.class);
      for (Practice p : values()) {
        if (names.contains(p.name())) {
          out.add(p);
        }
      }
      return out;
    }
  }

  /** Lower bounds of the backlog age buckets; the last bucket is open ended. */
  private static final List<Duration> AGE_BOUNDS = List.of(Duration.ZERO, Duration.ofDays(1),
      Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30));
  private static final List<String> AGE_LABELS = List.of("< 1 d", "1-3 d", "3-7 d", "7-30 d",
      ">= 30 d");

  private final MetricsStore store;
  private final Transactions tx;
  private final Clock clock;
  private final ServiceLevels levels;
  private final Set<Practice> practices;
  private final List<MetricsContributor> contributors;
  private final AccessGuard guard;

  /**
   * @param store the data
   * @param tx read transactions
   * @param clock "now" for the at-risk figure
   * @param levels calendars of the clocks (for the business time of running clocks)
   * @param practices the deployed practices
   * @param contributors sections of further practices (EXTENSION POINT)
   * @param guard checks {@code metrics.read}
   */
  public DefaultMetricsService(MetricsStore store, Transactions tx, Clock clock,
      ServiceLevels levels, Set<Practice> practices, List<MetricsContributor> contributors,
      AccessGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.store = Objects.requireNonNull(store, "store");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.levels = Objects.requireNonNull(levels, "levels");
    this.practices = practices.isEmpty() ? EnumSet.noneOf(Practice.class)
        : EnumSet.copyOf(practices);
    this.contributors = List.copyOf(contributors);
  }

  @Override
  public Metrics compute(Actor actor, MetricsQuery query) {
    guard.check(actor, Permission.METRICS_READ);
    if (query == null) {
      throw new ValidationException("Metrics", List.of(new ValidationException.Violation(
          "query", "NotNull", "must not be null: e.g. MetricsQuery.between(from, to)")));
    }
    MetricsQuery q = actor.isSystem() ? query : query.inTenant(actor.tenant());
    return tx.required(() -> {
      Instant now = clock.instant();
      IncidentMetrics incidents = practices.contains(Practice.INCIDENT) ? incidents(q) : null;
      ServiceLevelMetrics sla = serviceLevels(q, now);
      ChangeMetrics changes = practices.contains(Practice.CHANGE) ? changes(q) : null;
      ProblemMetrics problems = practices.contains(Practice.PROBLEM) ? problems(q) : null;
      RequestMetrics requests = practices.contains(Practice.REQUEST) ? requests(q) : null;
      List<MetricsSection> extra = new ArrayList<>();
      for (MetricsContributor c : contributors) {
        extra.add(c.compute(q));
      }
      return new Metrics(q, now, incidents, sla, changes, problems, requests, extra);
    });
  }

  // ------------------------------------------------------------------------------- incidents

  IncidentMetrics incidents(MetricsQuery q) {
    List<IncidentFact> all = store.incidents(q);
    List<IncidentFact> resolved = all.stream().filter(i -> q.contains(i.resolvedAt())).toList();
    List<Duration> times = resolved.stream().map(i -> i.resolutionBusinessTime() != null
        ? i.resolutionBusinessTime() : Duration.between(i.openedAt(), i.resolvedAt())).toList();
    long opened = all.stream().filter(i -> q.contains(i.openedAt())).count();
    List<IncidentFact> backlog = all.stream().filter(i -> openAt(i, q.to())).toList();
    long[] buckets = new long[AGE_BOUNDS.size()];
    for (IncidentFact i : backlog) {
      Duration age = Duration.between(i.openedAt(), q.to());
      int b = AGE_BOUNDS.size() - 1;
      while (age.compareTo(AGE_BOUNDS.get(b)) < 0) {
        b--;
      }
      buckets[b]++;
    }
    List<AgeBucket> ages = new ArrayList<>();
    for (int b = 0; b < buckets.length; b++) {
      ages.add(new AgeBucket(AGE_LABELS.get(b), AGE_BOUNDS.get(b),
          b + 1 < AGE_BOUNDS.size() ? AGE_BOUNDS.get(b + 1) : null, buckets[b]));
    }
    OptionalLong majors = practices.contains(Practice.MAJOR_INCIDENT)
        ? OptionalLong.of(store.majorIncidentsPromoted(q)) : OptionalLong.empty();
    return new IncidentMetrics(opened, resolved.size(), Stats.mean(times),
        Stats.percentile(times, 90),
        ratio(resolved, i -> i.firstGroup() != null
            && i.firstGroup().equals(i.assignmentGroup())),
        ratio(resolved, i -> i.reassignmentCount() > 0),
        ratio(resolved, i -> i.reopenCount() > 0),
        backlog.size(), ages, majors, weekly(q, all));
  }

  /** Open at {@code t}: opened before it, neither resolved nor cancelled before it. */
  private static boolean openAt(IncidentFact i, Instant t) {
    return i.openedAt().isBefore(t)
        && (i.resolvedAt() == null || !i.resolvedAt().isBefore(t))
        && (i.cancelledAt() == null || !i.cancelledAt().isBefore(t));
  }

  private static List<WeeklyVolume> weekly(MetricsQuery q, List<IncidentFact> all) {
    List<WeeklyVolume> out = new ArrayList<>();
    LocalDate monday = q.from().atOffset(ZoneOffset.UTC).toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    while (monday.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(q.to())) {
      Instant start = max(q.from(), monday.atStartOfDay().toInstant(ZoneOffset.UTC));
      Instant end = min(q.to(), monday.plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC));
      MetricsQuery week = new MetricsQuery(start, end, q.filter(), q.atRiskPercent());
      out.add(new WeeklyVolume(monday,
          all.stream().filter(i -> week.contains(i.openedAt())).count(),
          all.stream().filter(i -> week.contains(i.resolvedAt())).count()));
      monday = monday.plusWeeks(1);
    }
    return out;
  }

  // ------------------------------------------------------------------------- service levels

  ServiceLevelMetrics serviceLevels(MetricsQuery q, Instant now) {
    List<SlaClock> clocks = store.clocks(q);
    List<SlaClock> stopped = clocks.stream().filter(c -> q.contains(c.stoppedAt())
        && c.state() != SlaClockState.CANCELLED).toList();
    Map<String, List<SlaClock>> byTarget = new TreeMap<>();
    Map<String, List<SlaClock>> byPriority = new TreeMap<>(PRIORITY_ORDER);
    for (SlaClock c : stopped) {
      byTarget.computeIfAbsent(c.targetName() + "\u0000" + c.priority(), k -> new ArrayList<>())
          .add(c);
      byPriority.computeIfAbsent(c.priority(), k -> new ArrayList<>()).add(c);
    }
    List<TargetCompliance> targets = new ArrayList<>();
    byTarget.values().forEach(list -> targets.add(new TargetCompliance(list.get(0).targetName(),
        list.get(0).kind(), list.get(0).priority(), met(list))));
    List<PriorityCompliance> priorities = new ArrayList<>();
    byPriority.forEach((p, list) -> priorities.add(new PriorityCompliance(p, met(list))));
    long breaches = clocks.stream().filter(c -> q.contains(c.breachedAt())).count();
    long atRisk = clocks.stream().filter(c -> c.stoppedAt() == null
        && c.state() == SlaClockState.RUNNING && c.breachedAt() == null
        && elapsed(c, now).toMillis() * 100 >= (long) q.atRiskPercent() * c.target().toMillis())
        .count();
    return new ServiceLevelMetrics(targets, priorities, met(stopped), breaches, atRisk);
  }

  /** P1..P5 first, then other names (e.g. NONE) alphabetically. */
  private static final Comparator<String> PRIORITY_ORDER = Comparator
      .comparing((String p) -> !p.matches("P\\d")).thenComparing(Comparator.naturalOrder());

  private static Ratio met(List<SlaClock> clocks) {
    return ratio(clocks, c -> c.breachedAt() == null);
  }

  /** Business time the clock has measured by {@code now}, on its calendar. */
  private Duration elapsed(SlaClock c, Instant now) {
    if (c.runningSince() == null || !now.isAfter(c.runningSince())) {
      return c.accumulated();
    }
    Duration running;
    try {
      running = levels.calendar(c.calendar()).between(c.runningSince(), now);
    } catch (IllegalArgumentException unknownCalendar) {
      running = Duration.between(c.runningSince(), now);
    }
    return c.accumulated().plus(running);
  }

  // -------------------------------------------------------------------------------- changes

  ChangeMetrics changes(MetricsQuery q) {
    List<ChangeFact> all = store.changes(q);
    List<ChangeFact> implemented = all.stream()
        .filter(c -> q.contains(c.implementedAt()) && c.outcome() != null).toList();
    long successful = implemented.stream()
        .filter(c -> c.outcome() == ChangeOutcome.SUCCESSFUL).count();
    long withIssues = implemented.stream()
        .filter(c -> c.outcome() == ChangeOutcome.SUCCESSFUL_WITH_ISSUES).count();
    long failed = implemented.stream().filter(c -> c.outcome() == ChangeOutcome.FAILED).count();
    List<ChangeFact> created = all.stream().filter(c -> q.contains(c.createdAt())).toList();
    List<Duration> lead = all.stream().filter(c -> q.contains(c.implementedAt()))
        .map(c -> Duration.between(c.createdAt(), c.implementedAt())).toList();
    long frozen = all.stream().filter(c -> c.freezeOverride() && q.contains(c.plannedStart()))
        .count();
    List<ChangeFact> decided = all.stream().filter(c -> c.type() != ChangeType.STANDARD
        && (q.contains(c.rejectedAt()) || q.contains(c.authorizedAt()))).toList();
    return new ChangeMetrics(successful, withIssues, failed,
        new Ratio(successful + withIssues, implemented.size()),
        ratio(created, c -> c.type() == ChangeType.EMERGENCY), Stats.mean(lead), frozen,
        ratio(decided, c -> q.contains(c.rejectedAt())));
  }

  // ------------------------------------------------------------------------------- problems

  ProblemMetrics problems(MetricsQuery q) {
    List<ProblemFact> all = store.problems(q);
    List<Duration> ages = all.stream().filter(p -> openAt(p, q.to()))
        .map(p -> Duration.between(p.createdAt(), q.to())).toList();
    List<ProblemFact> resolved = all.stream().filter(p -> q.contains(p.resolvedAt())).toList();
    Ratio linked;
    if (practices.contains(Practice.INCIDENT)) {
      List<IncidentFact> opened = store.incidents(q).stream()
          .filter(i -> q.contains(i.openedAt())).toList();
      linked = ratio(opened, IncidentFact::linkedToProblem);
    } else {
      linked = new Ratio(0, 0);
    }
    return new ProblemMetrics(ages.size(), Stats.mean(ages),
        ages.stream().max(Comparator.naturalOrder()).orElse(null), linked,
        store.knownErrorsPublished(q), ratio(resolved, ProblemFact::fixedByChange));
  }

  private static boolean openAt(ProblemFact p, Instant t) {
    return p.createdAt().isBefore(t)
        && (p.resolvedAt() == null || !p.resolvedAt().isBefore(t))
        && (p.closedAt() == null || !p.closedAt().isBefore(t))
        && (p.cancelledAt() == null || !p.cancelledAt().isBefore(t));
  }

  // ------------------------------------------------------------------------------- requests

  RequestMetrics requests(MetricsQuery q) {
    List<RequestFact> all = store.requests(q);
    Map<String, Long> counts = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (RequestFact r : all) {
      if (q.contains(r.submittedAt())) {
        counts.merge(r.itemId(), 1L, Long::sum);
        names.put(r.itemId(), r.itemName());
      }
    }
    List<ItemVolume> volume = new ArrayList<>();
    counts.forEach((id, n) -> volume.add(new ItemVolume(id, names.get(id), n)));
    volume.sort(Comparator.comparingLong(ItemVolume::submitted).reversed()
        .thenComparing(ItemVolume::itemId));
    List<Duration> fulfilment = all.stream().filter(r -> q.contains(r.fulfilledAt()))
        .map(r -> Duration.between(r.submittedAt(), r.fulfilledAt())).toList();
    List<RequestFact> decided = all.stream().filter(r -> r.withApproval()
        && q.contains(decision(r))).toList();
    List<Duration> turnaround = decided.stream()
        .map(r -> Duration.between(r.submittedAt(), decision(r))).toList();
    return new RequestMetrics(volume, volume.stream().mapToLong(ItemVolume::submitted).sum(),
        fulfilment.size(), Stats.mean(fulfilment), decided.size(), Stats.mean(turnaround),
        ratio(decided, r -> r.rejectedAt() != null));
  }

  /** The approval decision: approved or rejected, {@code null} while undecided. */
  private static Instant decision(RequestFact r) {
    return r.rejectedAt() != null ? r.rejectedAt() : r.approvedAt();
  }

  // -------------------------------------------------------------------------------- helpers

  private static <T> Ratio ratio(List<T> whole, Predicate<T> part) {
    return new Ratio(whole.stream().filter(part).count(), whole.size());
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
