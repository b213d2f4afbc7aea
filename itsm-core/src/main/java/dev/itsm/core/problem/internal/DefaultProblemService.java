package dev.itsm.core.problem.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.incident.internal.OpenIncidents;
import dev.itsm.core.access.AccessTarget;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.RecordDiff;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.problem.AddProblemNote;
import dev.itsm.core.problem.AssessProblem;
import dev.itsm.core.problem.CancelProblem;
import dev.itsm.core.problem.CloseProblem;
import dev.itsm.core.problem.CreateProblem;
import dev.itsm.core.problem.IdentifyRootCause;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.KnownErrorMatch;
import dev.itsm.core.problem.KnownErrorQuery;
import dev.itsm.core.problem.LinkChange;
import dev.itsm.core.problem.LinkIncidents;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemAction;
import dev.itsm.core.problem.ProblemDetection;
import dev.itsm.core.problem.ProblemEvent;
import dev.itsm.core.problem.ProblemLifecycle;
import dev.itsm.core.problem.ProblemPolicies;
import dev.itsm.core.problem.ProblemQuery;
import dev.itsm.core.problem.ProblemService;
import dev.itsm.core.problem.ProblemState;
import dev.itsm.core.problem.PublishKnownError;
import dev.itsm.core.problem.RecordWorkaround;
import dev.itsm.core.problem.ResolveProblem;
import dev.itsm.core.problem.StartAnalysis;
import dev.itsm.core.spi.IncidentStore;
import dev.itsm.core.spi.KnownErrorCriteria;
import dev.itsm.core.spi.ProblemCriteria;
import dev.itsm.core.spi.ProblemStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problem management's domain logic: the state machine, links to incidents and changes, the known
 * error database, what resolving does to incidents, and proactive detection. Every public call
 * passes the {@link AccessGuard}; problems and known errors stay within their tenant. Internal: no
 * compatibility guarantees.
 */
public final class DefaultProblemService implements ProblemService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultProblemService.class);
  private static final Set<String> NOT_AUDITED = Set.of("version");
  private static final Set<ProblemState> OPEN = EnumSet.of(ProblemState.NEW, ProblemState.ASSESS,
      ProblemState.ROOT_CAUSE_ANALYSIS, ProblemState.FIX_IN_PROGRESS);

  /**
   * Policies and collaborators.
   *
   * @param clock the clock
   * @param policies the problem policies
   * @param numbering number format ({@code PRB}, {@code KE})
   * @param incidents incident management, or {@code null} when not deployed
   * @param changeExists whether a change number exists in a tenant (tenant, number), or
   *     {@code null} when change enablement is not deployed
   */
  public record Settings(Clock clock, ProblemPolicies policies, NumberingPolicy numbering,
      IncidentService incidents, BiPredicate<String, String> changeExists) {

    /** Checks the components. */
    public Settings {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(policies, "policies");
      Objects.requireNonNull(numbering, "numbering");
    }
  }

  private final Settings settings;
  private final ProblemStore store;
  private final dev.itsm.core.spi.AuditStore audit;
  private final Transactions tx;
  private final ProblemWorkflow workflow;
  private final CommandValidator validator;
  private final Events events;
  private final AccessGuard guard;

  /**
   * @param settings policies and collaborators
   * @param store the problem store
   * @param audit the audit store
   * @param tx the transactions
   * @param workflow the process side
   * @param validator the validator
   * @param events hooks and listeners
   * @param guard access control and tenants
   */
  public DefaultProblemService(Settings settings, ProblemStore store,
      dev.itsm.core.spi.AuditStore audit, Transactions tx, ProblemWorkflow workflow,
      CommandValidator validator, Events events, AccessGuard guard) {
    this.settings = settings;
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.workflow = workflow;
    this.validator = validator;
    this.events = events;
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * The facts the access policy sees about a problem: no owner, no group (problems are worked by
   * their problem manager and the problem managers' group, which holds its role through the
   * policy), the problem manager as worker.
   */
  private static AccessTarget target(Problem p) {
    return new AccessTarget(RecordKind.PROBLEM, p.number(), p.tenant(), Set.of(), Set.of(),
        p.problemManager() == null ? Set.of() : Set.of(p.problemManager()), p);
  }

  @Override
  public Problem create(Actor actor, CreateProblem c) {
    validator.validate(actor, c, "CreateProblem");
    guard.check(actor, Permission.PROBLEM_CREATE, new AccessTarget(RecordKind.PROBLEM, null,
        actor.tenant(), Set.of(), Set.of(), c.problemManager() == null || c.problemManager()
            .isBlank() ? Set.of() : Set.of(c.problemManager().strip()), null));
    List<Violation> problems = new ArrayList<>();
    checkIncidents(actor.tenant(), c.incidents(), problems);
    failIf("CreateProblem", problems);
    return tx.required(() -> insert(actor, actor.tenant(), Problem.builder()
        .title(c.title().strip())
        .description(c.description()).category(blank(c.category())).service(blank(c.service()))
        .configurationItem(blank(c.configurationItem())).priority(c.priority())
        .problemManager(blank(c.problemManager())).incidents(distinct(c.incidents())),
        "Logged" + (c.incidents().isEmpty() ? "" : " with incidents " + distinct(c.incidents()))));
  }

  private Problem insert(Actor actor, String tenant, Problem.Builder b, String line) {
    Instant now = now();
    String number = AccessGuard.number(tenant, settings.numbering().format("PRB",
        store.nextSequence(tenant)));
    Problem p = b.number(number).version(1).state(ProblemState.NEW).createdBy(actor.id())
        .createdAt(now).tenant(tenant).build();
    ProblemEvent event = new ProblemEvent.Created(p, null, actor, now);
    events.before(event);
    store.insert(p);
    audit.append(new AuditEntry(number, actor.id(), "problem.create", now,
        RecordDiff.between(null, p, NOT_AUDITED), p.tenant()));
    store.appendTimeline(number, new TimelineEntry(now, actor.id(), Kind.STATE_CHANGE, line));
    workflow.started(p);
    events.afterCommit(event);
    LOG.debug("{} logged by {}", number, actor.id());
    return p;
  }

  @Override
  public Problem assess(Actor actor, AssessProblem c) {
    validator.validate(actor, c, "AssessProblem");
    return change(actor, c.number(), Permission.PROBLEM_WORK, ProblemAction.ASSESS, (b, p, now) -> b
        .problemManager(c.problemManager().strip()).priority(c.priority()).assessedAt(now),
        (a, p, now) -> new ProblemEvent.Assessed(a, p, actor, now),
        a -> "Assessed: managed by " + a.problemManager() + ", " + a.priority());
  }

  @Override
  public Problem startAnalysis(Actor actor, StartAnalysis c) {
    validator.validate(actor, c, "StartAnalysis");
    return change(actor, c.number(), Permission.PROBLEM_WORK, ProblemAction.START_ANALYSIS,
        (b, p, now) -> b.analysisStartedAt(now),
        (a, p, now) -> new ProblemEvent.AnalysisStarted(a, p, actor, now),
        a -> "Root cause analysis started" + suffix(c.note()));
  }

  @Override
  public Problem identifyRootCause(Actor actor, IdentifyRootCause c) {
    validator.validate(actor, c, "IdentifyRootCause");
    return change(actor, c.number(), Permission.PROBLEM_WORK, ProblemAction.IDENTIFY_ROOT_CAUSE,
        (b, p, now) -> b
        .rootCause(c.rootCause().strip()).rootCauseAt(now)
        .workaround(c.workaround() == null || c.workaround().isBlank() ? p.workaround()
            : c.workaround().strip()),
        (a, p, now) -> new ProblemEvent.RootCauseIdentified(a, p, actor, now),
        a -> "Root cause: " + a.rootCause());
  }

  @Override
  public Problem recordWorkaround(Actor actor, RecordWorkaround c) {
    validator.validate(actor, c, "RecordWorkaround");
    return change(actor, c.number(), Permission.PROBLEM_WORK, ProblemAction.RECORD_WORKAROUND,
        (b, p, now) -> b.workaround(c.workaround().strip()),
        (a, p, now) -> new ProblemEvent.WorkaroundRecorded(a, p, actor, now),
        a -> "Workaround: " + a.workaround());
  }

  @Override
  public Problem linkIncidents(Actor actor, LinkIncidents c) {
    validator.validate(actor, c, "LinkIncidents");
    return change(actor, c.number(), Permission.PROBLEM_WORK, ProblemAction.LINK_INCIDENTS,
        (b, p, now) -> {
      List<Violation> problems = new ArrayList<>();
      checkIncidents(p.tenant(), c.incidents(), problems);
      failIf("LinkIncidents", problems);
      Set<String> all = new LinkedHashSet<>(p.incidents());
      all.addAll(distinct(c.incidents()));
      return b.incidents(List.copyOf(all));
    }, (a, p, now) -> new ProblemEvent.IncidentsLinked(a, p, actor, now),
        a -> "Linked incidents " + distinct(c.incidents()));
  }

  @Override
  public Problem linkChange(Actor actor, LinkChange c) {
    validator.validate(actor, c, "LinkChange");
    return change(actor, c.number(), Permission.PROBLEM_WORK, ProblemAction.LINK_CHANGE,
        (b, p, now) -> {
          String change = c.change().strip();
          if (settings.changeExists() != null
              && !settings.changeExists().test(p.tenant(), change)) {
            failIf("LinkChange", List.of(new Violation("change", "Exists", "change " + c.change()
                + " does not exist")));
          }
          return b.fixChange(change);
        },
        (a, p, now) -> new ProblemEvent.ChangeLinked(a, p, actor, now),
        a -> "Fix by change " + a.fixChange());
  }

  @Override
  public Problem publishKnownError(Actor actor, PublishKnownError c) {
    validator.validate(actor, c, "PublishKnownError");
    return change(actor, c.number(), Permission.PROBLEM_PUBLISH_KNOWN_ERROR,
        ProblemAction.PUBLISH_KNOWN_ERROR, (b, p, now) -> {
      List<Violation> missing = new ArrayList<>();
      if (p.rootCause() == null) {
        missing.add(new Violation("rootCause", "Recorded", "must be recorded before publishing"
            + " a known error (identifyRootCause)"));
      }
      if (p.workaround() == null) {
        missing.add(new Violation("workaround", "Recorded", "must be recorded before publishing"
            + " a known error (recordWorkaround)"));
      }
      if (p.knownError() != null) {
        missing.add(new Violation("number", "NotPublished", p.number()
            + " is already published as " + p.knownError()));
      }
      failIf("PublishKnownError", missing);
      String id = AccessGuard.number(p.tenant(), settings.numbering().format("KE",
          store.nextKnownErrorSequence(p.tenant())));
      store.insertKnownError(new KnownError(id, p.number(),
          c.title() == null || c.title().isBlank() ? p.title() : c.title().strip(),
          p.rootCause(), p.workaround(), p.category(), p.service(), p.configurationItem(),
          actor.id(), now, p.tenant()));
      return b.knownError(id);
    }, (a, p, now) -> new ProblemEvent.KnownErrorPublished(a, p, actor, now),
        a -> "Published as known error " + a.knownError());
  }

  @Override
  public Problem resolve(Actor actor, ResolveProblem c) {
    validator.validate(actor, c, "ResolveProblem");
    return resolve(actor, c, Permission.PROBLEM_RESOLVE);
  }

  /** Resolves; {@code permission} {@code null}: a cascade, not checked again. */
  private Problem resolve(Actor actor, ResolveProblem c, Permission permission) {
    return tx.required(() -> {
      Problem after = change(actor, c.number(), permission, ProblemAction.RESOLVE, (b, p, now) -> b
          .resolutionNotes(c.notes().strip()).resolvedAt(now),
          (a, p, now) -> new ProblemEvent.Resolved(a, p, actor, now),
          a -> "Resolved: " + a.resolutionNotes());
      onResolved(after, actor);
      return after;
    });
  }

  private void onResolved(Problem p, Actor caller) {
    IncidentService incidents = settings.incidents();
    if (incidents == null || p.incidents().isEmpty()) {
      return;
    }
    // the library's own follow-up of a permitted call: not checked against incident permissions
    Actor actor = Actor.system(p.tenant());
    switch (settings.policies().onResolve()) {
      case RESOLVE -> OpenIncidents.resolve(incidents, actor, p.incidents(),
          ResolutionCode.SOLVED_PERMANENTLY, "Resolved with problem " + p.number() + ": "
              + p.resolutionNotes());
      case NOTIFY -> OpenIncidents.notify(incidents, actor, p.incidents(), "Problem "
          + p.number() + " is resolved: " + p.resolutionNotes());
      default -> { }
    }
  }

  /**
   * A change closed successfully: the problems it fixes (in FIX_IN_PROGRESS, or earlier when
   * linked) are resolved, when the policy says so.
   *
   * @param changeNumber the change
   * @param changeTitle its title, for the notes
   * @param problems the problems the change names as addressed
   * @param actor who closed the change; the problems of its tenant are resolved in its name
   *     without checking problem permissions (a cascade of a permitted call)
   * @return the problems resolved
   */
  public List<String> changeSucceeded(String changeNumber, String changeTitle,
      List<String> problems, Actor actor) {
    if (!settings.policies().resolveByChange()) {
      return List.of();
    }
    String tenant = actor.tenant();
    return tx.required(() -> {
      Set<String> candidates = new LinkedHashSet<>();
      store.query(new ProblemCriteria(Set.of(ProblemState.FIX_IN_PROGRESS), null, null,
          changeNumber, null, null, null, null, 0, 1000, tenant, null))
          .forEach(p -> candidates.add(p.number()));
      candidates.addAll(problems);
      List<String> resolved = new ArrayList<>();
      for (String number : candidates) {
        Optional<Problem> p = store.find(number).filter(x -> x.tenant().equals(tenant));
        if (p.isPresent() && p.get().state() == ProblemState.FIX_IN_PROGRESS) {
          resolve(actor, new ResolveProblem(number, "Fixed by change " + changeNumber + ": "
              + changeTitle), null);
          resolved.add(number);
        }
      }
      return resolved;
    });
  }

  @Override
  public Problem close(Actor actor, CloseProblem c) {
    validator.validate(actor, c, "CloseProblem");
    return change(actor, c.number(), Permission.PROBLEM_RESOLVE, ProblemAction.CLOSE,
        (b, p, now) -> b.closedAt(now),
        (a, p, now) -> new ProblemEvent.Closed(a, p, actor, now),
        a -> "Closed" + suffix(c.note()));
  }

  @Override
  public Problem cancel(Actor actor, CancelProblem c) {
    validator.validate(actor, c, "CancelProblem");
    return change(actor, c.number(), Permission.PROBLEM_CANCEL, ProblemAction.CANCEL,
        (b, p, now) -> b.cancelledAt(now),
        (a, p, now) -> new ProblemEvent.Cancelled(a, p, actor, now),
        a -> "Cancelled: " + c.reason());
  }

  @Override
  public Problem addNote(Actor actor, AddProblemNote c) {
    validator.validate(actor, c, "AddProblemNote");
    return tx.required(() -> {
      Problem p = load(c.number());
      guard.check(actor, Permission.PROBLEM_WORK, target(p));
      ProblemLifecycle.next(p.number(), p.state(), ProblemAction.ADD_NOTE);
      Instant now = now();
      ProblemEvent event = new ProblemEvent.NoteAdded(p, p, actor, now);
      events.before(event);
      store.appendTimeline(p.number(), new TimelineEntry(now, actor.id(), Kind.WORK_NOTE,
          c.text()));
      audit.append(new AuditEntry(p.number(), actor.id(), "problem.addNote", now,
          List.of(new FieldChange("workNote", null, c.text())), p.tenant()));
      events.afterCommit(event);
      return p;
    });
  }

  // ------------------------------------------------------------------ incidents opened

  /**
   * Called when an incident is opened (inside its transaction): offers the matching known errors
   * of the incident's tenant (a timeline entry on the incident and a {@link KnownErrorMatch}
   * event), then lets the detection rule propose a problem from incidents of that tenant.
   *
   * @param incident the new incident
   * @param incidentStore to note the matches on the incident's timeline
   */
  public void incidentOpened(Incident incident, IncidentStore incidentStore) {
    tx.required(() -> {
      offerAndDetect(incident, incidentStore);
      return null;
    });
  }

  private void offerAndDetect(Incident incident, IncidentStore incidentStore) {
    String tenant = tenantOf(incident);
    List<KnownError> matches = matching(incident, tenant);
    Instant now = now();
    if (!matches.isEmpty()) {
      for (KnownError ke : matches) {
        incidentStore.appendTimeline(incident.number(), new TimelineEntry(now, Actor.SYSTEM_ID,
            Kind.SYSTEM, "Known error " + ke.id() + " (" + ke.title() + ") matches; workaround: "
                + ke.workaround()));
      }
      KnownErrorMatch match = new KnownErrorMatch(incident.number(), matches,
          Actor.system(tenant), now);
      events.before(match);
      events.afterCommit(match);
    }
    IncidentService incidents = settings.incidents();
    if (incidents == null) {
      return;
    }
    Optional<ProblemDetection.Proposal> proposal = settings.policies().detection()
        .evaluate(incident, new ProblemDetection.Lookup() {
          @Override
          public List<Incident> openedSince(String ci, String category, Instant since) {
            var q = incidents.query(Actor.system(tenant)).openedBetween(since, now.plusNanos(1))
                .page(0, 1000);
            // one tenant's incidents only
            return (ci != null ? q.configurationItem(ci) : q.category(category)).list().stream()
                .filter(i -> tenant.equals(tenantOf(i))).toList();
          }

          @Override
          public boolean openProblemFor(String ci, String category) {
            return store.count(new ProblemCriteria(OPEN, null, null, null,
                ci == null ? category : null, null, ci, null, 0, 1, tenant, null)) > 0;
          }
        });
    proposal.ifPresent(p -> {
      if (p.incidents().stream().anyMatch(n -> incident(tenant, n).isEmpty())) {
        LOG.warn("Detection proposed a problem from incidents of several tenants ({}); ignored",
            p.incidents());
        return;
      }
      Problem created = insert(Actor.system(tenant), tenant, Problem.builder().title(p.title())
          .description("Proposed by the detection rule from incidents " + p.incidents())
          .category(p.category()).service(p.service()).configurationItem(p.configurationItem())
          .priority(incident.priority()).proactive(true).incidents(p.incidents()),
          "Proposed by proactive detection: " + p.title());
      LOG.info("{} proposed: {}", created.number(), p.title());
    });
  }

  private List<KnownError> matching(Incident i, String tenant) {
    Map<String, KnownError> found = new LinkedHashMap<>();
    if (i.configurationItem() != null) {
      store.knownErrors(new KnownErrorCriteria(null, null, i.configurationItem(), null, 20,
          tenant)).forEach(k -> found.putIfAbsent(k.id(), k));
    }
    if (i.service() != null) {
      store.knownErrors(new KnownErrorCriteria(null, i.service(), null, null, 20, tenant))
          .forEach(k -> found.putIfAbsent(k.id(), k));
    }
    if (found.isEmpty() && i.category() != null) {
      store.knownErrors(new KnownErrorCriteria(null, null, null, i.category(), 20, tenant))
          .forEach(k -> found.putIfAbsent(k.id(), k));
    }
    return List.copyOf(found.values());
  }

  /**
   * The tenant of an incident, read from its number (numbers carry their tenant). Kept in one
   * place: {@code incident.tenant()} once incidents carry their tenant.
   */
  private static String tenantOf(Incident i) {
    return i.tenant();
  }

  // --------------------------------------------------------------------------- reads

  @Override
  public Problem get(Actor actor, String number) {
    Arguments.key(number, "number");
    guard.requireTenant(actor);
    return tx.required(() -> {
      Problem p = load(number);
      guard.check(actor, Permission.PROBLEM_READ, target(p));
      return p;
    });
  }

  @Override
  public Optional<Problem> find(Actor actor, String number) {
    guard.requireTenant(actor);
    if (!Arguments.isKey(number)) {
      return Optional.empty();
    }
    if (number == null || number.isBlank()) {
      return Optional.empty();
    }
    return tx.required(() -> {
      Optional<Problem> p = store.find(number)
          .filter(x -> actor.isSystem() || x.tenant().equals(actor.tenant()));
      p.ifPresent(x -> guard.check(actor, Permission.PROBLEM_READ, target(x)));
      return p;
    });
  }

  @Override
  public ProblemQuery query(Actor actor) {
    String owner = guard.queryOwner(actor, Permission.PROBLEM_READ, RecordKind.PROBLEM);
    return new Queries.Problems(actor.tenant(), owner, criteria -> {
      validator.validate(criteria, "ProblemQuery");
      return tx.required(() -> store.query(criteria));
    }, criteria -> {
      validator.validate(criteria, "ProblemQuery");
      return tx.required(() -> store.count(criteria));
    });
  }

  @Override
  public KnownErrorQuery knownErrors(Actor actor) {
    guard.check(actor, Permission.KNOWN_ERROR_READ);
    return new Queries.KnownErrors(actor.tenant(), criteria -> {
      validator.validate(criteria, "KnownErrorQuery");
      return tx.required(() -> store.knownErrors(criteria));
    });
  }

  @Override
  public List<KnownError> knownErrorsFor(Actor actor, String incidentNumber) {
    Arguments.key(incidentNumber, "incidentNumber");
    guard.check(actor, Permission.KNOWN_ERROR_READ);
    IncidentService incidents = settings.incidents();
    if (incidents == null) {
      throw new dev.itsm.core.ItsmConfigurationException("Incident management is not enabled:"
          + " add ItsmProcess.INCIDENT to ItsmEngine.builder().processes(...)");
    }
    Incident i = incident(actor.tenant(), incidentNumber.strip())
        .orElseThrow(() -> new RecordNotFoundException(incidentNumber));
    return tx.required(() -> matching(i, actor.tenant()));
  }

  @Override
  public List<TimelineEntry> timeline(Actor actor, String number) {
    return guard.readPart(actor, number, tx,
        n -> guard.check(actor, Permission.PROBLEM_READ, target(load(n))),
        () -> store.timeline(number));
  }

  @Override
  public List<AuditEntry> auditTrail(Actor actor, String number) {
    return guard.readPart(actor, number, tx,
        n -> guard.check(actor, Permission.PROBLEM_READ, target(load(n))),
        () -> audit.forRecord(number));
  }

  // ------------------------------------------------------------------------- helpers

  @FunctionalInterface
  private interface Mutation {
    Problem.Builder apply(Problem.Builder b, Problem before, Instant now);
  }

  @FunctionalInterface
  private interface EventFactory {
    ProblemEvent create(Problem after, Problem before, Instant now);
  }

  private Problem change(Actor actor, String number, Permission permission,
      ProblemAction action, Mutation mutation, EventFactory eventFactory,
      java.util.function.Function<Problem, String> line) {
    if (permission != null) {
      guard.requireTenant(actor);
    }
    return tx.required(() -> {
      Problem before = load(number);
      if (permission != null) {
        guard.check(actor, permission, target(before));
      }
      ProblemState to = ProblemLifecycle.next(number, before.state(), action);
      Instant now = now();
      Problem after = mutation.apply(before.toBuilder().version(before.version() + 1).state(to),
          before, now).build();
      ProblemEvent event = eventFactory.create(after, before, now);
      events.before(event);
      store.update(after);
      audit.append(new AuditEntry(number, actor.id(), "problem." + camel(action), now,
          RecordDiff.between(before, after, NOT_AUDITED), after.tenant()));
      store.appendTimeline(number, new TimelineEntry(now, actor.id(), Kind.STATE_CHANGE,
          line.apply(after)));
      workflow.changed(action, before, after);
      events.afterCommit(event);
      return after;
    });
  }

  private static String camel(ProblemAction a) {
    String[] parts = a.name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }

  private void checkIncidents(String tenant, List<String> numbers, List<Violation> problems) {
    IncidentService incidents = settings.incidents();
    if (incidents == null) {
      return;
    }
    for (int i = 0; i < numbers.size(); i++) {
      String n = numbers.get(i);
      if (n != null && !n.isBlank() && incident(tenant, n.strip()).isEmpty()) {
        problems.add(new Violation("incidents[" + i + "]", "Exists", "incident " + n
            + " does not exist"));
      }
    }
  }

  /** An incident of the tenant: one of another tenant does not exist here. */
  private Optional<Incident> incident(String tenant, String number) {
    return settings.incidents().find(Actor.system(tenant), number)
        .filter(i -> tenant.equals(i.tenant()));
  }

  private static void failIf(String command, List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(command, problems);
    }
  }

  private Problem load(String number) {
    return store.find(number).orElseThrow(() -> new RecordNotFoundException(number));
  }

  private Instant now() {
    return settings.clock().instant();
  }

  private static List<String> distinct(List<String> values) {
    return values.stream().map(String::strip).distinct().toList();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String suffix(String note) {
    return note == null || note.isBlank() ? "" : ": " + note.strip();
  }
}
