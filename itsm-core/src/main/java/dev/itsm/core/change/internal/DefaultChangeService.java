package dev.itsm.core.change.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.access.AccessTarget;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.ReadScope;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.change.AddChangeNote;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.ApprovalRecord;
import dev.itsm.core.change.AssessChange;
import dev.itsm.core.change.CancelChange;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeAction;
import dev.itsm.core.change.ChangeAuthority;
import dev.itsm.core.change.ChangeAuthorityPolicy;
import dev.itsm.core.change.ChangeEvent;
import dev.itsm.core.change.ChangeLifecycle;
import dev.itsm.core.change.ChangePolicies;
import dev.itsm.core.change.ChangeQuery;
import dev.itsm.core.change.ChangeRisk;
import dev.itsm.core.change.ChangeRiskPolicy;
import dev.itsm.core.change.ChangeService;
import dev.itsm.core.change.ChangeSort;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.change.CollisionMode;
import dev.itsm.core.change.CompleteReview;
import dev.itsm.core.change.CreateChange;
import dev.itsm.core.change.CreateStandardChange;
import dev.itsm.core.change.DecideChange;
import dev.itsm.core.change.Decision;
import dev.itsm.core.change.FreezeWindow;
import dev.itsm.core.change.RecordOutcome;
import dev.itsm.core.change.RiskFactors;
import dev.itsm.core.change.ScheduleChange;
import dev.itsm.core.change.StandardChangeTemplate;
import dev.itsm.core.change.StartImplementation;
import dev.itsm.core.change.SubmitChange;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.ApprovalRound;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.RecordDiff;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.ChangeCriteria;
import dev.itsm.core.spi.ChangeStore;
import dev.itsm.core.spi.Directory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change enablement's domain logic, independent of the process engine: validation, the state
 * machine, risk and authority policies, approval arithmetic, segregation of duties, freeze windows
 * and collisions, hooks, audit and timeline. Internal: no compatibility guarantees.
 */
public final class DefaultChangeService implements ChangeService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultChangeService.class);
  private static final String PREFIX = "CHG";
  private static final Set<String> NOT_AUDITED = Set.of("version");
  /** The authority name of pre-authorised standard changes. */
  public static final String PRE_AUTHORISED = "pre-authorised";

  private final Settings settings;
  private final ChangeStore store;
  private final AuditStore audit;
  private final Transactions tx;
  private final ChangeWorkflow workflow;
  private final CommandValidator validator;
  private final Events events;
  private final AccessGuard guard;

  /**
   * The policies and collaborators of the service.
   *
   * @param clock the clock
   * @param policies the change policies
   * @param riskPolicy the risk policy in force (the policies' own or the engine's default)
   * @param authorityPolicy the authority policy in force
   * @param directory group members, for approval policies that count approvers
   * @param numbering number format
   * @param incidents incident management, or {@link LinkedIncidents#NONE}
   */
  public record Settings(Clock clock, ChangePolicies policies, ChangeRiskPolicy riskPolicy,
      ChangeAuthorityPolicy authorityPolicy, Directory directory, NumberingPolicy numbering,
      LinkedIncidents incidents) {

    /** Checks the components. */
    public Settings {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(policies, "policies");
      Objects.requireNonNull(riskPolicy, "riskPolicy");
      Objects.requireNonNull(authorityPolicy, "authorityPolicy");
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(numbering, "numbering");
      Objects.requireNonNull(incidents, "incidents");
    }
  }

  /**
   * @param settings policies and collaborators
   * @param store the change store
   * @param audit the audit store
   * @param tx the transactions
   * @param workflow the process side
   * @param validator the command validator
   * @param events hooks and listeners
   * @param guard the access gate every public call passes
   */
  public DefaultChangeService(Settings settings, ChangeStore store, AuditStore audit,
      Transactions tx, ChangeWorkflow workflow, CommandValidator validator, Events events,
      AccessGuard guard) {
    this.settings = settings;
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.workflow = workflow;
    this.validator = validator;
    this.events = events;
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  private ChangePolicies policies() {
    return settings.policies();
  }

  // --------------------------------------------------------------------------------- creating

  @Override
  public Change create(Actor actor, CreateChange c) {
    validator.validate(actor, c, "CreateChange");
    List<Violation> problems = new ArrayList<>();
    if (c.type() == ChangeType.STANDARD) {
      problems.add(new Violation("type", "NotStandard", "must be NORMAL or EMERGENCY; standard"
          + " changes are raised from a catalog template with createStandard(...)"));
    }
    checkWindow(c.plannedStart(), c.plannedEnd(), problems);
    guard.check(actor, Permission.CHANGE_CREATE, newChange(actor, c.owner(), c.implementer(), c));
    checkIncidents(actor, c.incidents(), problems);
    failIf("CreateChange", problems);
    String tenant = actor.tenant();
    return tx.required(() -> {
      Instant now = now();
      String number = nextNumber(tenant);
      RiskFactors factors = new RiskFactors(c.impact(), c.configurationItems().size(),
          c.requiresOutage(), c.tested(), c.backoutTested(),
          failedSimilar(tenant, c.category(), now));
      ChangeRisk risk = riskOf(factors);
      Change.Builder b = Change.builder().number(number).version(1).tenant(tenant).type(c.type())
          .state(ChangeState.ASSESSMENT).title(c.title().strip()).description(c.description())
          .justification(c.justification()).category(blankToNull(c.category()))
          .services(distinct(c.services())).configurationItems(distinct(c.configurationItems()))
          .implementationPlan(c.implementationPlan()).backoutPlan(c.backoutPlan())
          .testPlan(c.testPlan()).plannedStart(c.plannedStart()).plannedEnd(c.plannedEnd())
          .requester(actor.id()).owner(c.owner()).implementerGroup(c.implementerGroup())
          .implementer(blankToNull(c.implementer())).impact(c.impact())
          .requiresOutage(c.requiresOutage()).tested(c.tested())
          .backoutTested(c.backoutTested()).risk(risk)
          .incidents(distinct(c.incidents())).problems(distinct(c.problems()))
          .createdAt(now);
      String line = "Raised as " + c.type() + " change, risk " + risk;
      if (c.type() == ChangeType.EMERGENCY) {
        Change draft = b.build();
        b = openRound(draft, draft.toBuilder(), now);
        line += "; sent to the emergency change authority " + b.build().authority();
      }
      Change change = b.build();
      ChangeEvent event = new ChangeEvent.Created(change, null, actor, now);
      events.before(event);
      store.insert(change);
      record(null, change, actor, "change.create", now);
      store.appendTimeline(number, entry(now, actor, Kind.STATE_CHANGE, line));
      workflow.started(change);
      events.afterCommit(event);
      LOG.debug("{} raised by {} ({} {}, risk {})", number, actor.id(), c.type(), change.state(),
          risk);
      return change;
    });
  }

  @Override
  public Change createStandard(Actor actor, CreateStandardChange c) {
    validator.validate(actor, c, "CreateStandardChange");
    List<Violation> problems = new ArrayList<>();
    StandardChangeTemplate t = policies().standardChange(c.template()).orElse(null);
    if (t == null) {
      problems.add(new Violation("template", "InCatalog", "'" + c.template() + "' is not in the"
          + " standard change catalog; known templates: "
          + policies().standardChanges().keySet().stream().sorted().toList()));
    }
    guard.check(actor, Permission.CHANGE_CREATE, newChange(actor, c.owner(), c.implementer(), c));
    checkIncidents(actor, c.incidents(), problems);
    failIf("CreateStandardChange", problems);
    String tenant = actor.tenant();
    return tx.required(() -> {
      Instant now = now();
      String number = nextNumber(tenant);
      Change change = Change.builder().number(number).version(1).tenant(tenant)
          .type(ChangeType.STANDARD)
          .state(ChangeState.AUTHORIZED)
          .title(c.title() == null || c.title().isBlank() ? t.title() : c.title().strip())
          .description(t.description())
          .justification("Pre-authorised standard change '" + t.id() + "'")
          .category(t.category()).services(distinct(c.services()))
          .configurationItems(distinct(c.configurationItems()))
          .implementationPlan(t.implementationPlan()).backoutPlan(t.backoutPlan())
          .testPlan(t.testPlan()).requester(actor.id()).owner(c.owner())
          .implementerGroup(t.implementerGroup()).implementer(blankToNull(c.implementer()))
          .impact(t.impact()).tested(true).backoutTested(true).risk(ChangeRisk.LOW)
          .template(t.id()).authority(PRE_AUTHORISED).incidents(distinct(c.incidents()))
          .createdAt(now).authorizedAt(now).build();
      ChangeEvent event = new ChangeEvent.Created(change, null, actor, now);
      events.before(event);
      store.insert(change);
      record(null, change, actor, "change.createStandard", now);
      store.appendTimeline(number, entry(now, actor, Kind.STATE_CHANGE,
          "Raised from standard change template '" + t.id() + "'; pre-authorised"));
      workflow.started(change);
      events.afterCommit(event);
      return change;
    });
  }

  // ------------------------------------------------------------------------------- assessment

  @Override
  public Change assess(Actor actor, AssessChange c) {
    validator.validate(actor, c, "AssessChange");
    return change(actor, c.number(), Permission.CHANGE_ASSESS, ChangeAction.ASSESS,
        "change.assess", (before, now) -> {
      Change answered = before.toBuilder().impact(c.impact()).requiresOutage(c.requiresOutage())
          .tested(c.tested()).backoutTested(c.backoutTested()).build();
      ChangeRisk risk = riskOf(factors(answered, now));
      return new Step(answered.toBuilder().risk(risk).build(),
          (after, prev) -> List.of(new ChangeEvent.Assessed(after, prev, actor, now)),
          "Assessed: risk " + risk);
    });
  }

  @Override
  public Change submitForAuthorization(Actor actor, SubmitChange c) {
    validator.validate(actor, c, "SubmitChange");
    return change(actor, c.number(), Permission.CHANGE_SUBMIT,
        ChangeAction.SUBMIT_FOR_AUTHORIZATION, "change.submit",
        (before, now) -> {
          ChangeRisk risk = riskOf(factors(before, now));
          Change withRisk = before.toBuilder().risk(risk).build();
          Change after = openRound(withRisk, withRisk.toBuilder(), now).build();
          return new Step(after,
              (a, prev) -> List.of(new ChangeEvent.SubmittedForAuthorization(a, prev, actor, now)),
              "Submitted to the change authority " + after.authority() + " (group "
                  + after.approverGroup() + ", " + after.approvalPolicy() + ", due "
                  + after.authorizationDue() + ")" + suffix(c.note()));
        });
  }

  /** Opens an authorisation round: authority, eligible approvers, deadline. */
  private Change.Builder openRound(Change change, Change.Builder b, Instant now) {
    ChangeAuthority authority = settings.authorityPolicy().authorityFor(change.type(),
        change.risk());
    if (authority == null) {
      throw new ItsmException("ITSM-NO-CHANGE-AUTHORITY", "The change authority policy has no"
          + " authority for a " + change.type() + " change of risk " + change.risk()
          + "; add a row for it to the authority table");
    }
    int eligible = eligibleApprovers(change, authority);
    return b.state(ChangeState.AUTHORIZATION).authority(authority.name())
        .approverGroup(authority.approverGroup()).approvalPolicy(authority.policy())
        .eligibleApprovers(eligible).authorizationRound(change.authorizationRound() + 1)
        .authorizationDue(now.plus(authority.deadline())).authorizationEscalated(false)
        .submittedAt(now);
  }

  private int eligibleApprovers(Change change, ChangeAuthority authority) {
    ApprovalRound.Eligibility e = ApprovalRound.eligible(settings.directory(),
        authority.approverGroup(), authority.policy(), conflicted(change),
        "change authority " + authority.name(),
        "the change's requester, owner and implementer");
    if (!e.ok()) {
      throw new ItsmException(e.code(), e.problem() + ("ITSM-NOT-ENOUGH-APPROVERS".equals(e.code())
          ? "; add members to the group or change the authority table. Nothing was changed."
          : ""));
    }
    return e.count();
  }

  private static Set<String> conflicted(Change c) {
    Set<String> s = new HashSet<>();
    s.add(c.requester());
    s.add(c.owner());
    if (c.implementer() != null) {
      s.add(c.implementer());
    }
    return s;
  }

  // ---------------------------------------------------------------------------- authorisation

  @Override
  public Change decide(Actor actor, DecideChange c) {
    validator.validate(actor, c, "DecideChange");
    if (c.decision() == Decision.REJECT && (c.comment() == null || c.comment().isBlank())) {
      failIf("DecideChange", List.of(new Violation("comment", "RequiredForRejection",
          "must not be blank when rejecting: say why")));
    }
    return change(actor, c.number(), Permission.CHANGE_DECIDE, ChangeAction.DECIDE,
        "change.decide", (before, now) -> {
      boolean escalatedDecision = before.authorizationEscalated()
          && actor.groups().contains(policies().escalationGroup());
      checkApprover(actor, before, escalatedDecision);
      ApprovalRecord decision = new ApprovalRecord(before.number(),
          before.authorizationRound(), actor.id(), c.decision(), blankToNull(c.comment()), now,
          escalatedDecision);
      store.appendDecision(decision);
      ApprovalRound.Tally tally = ApprovalRound.tally(before.approvalPolicy(),
          before.eligibleApprovers(), store.decisions(before.number()).stream()
              .filter(d -> d.round() == before.authorizationRound())
              .map(ApprovalRecord::decision).toList(), policies().rejectionRule());
      ApprovalPolicy.Outcome outcome = escalatedDecision
          ? (c.decision() == Decision.APPROVE ? ApprovalPolicy.Outcome.APPROVED
              : ApprovalPolicy.Outcome.REJECTED)
          : tally.outcome();
      Change.Builder b = before.toBuilder();
      String line = (c.decision() == Decision.APPROVE ? "Approved" : "Rejected") + " by "
          + actor.id() + (escalatedDecision ? " (escalation group, final)" : "")
          + suffix(c.comment()) + " [" + tally.describe(before.approvalPolicy()) + "]";
      switch (outcome) {
        case APPROVED -> {
          b.state(ChangeState.AUTHORIZED).authorizedAt(now);
          line += "; authorised";
        }
        case REJECTED -> {
          b.state(ChangeState.REJECTED).rejectedAt(now);
          line += "; rejected";
        }
        default -> { }
      }
      return new Step(b.build(), (after, prev) -> {
        List<ChangeEvent> out = new ArrayList<>();
        out.add(new ChangeEvent.DecisionRecorded(after, prev, actor, now, decision));
        if (outcome == ApprovalPolicy.Outcome.APPROVED) {
          out.add(new ChangeEvent.Authorized(after, prev, actor, now));
        } else if (outcome == ApprovalPolicy.Outcome.REJECTED) {
          out.add(new ChangeEvent.Rejected(after, prev, actor, now));
        }
        return out;
      }, line, new FieldChange("decision", null, c.decision() + " by " + actor.id()
          + suffix(c.comment())));
    });
  }

  private void checkApprover(Actor actor, Change change, boolean escalatedDecision) {
    String who = actor.id();
    if (who.equals(change.requester()) || who.equals(change.owner())
        || who.equals(change.implementer())) {
      String role = who.equals(change.requester()) ? "requester"
          : who.equals(change.owner()) ? "owner" : "implementer";
      throw new NotPermittedException("segregation-of-duties", who, who + " is the " + role
          + " of " + change.number() + " and cannot decide on it: the requester, owner and"
          + " implementer of a change may not approve or reject it; ask another member of "
          + change.approverGroup());
    }
    if (!escalatedDecision && !actor.groups().contains(change.approverGroup())) {
      throw new NotPermittedException("not-an-approver", who, who + " is not in the approver"
          + " group " + change.approverGroup() + " of change authority " + change.authority()
          + " for " + change.number()
          + (change.authorizationEscalated() ? " nor in the escalation group "
              + policies().escalationGroup() : ""));
    }
    boolean decided = store.decisions(change.number()).stream()
        .anyMatch(d -> d.round() == change.authorizationRound() && d.approver().equals(who));
    if (decided) {
      throw new NotPermittedException("already-decided", who, who + " already decided on "
          + change.number() + " in this authorisation round; each approver decides once");
    }
  }

  /**
   * The authorisation deadline passed (called by the process's timer): the escalation group may
   * now decide. Does nothing when the change is no longer in authorisation or already escalated.
   *
   * @param number the change
   * @return whether it was escalated
   */
  public boolean authorizationOverdue(String number) {
    return tx.required(() -> {
      Change before = load(number);
      if (before.state() != ChangeState.AUTHORIZATION || before.authorizationEscalated()) {
        return false;
      }
      Actor system = Actor.system(before.tenant());
      Instant now = now();
      Change after = before.toBuilder().version(before.version() + 1)
          .authorizationEscalated(true).build();
      ChangeEvent event = new ChangeEvent.AuthorizationEscalated(after, before, system, now);
      events.before(event);
      store.update(after);
      record(before, after, system, "change.authorizationOverdue", now);
      store.appendTimeline(number, entry(now, system, Kind.SYSTEM, "Authorisation overdue (due "
          + before.authorizationDue() + "); escalated to " + policies().escalationGroup()
          + ", whose decision is final"));
      workflow.escalated(after);
      events.afterCommit(event);
      LOG.info("{}: authorisation overdue, escalated to {}", number, policies().escalationGroup());
      return true;
    });
  }

  /**
   * Notes on the timeline that a service-level target of the change was missed (called by the
   * clock's breach threshold).
   *
   * @param number the change
   * @param what the missed target, e.g. {@code RESPONSE}
   */
  public void serviceLevelMissed(String number, String what) {
    tx.required(() -> {
      store.find(number).ifPresent(c -> store.appendTimeline(number, entry(now(),
          Actor.system(c.tenant()),
          Kind.SYSTEM, "Service level target missed: " + what)));
      return null;
    });
  }

  // ------------------------------------------------------------------------------- scheduling

  @Override
  public Change schedule(Actor actor, ScheduleChange c) {
    validator.validate(actor, c, "ScheduleChange");
    List<Violation> early = new ArrayList<>();
    checkWindow(c.plannedStart(), c.plannedEnd(), early);
    failIf("ScheduleChange", early);
    return change(actor, c.number(), Permission.CHANGE_SCHEDULE, ChangeAction.SCHEDULE,
        "change.schedule", (before, now) -> {
      List<Violation> problems = new ArrayList<>();
      String override = null;
      for (FreezeWindow f : policies().freezeWindows()) {
        if (!f.blocks(c.plannedStart(), c.plannedEnd(), before.services())) {
          continue;
        }
        boolean justified = c.freezeOverride() != null && !c.freezeOverride().isBlank();
        if (before.type() == ChangeType.EMERGENCY && justified) {
          override = c.freezeOverride().strip();
        } else {
          problems.add(new Violation("plannedStart", "FreezeWindow", "the window "
              + c.plannedStart() + " .. " + c.plannedEnd() + " falls in the freeze window '"
              + f.name() + "' (" + f.from() + " .. " + f.to() + ")"
              + (before.type() == ChangeType.EMERGENCY
                  ? "; give a freezeOverride justification to schedule this emergency change in it"
                  : "; choose a window outside it (only emergency changes may override a"
                      + " freeze)")));
        }
      }
      List<Change> collisions = collisions(before, c.plannedStart(), c.plannedEnd());
      if (!collisions.isEmpty() && policies().collisionMode() == CollisionMode.BLOCK) {
        problems.add(new Violation("plannedStart", "Collision", "the window collides with "
            + describe(collisions, before) + "; choose another window"));
      }
      failIf("ScheduleChange", problems);
      Change after = before.toBuilder().state(ChangeState.SCHEDULED)
          .plannedStart(c.plannedStart()).plannedEnd(c.plannedEnd())
          .implementer(c.implementer() == null || c.implementer().isBlank()
              ? before.implementer() : c.implementer().strip())
          .freezeOverride(override != null ? override : before.freezeOverride())
          .collisions(collisions.stream().map(Change::number).toList())
          .scheduledAt(now).build();
      String line = "Scheduled " + c.plannedStart() + " .. " + c.plannedEnd()
          + (override != null ? "; freeze overridden: " + override : "")
          + (collisions.isEmpty() ? "" : "; WARNING collides with "
              + describe(collisions, before));
      return new Step(after,
          (a, prev) -> List.of(new ChangeEvent.Scheduled(a, prev, actor, now)), line);
    });
  }

  private List<Change> collisions(Change change, Instant start, Instant end) {
    if (change.services().isEmpty() && change.configurationItems().isEmpty()) {
      return List.of();
    }
    List<Change> overlapping = store.query(new ChangeCriteria(
        Set.of(ChangeState.SCHEDULED, ChangeState.IMPLEMENTATION), null, null, null, null, null,
        null, null, start, end, change.tenant(), null, ChangeSort.PLANNED_START, 0, 1000));
    return overlapping.stream()
        .filter(o -> !o.number().equals(change.number()))
        .filter(o -> o.services().stream().anyMatch(change.services()::contains)
            || o.configurationItems().stream().anyMatch(change.configurationItems()::contains))
        .toList();
  }

  private static String describe(List<Change> collisions, Change change) {
    List<String> parts = new ArrayList<>();
    for (Change o : collisions) {
      Set<String> shared = new LinkedHashSet<>(o.services());
      shared.addAll(o.configurationItems());
      Set<String> mine = new HashSet<>(change.services());
      mine.addAll(change.configurationItems());
      shared.retainAll(mine);
      parts.add(o.number() + " (" + String.join(", ", shared) + ", " + o.plannedStart() + " .. "
          + o.plannedEnd() + ")");
    }
    return String.join(", ", parts);
  }

  // --------------------------------------------------------------------------- implementation

  @Override
  public Change startImplementation(Actor actor, StartImplementation c) {
    validator.validate(actor, c, "StartImplementation");
    return change(actor, c.number(), Permission.CHANGE_IMPLEMENT,
        ChangeAction.START_IMPLEMENTATION, "change.start",
        (before, now) -> new Step(before.toBuilder().state(ChangeState.IMPLEMENTATION)
            .implementationStartedAt(now).build(),
            (a, prev) -> List.of(new ChangeEvent.ImplementationStarted(a, prev, actor, now)),
            "Implementation started" + suffix(c.note())));
  }

  @Override
  public Change recordOutcome(Actor actor, RecordOutcome c) {
    validator.validate(actor, c, "RecordOutcome");
    return change(actor, c.number(), Permission.CHANGE_IMPLEMENT,
        ChangeAction.RECORD_OUTCOME, "change.recordOutcome",
        (before, now) -> {
          Change withOutcome = before.toBuilder().outcome(c.outcome()).outcomeNotes(c.notes())
              .implementedAt(now).build();
          boolean review = policies().reviewRule().reviewRequired(withOutcome);
          Change after = withOutcome.toBuilder().reviewRequired(review)
              .state(review ? ChangeState.REVIEW : ChangeState.CLOSED)
              .closedAt(review ? null : now).build();
          if (!review) {
            resolveIncidents(after, actor);
          }
          return new Step(after,
              (a, prev) -> List.of(new ChangeEvent.OutcomeRecorded(a, prev, actor, now)),
              "Outcome " + c.outcome() + ": " + c.notes()
                  + (review ? "; post-implementation review required" : "; closed"));
        });
  }

  @Override
  public Change completeReview(Actor actor, CompleteReview c) {
    validator.validate(actor, c, "CompleteReview");
    return change(actor, c.number(), Permission.CHANGE_REVIEW,
        ChangeAction.COMPLETE_REVIEW, "change.completeReview",
        (before, now) -> {
          Change after = before.toBuilder().reviewNotes(c.notes()).state(ChangeState.CLOSED)
              .closedAt(now).build();
          resolveIncidents(after, actor);
          return new Step(after,
              (a, prev) -> List.of(new ChangeEvent.Reviewed(a, prev, actor, now)),
              "Post-implementation review: " + c.notes() + "; closed");
        });
  }

  private void resolveIncidents(Change closed, Actor actor) {
    if (closed.outcome() == null || !closed.outcome().succeeded()) {
      return;
    }
    // the library's own follow-up of a permitted call: not checked against the incident and
    // problem permissions of the actor; the timelines name the change as the cause
    Actor cascade = Actor.system(closed.tenant());
    if (policies().resolveLinkedIncidents() && !closed.incidents().isEmpty()) {
      settings.incidents().resolve(closed, cascade);
    }
    onSuccess.accept(closed, cascade);
  }

  private volatile java.util.function.BiConsumer<Change, Actor> onSuccess = (c, a) -> { };

  /**
   * @param action called inside the transaction when a change closes successfully (problem
   *     management resolves the problems it fixes), with the library's own actor of the change's
   *     tenant ({@link Actor#system(String)}): a cascade, not checked again
   */
  public void onSuccessfulClose(java.util.function.BiConsumer<Change, Actor> action) {
    this.onSuccess = Objects.requireNonNull(action);
  }

  @Override
  public Change cancel(Actor actor, CancelChange c) {
    validator.validate(actor, c, "CancelChange");
    return change(actor, c.number(), Permission.CHANGE_CANCEL, ChangeAction.CANCEL,
        "change.cancel", (before, now) ->
        new Step(before.toBuilder().state(ChangeState.CANCELLED).cancelledAt(now).build(),
            (a, prev) -> List.of(new ChangeEvent.Cancelled(a, prev, actor, now)),
            "Cancelled: " + c.reason()));
  }

  @Override
  public Change addNote(Actor actor, AddChangeNote c) {
    validator.validate(actor, c, "AddChangeNote");
    return tx.required(() -> {
      Change current = load(c.number());
      guard.check(actor, Permission.CHANGE_NOTE, target(current));
      ChangeLifecycle.check(current.number(), current.state(), ChangeAction.ADD_NOTE);
      Instant now = now();
      ChangeEvent event = new ChangeEvent.NoteAdded(current, current, actor, now);
      events.before(event);
      store.appendTimeline(current.number(), entry(now, actor, Kind.WORK_NOTE, c.text()));
      audit.append(new AuditEntry(current.number(), actor.id(), "change.addNote", now,
          List.of(new FieldChange("workNote", null, c.text())), current.tenant()));
      events.afterCommit(event);
      return current;
    });
  }

  // ------------------------------------------------------------------------------------ reads

  @Override
  public Change get(Actor actor, String number) {
    guard.requireTenant(actor);
    Arguments.key(number, "number");
    return tx.required(() -> readable(actor, number));
  }

  @Override
  public Optional<Change> find(Actor actor, String number) {
    guard.requireTenant(actor);
    if (!Arguments.isKey(number) || number == null || number.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(tx.required(() -> readable(actor, number)));
    } catch (RecordNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Loads a change and checks that the actor may read it (another tenant's: not found). */
  private Change readable(Actor actor, String number) {
    Change change = load(number);
    guard.check(actor, Permission.CHANGE_READ, target(change));
    return change;
  }

  @Override
  public ChangeQuery query(Actor actor) {
    guard.requireTenant(actor);
    return new DefaultChangeQuery(criteria -> {
      validator.validate(criteria, "ChangeQuery");
      ChangeCriteria scoped = scoped(actor, criteria);
      return tx.required(() -> store.query(scoped));
    }, criteria -> {
      validator.validate(criteria, "ChangeQuery");
      ChangeCriteria scoped = scoped(actor, criteria);
      return tx.required(() -> store.count(scoped));
    });
  }

  /** Confines a query to the actor's tenant and, under {@link ReadScope#OWN}, its own changes. */
  private ChangeCriteria scoped(Actor actor, ChangeCriteria c) {
    String ownedBy = guard.queryOwner(actor, Permission.CHANGE_READ, RecordKind.CHANGE);
    return new ChangeCriteria(c.states(), c.type(), c.requester(), c.owner(), c.service(),
        c.configurationItem(), c.incident(), c.problem(), c.windowFrom(), c.windowTo(),
        actor.tenant(), ownedBy, c.sort(), c.offset(), c.limit());
  }

  @Override
  public List<Change> schedule(Actor actor, Instant from, Instant to) {
    guard.requireTenant(actor);
    List<Violation> problems = new ArrayList<>();
    if (from == null) {
      problems.add(new Violation("from", "NotNull", "must not be null"));
    }
    if (to == null) {
      problems.add(new Violation("to", "NotNull", "must not be null"));
    }
    if (from != null && to != null && !to.isAfter(from)) {
      problems.add(new Violation("to", "After", "must be after from"));
    }
    failIf("schedule", problems);
    return query(actor).state(ChangeState.SCHEDULED, ChangeState.IMPLEMENTATION)
        .windowOverlapping(from, to).orderBy(ChangeSort.PLANNED_START).page(0, 1000).list();
  }

  @Override
  public List<ApprovalRecord> decisions(Actor actor, String number) {
    return guard.readPart(actor, number, tx, n -> readable(actor, n),
        () -> store.decisions(number));
  }

  @Override
  public List<TimelineEntry> timeline(Actor actor, String number) {
    return guard.readPart(actor, number, tx, n -> readable(actor, n), () -> store.timeline(number));
  }

  @Override
  public List<AuditEntry> auditTrail(Actor actor, String number) {
    return guard.readPart(actor, number, tx, n -> readable(actor, n),
        () -> audit.forRecord(number));
  }

  @Override
  public List<StandardChangeTemplate> standardChanges(Actor actor) {
    guard.check(actor, Permission.CHANGE_READ);
    return List.copyOf(policies().standardChanges().values());
  }

  // ----------------------------------------------------------------------------------- access

  /**
   * The access facts of a change: its requester owns it; its owner and implementer work it (no
   * group: the implementer group's members get no rights from it, and approvers are governed by
   * {@code change.decide} and the approval rules).
   */
  private static AccessTarget target(Change c) {
    return new AccessTarget(RecordKind.CHANGE, c.number(), c.tenant(), users(c.requester()),
        Set.of(), users(c.owner(), c.implementer()), c);
  }

  /** The access facts of a change about to be raised by the actor. */
  private static AccessTarget newChange(Actor actor, String owner, String implementer,
      Object command) {
    return new AccessTarget(RecordKind.CHANGE, null, actor.tenant(), users(actor.id()), Set.of(),
        users(owner == null ? null : owner.strip(), blankToNull(implementer)), command);
  }

  private static Set<String> users(String... ids) {
    Set<String> out = new HashSet<>();
    for (String id : ids) {
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  private String nextNumber(String tenant) {
    return AccessGuard.number(tenant,
        settings.numbering().format(PREFIX, store.nextSequence(tenant)));
  }

  // ---------------------------------------------------------------------------------- helpers

  /** Builds the events of one step from the stored change and the one before. */
  @FunctionalInterface
  private interface EventFactory {
    List<ChangeEvent> create(Change after, Change before);
  }

  /** What one action does: the new record, its events, its timeline line, extra audit fields. */
  private record Step(Change after, EventFactory events, String line, FieldChange... extra) {}

  @FunctionalInterface
  private interface Mutation {
    Step apply(Change before, Instant now);
  }

  private Change change(Actor actor, String number, Permission permission, ChangeAction action,
      String operation, Mutation mutation) {
    return tx.required(() -> {
      Change before = load(number);
      guard.check(actor, permission, target(before));
      ChangeLifecycle.check(number, before.state(), action);
      Instant now = now();
      Step step = mutation.apply(before, now);
      Change after = step.after().toBuilder().version(before.version() + 1).build();
      List<ChangeEvent> stepEvents = step.events().create(after, before);
      for (ChangeEvent e : stepEvents) {
        events.before(e);
      }
      store.update(after);
      List<FieldChange> changes = new ArrayList<>(RecordDiff.between(before, after, NOT_AUDITED));
      changes.addAll(List.of(step.extra()));
      audit.append(new AuditEntry(number, actor.id(), operation, now, changes, after.tenant()));
      store.appendTimeline(number, entry(now, actor,
          action == ChangeAction.ASSESS ? Kind.WORK_NOTE : Kind.STATE_CHANGE, step.line()));
      workflow.changed(action, before, after);
      for (ChangeEvent e : stepEvents) {
        events.afterCommit(e);
      }
      return after;
    });
  }

  private RiskFactors factors(Change c, Instant now) {
    return new RiskFactors(c.impact() == null ? Impact.MEDIUM : c.impact(),
        c.configurationItems().size(), c.requiresOutage(), c.tested(), c.backoutTested(),
        failedSimilar(c.tenant(), c.category(), now));
  }

  private int failedSimilar(String tenant, String category, Instant now) {
    if (category == null || category.isBlank()) {
      return 0;
    }
    return store.countFailed(tenant, category.strip(),
        now.minus(policies().similarChangesLookBack()));
  }

  private ChangeRisk riskOf(RiskFactors factors) {
    ChangeRisk risk = settings.riskPolicy().riskOf(factors);
    if (risk == null) {
      throw new ItsmException("ITSM-NO-CHANGE-RISK", "The change risk policy returned no risk"
          + " for " + factors + "; give the risk table a result for every input");
    }
    return risk;
  }

  private void checkWindow(Instant start, Instant end, List<Violation> problems) {
    if ((start == null) != (end == null)) {
      problems.add(new Violation(start == null ? "plannedStart" : "plannedEnd", "NotNull",
          "must be given together with " + (start == null ? "plannedEnd" : "plannedStart")));
    } else if (start != null && !end.isAfter(start)) {
      problems.add(new Violation("plannedEnd", "After", "must be after plannedStart ("
          + start + ")"));
    }
  }

  private void checkIncidents(Actor actor, List<String> numbers, List<Violation> problems) {
    for (int i = 0; i < numbers.size(); i++) {
      String n = numbers.get(i);
      if (n != null && !n.isBlank()
          && settings.incidents().exists(actor, n.strip()).map(e -> !e).orElse(false)) {
        problems.add(new Violation("incidents[" + i + "]", "Exists", "incident " + n
            + " does not exist"));
      }
    }
  }

  private static void failIf(String command, List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(command, problems);
    }
  }

  private void record(Change before, Change after, Actor actor, String operation, Instant now) {
    audit.append(new AuditEntry(after.number(), actor.id(), operation, now,
        RecordDiff.between(before, after, NOT_AUDITED), after.tenant()));
  }

  private Change load(String number) {
    return store.find(number).orElseThrow(() -> new RecordNotFoundException(number));
  }

  private Instant now() {
    return settings.clock().instant();
  }

  private static TimelineEntry entry(Instant now, Actor actor, Kind kind, String text) {
    return new TimelineEntry(now, actor.id(), kind, text);
  }

  private static List<String> distinct(List<String> values) {
    return values.stream().map(String::strip).distinct().toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String suffix(String note) {
    return note == null || note.isBlank() ? "" : ": " + note.strip();
  }
}
