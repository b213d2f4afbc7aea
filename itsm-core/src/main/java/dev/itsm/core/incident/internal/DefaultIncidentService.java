package dev.itsm.core.incident.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.access.AccessTarget;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.ChangeIncidentPriority;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentAction;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentLifecycle;
import dev.itsm.core.incident.IncidentQuery;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Milestones;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.ServiceTarget;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.RecordDiff;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.AssignmentRule;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.policy.PriorityMatrix;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.IncidentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident practice's domain logic, independent of the process engine: validation, the state
 * machine, policies, hooks, audit and timeline. The engine module supplies the transactions and
 * the {@link IncidentWorkflow}. Internal: no compatibility guarantees.
 */
public final class DefaultIncidentService implements IncidentService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultIncidentService.class);
  private static final String PREFIX = "INC";
  // the tenant never changes; the audit entry itself belongs to the tenant
  private static final Set<String> NOT_AUDITED = Set.of("version", "tenant");

  private final Settings settings;
  private final IncidentStore store;
  private final AuditStore audit;
  private final Transactions tx;
  private final IncidentWorkflow workflow;
  private final CommandValidator validator;
  private final Events events;
  private final AccessGuard guard;

  /**
   * The policies and collaborators of the service.
   *
   * @param clock the clock (the engine's clock in the engine module)
   * @param priorityMatrix impact × urgency → priority
   * @param assignmentRule category → group
   * @param fallbackGroup the group for incidents the rule does not place (also triages)
   * @param numbering number format
   * @param dueDates response and resolution due dates at opening
   */
  public record Settings(Clock clock, PriorityMatrix priorityMatrix, AssignmentRule assignmentRule,
      String fallbackGroup, NumberingPolicy numbering, DueDates dueDates) {}

  /**
   * @param settings policies and hooks
   * @param store the incident store
   * @param audit the audit store
   * @param tx the transaction runner
   * @param workflow the process side
   * @param validator the command validator
   * @param events delivers events to the host's hooks and listeners
   * @param guard checks every call against the access policy and the actor's tenant
   */
  public DefaultIncidentService(Settings settings, IncidentStore store, AuditStore audit,
      Transactions tx, IncidentWorkflow workflow, CommandValidator validator, Events events,
      AccessGuard guard) {
    this.settings = settings;
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.workflow = workflow;
    this.validator = validator;
    this.events = events;
    this.guard = guard;
  }

  @Override
  public Incident open(Actor actor, OpenIncident c) {
    validator.validate(actor, c, "OpenIncident");
    return tx.required(() -> {
      Instant now = settings.clock().instant();
      Priority priority = settings.priorityMatrix().priorityOf(c.impact(), c.urgency());
      String group = Optional.ofNullable(blankToNull(c.assignmentGroup()))
          .or(() -> settings.assignmentRule().groupFor(c.category(), c.subcategory()))
          .orElse(settings.fallbackGroup());
      String tenant = actor.tenant();
      guard.check(actor, Permission.INCIDENT_OPEN, new AccessTarget(RecordKind.INCIDENT, null,
          tenant, setOf(c.caller()), setOf(group), setOf(blankToNull(c.assignee())), c));
      String number = AccessGuard.number(tenant,
          settings.numbering().format(PREFIX, store.nextSequence(tenant)));
      Incident incident = Incident.builder()
          .number(number).version(1).state(IncidentState.NEW)
          .title(c.title().strip()).description(c.description()).caller(c.caller())
          .channel(c.channel()).category(c.category()).subcategory(c.subcategory())
          .service(c.service()).configurationItem(c.configurationItem())
          .impact(c.impact()).urgency(c.urgency()).priority(priority)
          .assignmentGroup(group).assignee(blankToNull(c.assignee()))
          .milestones(Milestones.opened(now, null, null))
          .tenant(tenant)
          .build();
      incident = incident.toBuilder().milestones(Milestones.opened(now,
          settings.dueDates().due(TargetKind.RESPONSE, incident, now),
          settings.dueDates().due(TargetKind.RESOLUTION, incident, now))).build();
      IncidentEvent event = new IncidentEvent.Opened(incident, null, actor, now);
      fireBefore(event);
      store.insert(incident);
      record(null, incident, actor, "incident.open", now);
      store.appendTimeline(number, new TimelineEntry(now, actor.id(), Kind.STATE_CHANGE,
          "Opened as " + priority + " via " + c.channel() + ", assigned to " + group
              + (incident.assignee() == null ? "" : " / " + incident.assignee())));
      // the Opened event first: what the workflow's followers publish comes after it
      publish(event);
      workflow.started(incident);
      LOG.debug("{} opened by {} ({})", number, actor.id(), priority);
      return incident;
    });
  }

  @Override
  public Incident assign(Actor actor, AssignIncident c) {
    validator.validate(actor, c, "AssignIncident");
    return change(actor, c.number(), Permission.INCIDENT_ASSIGN,
        IncidentAction.ASSIGN, "incident.assign", (b, before, now) -> {
      boolean regroup = before.assignmentGroup() != null
          && !before.assignmentGroup().equals(c.assignmentGroup());
      return b.assignmentGroup(c.assignmentGroup()).assignee(blankToNull(c.assignee()))
          .reassignmentCount(before.reassignmentCount() + (regroup ? 1 : 0));
    }, (after, before, now) -> new IncidentEvent.Assigned(after, before, actor, now),
        after -> entry(Kind.ASSIGNMENT, "Assigned to " + after.assignmentGroup()
            + (after.assignee() == null ? "" : " / " + after.assignee())));
  }

  @Override
  public Incident reprioritize(Actor actor, ChangeIncidentPriority c) {
    validator.validate(actor, c, "ChangeIncidentPriority");
    return change(actor, c.number(), Permission.INCIDENT_REPRIORITIZE,
        IncidentAction.REPRIORITIZE, "incident.reprioritize",
        (b, before, now) -> b.impact(c.impact()).urgency(c.urgency())
            .priority(settings.priorityMatrix().priorityOf(c.impact(), c.urgency())),
        (after, before, now) -> new IncidentEvent.Reprioritized(after, before, actor, now),
        after -> entry(Kind.STATE_CHANGE, "Priority " + after.priority() + " (impact "
            + after.impact() + ", urgency " + after.urgency() + "): " + c.reason()));
  }

  @Override
  public Incident acknowledge(Actor actor, AcknowledgeIncident c) {
    validator.validate(actor, c, "AcknowledgeIncident");
    return change(actor, c.number(), Permission.INCIDENT_WORK,
        IncidentAction.ACKNOWLEDGE, "incident.acknowledge",
        (b, before, now) -> b.milestones(before.milestones().acknowledgedAt() == null
            ? before.milestones().withAcknowledgedAt(now) : before.milestones()),
        (after, before, now) -> new IncidentEvent.Acknowledged(after, before, actor, now),
        after -> entry(Kind.STATE_CHANGE, "Acknowledged; work in progress"));
  }

  @Override
  public Incident putOnHold(Actor actor, PutIncidentOnHold c) {
    validator.validate(actor, c, "PutIncidentOnHold");
    return change(actor, c.number(), Permission.INCIDENT_WORK,
        IncidentAction.PUT_ON_HOLD, "incident.putOnHold",
        (b, before, now) -> b.holdReason(c.reason())
            .milestones(before.milestones().withOnHoldSince(now)),
        (after, before, now) -> new IncidentEvent.PutOnHold(after, before, actor, now),
        after -> entry(Kind.STATE_CHANGE, "On hold (" + c.reason() + ")" + suffix(c.note())));
  }

  @Override
  public Incident resume(Actor actor, ResumeIncident c) {
    validator.validate(actor, c, "ResumeIncident");
    return change(actor, c.number(), Permission.INCIDENT_WORK,
        IncidentAction.RESUME, "incident.resume",
        (b, before, now) -> b.holdReason(null).milestones(before.milestones().withOnHoldSince(null)),
        (after, before, now) -> new IncidentEvent.Resumed(after, before, actor, now),
        after -> entry(Kind.STATE_CHANGE, "Resumed" + suffix(c.note())));
  }

  @Override
  public Incident resolve(Actor actor, ResolveIncident c) {
    validator.validate(actor, c, "ResolveIncident");
    return change(actor, c.number(), Permission.INCIDENT_RESOLVE,
        IncidentAction.RESOLVE, "incident.resolve",
        (b, before, now) -> b.resolutionCode(c.code()).resolutionNotes(c.notes())
            .milestones(before.milestones().withResolvedAt(now)),
        (after, before, now) -> new IncidentEvent.Resolved(after, before, actor, now),
        after -> entry(Kind.STATE_CHANGE, "Resolved (" + c.code() + "): " + c.notes()));
  }

  @Override
  public Incident reopen(Actor actor, ReopenIncident c) {
    validator.validate(actor, c, "ReopenIncident");
    return change(actor, c.number(), Permission.INCIDENT_REOPEN,
        IncidentAction.REOPEN, "incident.reopen",
        (b, before, now) -> b.resolutionCode(null).resolutionNotes(null)
            .reopenCount(before.reopenCount() + 1)
            .milestones(before.milestones().withResolvedAt(null)),
        (after, before, now) -> new IncidentEvent.Reopened(after, before, actor, now),
        after -> entry(Kind.STATE_CHANGE, "Reopened: " + c.reason()));
  }

  @Override
  public Incident close(Actor actor, CloseIncident c) {
    validator.validate(actor, c, "CloseIncident");
    return change(actor, c.number(), Permission.INCIDENT_CLOSE,
        IncidentAction.CLOSE, "incident.close",
        (b, before, now) -> b.milestones(before.milestones().withClosedAt(now)),
        (after, before, now) -> new IncidentEvent.Closed(after, before, actor, now, false),
        after -> entry(Kind.STATE_CHANGE, "Closed" + suffix(c.note())));
  }

  @Override
  public Incident cancel(Actor actor, CancelIncident c) {
    validator.validate(actor, c, "CancelIncident");
    return change(actor, c.number(), Permission.INCIDENT_CANCEL,
        IncidentAction.CANCEL, "incident.cancel",
        (b, before, now) -> b.holdReason(null)
            .milestones(before.milestones().withOnHoldSince(null).withCancelledAt(now)),
        (after, before, now) -> new IncidentEvent.Cancelled(after, before, actor, now),
        after -> entry(Kind.STATE_CHANGE, "Cancelled: " + c.reason()));
  }

  @Override
  public Incident addWorkNote(Actor actor, AddWorkNote c) {
    validator.validate(actor, c, "AddWorkNote");
    Kind kind = c.visibility() == AddWorkNote.Visibility.CUSTOMER ? Kind.COMMENT : Kind.WORK_NOTE;
    return tx.required(() -> {
      Incident current = load(c.number());
      guard.check(actor, Permission.INCIDENT_NOTE, target(current));
      IncidentLifecycle.next(current.number(), current.state(), IncidentAction.ADD_WORK_NOTE);
      Instant now = settings.clock().instant();
      TimelineEntry note = new TimelineEntry(now, actor.id(), kind, c.text());
      IncidentEvent event = new IncidentEvent.WorkNoteAdded(current, current, actor, now, note);
      fireBefore(event);
      store.appendTimeline(current.number(), note);
      audit.append(new AuditEntry(current.number(), actor.id(), "incident.addWorkNote", now,
          List.of(new FieldChange(kind == Kind.COMMENT ? "comment" : "workNote", null, c.text())),
          current.tenant()));
      publish(event);
      return current;
    });
  }

  /**
   * Closes a resolved incident when its auto-close period has elapsed. Called by the process (the
   * process itself moves on by its timer). Does nothing if the incident is no longer RESOLVED.
   *
   * @param number the incident number
   * @return whether the incident was closed
   */
  public boolean closeAutomatically(String number) {
    return tx.required(() -> {
      Incident before = load(number);
      if (before.state() != IncidentState.RESOLVED) {
        LOG.warn("auto-close of {} skipped: it is {}, not RESOLVED", number, before.state());
        return false;
      }
      Actor system = Actor.system(before.tenant());
      Instant now = settings.clock().instant();
      Incident after = before.toBuilder().version(before.version() + 1).state(IncidentState.CLOSED)
          .milestones(before.milestones().withClosedAt(now)).build();
      commit(before, after, new IncidentEvent.Closed(after, before, system, now, true),
          "incident.closeAutomatically",
          entry(Kind.STATE_CHANGE, "Closed automatically after the auto-close period"), now);
      return true;
    });
  }

  /**
   * Records that a service-level target fell due unmet. Called by the process's timers. Does
   * nothing when the target was met meanwhile or the breach is already recorded.
   *
   * @param number the incident number
   * @param target the target
   * @return whether a breach was recorded
   */
  public boolean targetMissed(String number, ServiceTarget target) {
    return tx.required(() -> {
      Incident before = load(number);
      Milestones m = before.milestones();
      boolean met = target == ServiceTarget.RESPONSE ? m.acknowledgedAt() != null
          : m.resolvedAt() != null || before.state().isFinal();
      if (met || m.breachedAt(target) != null || before.state().isFinal()) {
        return false;
      }
      Actor system = Actor.system(before.tenant());
      Instant now = settings.clock().instant();
      Incident after = before.toBuilder().version(before.version() + 1)
          .milestones(m.withBreach(target, now)).build();
      Instant due = target == ServiceTarget.RESPONSE ? m.responseDue() : m.resolutionDue();
      commit(before, after, new IncidentEvent.TargetMissed(after, before, system, now, target),
          "incident.targetMissed", entry(Kind.SYSTEM,
              (target == ServiceTarget.RESPONSE ? "Response" : "Resolution")
                  + " target missed (due " + due + ")"), now);
      return true;
    });
  }

  @Override
  public Incident get(Actor actor, String number) {
    guard.requireTenant(actor);
    Arguments.key(number, "number");
    return tx.required(() -> read(actor, number));
  }

  @Override
  public Optional<Incident> find(Actor actor, String number) {
    guard.requireTenant(actor);
    if (!Arguments.isKey(number)) {
      return Optional.empty();
    }
    return tx.required(() -> {
      Optional<Incident> found = store.find(number);
      if (found.isEmpty() || !visibleTo(actor, found.get())) {
        return Optional.<Incident>empty();
      }
      guard.check(actor, Permission.INCIDENT_READ, target(found.get()));
      return found;
    });
  }

  @Override
  public IncidentQuery query(Actor actor) {
    String owner = guard.queryOwner(actor, Permission.INCIDENT_READ, RecordKind.INCIDENT);
    String tenant = actor.tenant();
    return new DefaultIncidentQuery(criteria -> {
      validator.validate(criteria, "IncidentQuery");
      return tx.required(() -> store.query(criteria.restrictedTo(tenant, owner)));
    }, criteria -> {
      validator.validate(criteria, "IncidentQuery");
      return tx.required(() -> store.count(criteria.restrictedTo(tenant, owner)));
    });
  }

  @Override
  public List<TimelineEntry> timeline(Actor actor, String number) {
    return guard.readPart(actor, number, tx, n -> read(actor, n), () -> store.timeline(number));
  }

  @Override
  public List<AuditEntry> auditTrail(Actor actor, String number) {
    return guard.readPart(actor, number, tx, n -> read(actor, n), () -> audit.forRecord(number));
  }

  /**
   * The facts of an incident the access policy decides on: its caller owns it, its assignment
   * group and assignee work it.
   *
   * @param i an incident
   * @return its access target
   */
  static AccessTarget target(Incident i) {
    return new AccessTarget(RecordKind.INCIDENT, i.number(), i.tenant(), setOf(i.caller()),
        setOf(i.assignmentGroup()), setOf(i.assignee()), i);
  }

  /** Loads an incident and checks that the actor may read it. */
  private Incident read(Actor actor, String number) {
    Incident incident = load(number);
    guard.check(actor, Permission.INCIDENT_READ, target(incident));
    return incident;
  }

  private static boolean visibleTo(Actor actor, Incident incident) {
    return actor.isSystem() || actor.tenant().equals(incident.tenant());
  }

  private static Set<String> setOf(String value) {
    return value == null ? Set.of() : Set.of(value);
  }

  // ---------------------------------------------------------------------------------------------

  /** Changes a record's fields for one action. */
  @FunctionalInterface
  private interface Mutation {
    Incident.Builder apply(Incident.Builder builder, Incident before, Instant now);
  }

  /** Builds the event of one action. */
  @FunctionalInterface
  private interface EventFactory {
    IncidentEvent create(Incident after, Incident before, Instant now);
  }

  /** A timeline entry without its time and actor. */
  private record Entry(Kind kind, String text) {}

  private static Entry entry(Kind kind, String text) {
    return new Entry(kind, text);
  }

  private Incident change(Actor actor, String number, Permission permission,
      IncidentAction action, String operation, Mutation mutation, EventFactory events,
      Function<Incident, Entry> line) {
    return tx.required(() -> {
      Incident before = load(number);
      guard.check(actor, permission, target(before));
      IncidentState to = IncidentLifecycle.next(number, before.state(), action);
      Instant now = settings.clock().instant();
      Incident after = mutation.apply(
          before.toBuilder().version(before.version() + 1).state(to), before, now).build();
      commit(before, after, events.create(after, before, now), operation, line.apply(after), now);
      workflow.changed(action, before, after);
      return after;
    });
  }

  private void commit(Incident before, Incident after, IncidentEvent event, String operation,
      Entry line, Instant now) {
    fireBefore(event);
    store.update(after);
    record(before, after, event.actor(), operation, now);
    store.appendTimeline(after.number(), new TimelineEntry(now, event.actor().id(), line.kind(),
        line.text()));
    publish(event);
  }

  private void record(Incident before, Incident after, Actor actor, String operation,
      Instant now) {
    audit.append(new AuditEntry(after.number(), actor.id(), operation, now,
        RecordDiff.between(before, after, NOT_AUDITED), after.tenant()));
  }

  private Incident load(String number) {
    return store.find(number).orElseThrow(() -> new RecordNotFoundException(number));
  }

  private void fireBefore(ItsmEvent event) {
    events.before(event);
  }

  private void publish(ItsmEvent event) {
    events.afterCommit(event);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String suffix(String note) {
    return note == null || note.isBlank() ? "" : ": " + note;
  }
}
