package dev.itsm.core.request.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.Actor;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.Decision;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.access.AccessTarget;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.ApprovalRound;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.RecordDiff;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.request.AddRequestNote;
import dev.itsm.core.request.CancelRequest;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.CloseRequest;
import dev.itsm.core.request.CompleteFulfilmentTask;
import dev.itsm.core.request.DecideRequest;
import dev.itsm.core.request.FulfilmentTask;
import dev.itsm.core.request.FulfilmentTaskState;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestAction;
import dev.itsm.core.request.RequestApproval;
import dev.itsm.core.request.RequestDecision;
import dev.itsm.core.request.RequestEvent;
import dev.itsm.core.request.RequestLifecycle;
import dev.itsm.core.request.RequestQuery;
import dev.itsm.core.request.RequestService;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.RequestTask;
import dev.itsm.core.request.StartFulfilmentTask;
import dev.itsm.core.request.SubmitRequest;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.spi.RequestStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service request management's domain logic, independent of the process engine: form validation
 * against the item version, approval routing (manager from the directory, group with the shared
 * approval arithmetic), segregation of duties, fulfilment stages and tasks, hooks, audit and
 * timeline. Internal: no compatibility guarantees.
 */
public final class DefaultRequestService implements RequestService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRequestService.class);
  private static final String PREFIX = "REQ";
  private static final Set<String> NOT_AUDITED = Set.of("version");

  private final Settings settings;
  private final RequestStore store;
  private final AuditStore audit;
  private final Transactions tx;
  private final RequestWorkflow workflow;
  private final CommandValidator validator;
  private final Events events;
  private final AccessGuard guard;

  /**
   * The collaborators of the service.
   *
   * @param clock the clock
   * @param directory group members and managers, for approvals
   * @param numbering number format
   */
  public record Settings(Clock clock, Directory directory, NumberingPolicy numbering) {

    /** Checks the components. */
    public Settings {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(numbering, "numbering");
    }
  }

  /**
   * @param settings collaborators
   * @param store the request store
   * @param audit the audit store
   * @param tx the transactions
   * @param workflow the process side
   * @param validator the command validator
   * @param events hooks and listeners
   * @param guard checks every call against the access policy and the actor's tenant
   */
  public DefaultRequestService(Settings settings, RequestStore store, AuditStore audit,
      Transactions tx, RequestWorkflow workflow, CommandValidator validator, Events events,
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

  // ------------------------------------------------------------------------------- submitting

  @Override
  public Request submit(Actor actor, SubmitRequest c) {
    validator.validate(actor, c, "SubmitRequest");
    String requestedFor = c.requestedFor() == null || c.requestedFor().isBlank() ? actor.id()
        : c.requestedFor().strip();
    String tenant = actor.tenant();
    // the request to be created belongs to the person it is for: a caller submits for
    // themselves, staff for anyone (RoleModel.standard())
    guard.check(actor, Permission.REQUEST_SUBMIT, new AccessTarget(RecordKind.REQUEST, null,
        tenant, Set.of(requestedFor), Set.of(), Set.of(), null));
    return tx.required(() -> {
      List<Violation> problems = new ArrayList<>();
      CatalogItem item = store.latestItem(tenant, c.item().strip()).orElse(null);
      if (item == null || item.retired()) {
        problems.add(new Violation("item", item == null ? "InCatalog" : "NotRetired", "'"
            + c.item() + "' is " + (item == null ? "not in" : "retired from")
            + " the service catalog; items: " + store.latestItems(tenant).stream()
                .filter(i -> !i.retired()).map(CatalogItem::id).sorted().toList()));
        failIf("SubmitRequest", problems);
      }
      Map<String, String> form = Forms.check(item, c.form(), problems);
      Request.Builder b = Request.builder().version(1).tenant(tenant).item(item.id())
          .itemVersion(item.version()).itemName(item.name()).requestedBy(actor.id())
          .requestedFor(requestedFor).form(form).quantity(c.quantity())
          .comment(blankToNull(c.comment())).fulfilmentProcess(item.fulfilmentProcess());
      String routing = route(item, actor.id(), requestedFor, b, problems);
      failIf("SubmitRequest", problems);
      Instant now = now();
      String number = AccessGuard.number(tenant,
          settings.numbering().format(PREFIX, store.nextSequence(tenant)));
      b.number(number).submittedAt(now).tasks(tasksOf(item));
      String line = "Submitted: " + item.name() + " (" + item.id() + " v" + item.version() + ")"
          + (requestedFor.equals(actor.id()) ? "" : " for " + requestedFor)
          + (c.quantity() == 1 ? "" : ", quantity " + c.quantity()) + suffix(c.comment());
      if (item.approval().needed()) {
        b.state(RequestState.AWAITING_APPROVAL);
        line += "; awaiting approval by " + routing;
      } else {
        Request draft = b.state(RequestState.SUBMITTED).build();
        line += "; no approval needed" + beginFulfilment(draft, b, now);
      }
      Request request = b.build();
      RequestEvent event = new RequestEvent.Submitted(request, null, actor, now);
      events.before(event);
      store.insert(request);
      audit.append(new AuditEntry(number, actor.id(), "request.submit", now,
          RecordDiff.between(null, request, NOT_AUDITED), request.tenant()));
      store.appendTimeline(number, entry(now, actor, Kind.STATE_CHANGE, line));
      workflow.started(request);
      events.afterCommit(event);
      LOG.debug("{} submitted by {} for {} ({} v{}, {})", number, actor.id(), requestedFor,
          item.id(), item.version(), request.state());
      return request;
    });
  }

  /** Finds who approves; returns a description of the approver for the timeline. */
  private String route(CatalogItem item, String requester, String requestedFor,
      Request.Builder b, List<Violation> problems) {
    RequestApproval a = item.approval();
    b.approvalKind(a.kind());
    switch (a.kind()) {
      case NONE -> {
        b.eligibleApprovers(0);
        return null;
      }
      case MANAGER -> {
        Optional<String> manager = settings.directory().managerOf(requester);
        if (manager.isEmpty()) {
          problems.add(new Violation("item", "ManagerKnown", "catalog item " + item.id()
              + " is approved by the requester's manager, but the directory knows no manager of "
              + requester + "; register the managers (Directory.of(groups, managers) or a"
              + " Directory whose managerOf answers) or ask someone with a manager to request it"));
          return null;
        }
        String m = manager.get();
        if (m.equals(requester) || m.equals(requestedFor)) {
          problems.add(new Violation("item", "SegregationOfDuties", "the manager of " + requester
              + " is " + m + ", who is " + (m.equals(requester) ? "the requester" : "the person"
              + " the request is for") + " and may not approve it; ask someone else to request"
              + " it"));
          return null;
        }
        b.approver(m).approvalPolicy(ApprovalPolicy.any()).eligibleApprovers(1);
        return m + " (manager of " + requester + ")";
      }
      case GROUP -> {
        ApprovalRound.Eligibility e = ApprovalRound.eligible(settings.directory(), a.group(),
            a.policy(), Set.copyOf(List.of(requester, requestedFor)), "catalog item " + item.id(),
            "the requester and the person the request is for");
        if (!e.ok()) {
          problems.add(new Violation("item", "Approvers", e.problem() + "; add members to the"
              + " group or change the item's approval"));
          return null;
        }
        b.approverGroup(a.group()).approvalPolicy(a.policy()).eligibleApprovers(e.count());
        return "group " + a.group() + " (" + a.policy() + ")";
      }
      default -> throw new IllegalStateException("unknown approval " + a.kind());
    }
  }

  private static List<RequestTask> tasksOf(CatalogItem item) {
    List<RequestTask> tasks = new ArrayList<>();
    int n = 1;
    for (FulfilmentTask t : item.tasks()) {
      tasks.add(new RequestTask(n++, t.name(), t.group(), t.stage(), FulfilmentTaskState.PENDING,
          null, null, null, null));
    }
    return tasks;
  }

  /**
   * Opens the first stage (or, for an item with its own process, moves to IN_FULFILMENT).
   *
   * @return the timeline text
   */
  private static String beginFulfilment(Request r, Request.Builder b, Instant now) {
    if (r.fulfilmentProcess() != null) {
      b.state(RequestState.IN_FULFILMENT).fulfilmentStartedAt(now);
      return "; fulfilment by the process " + r.fulfilmentProcess();
    }
    List<RequestTask> tasks = openStage(r.tasks(), 1);
    b.tasks(tasks);
    return "; " + describeStage(tasks, 1);
  }

  private static List<RequestTask> openStage(List<RequestTask> tasks, int stage) {
    return tasks.stream().map(t -> t.stage() == stage && t.state() == FulfilmentTaskState.PENDING
        ? t.withState(FulfilmentTaskState.OPEN) : t).toList();
  }

  private static String describeStage(List<RequestTask> tasks, int stage) {
    return "stage " + stage + " open: " + tasks.stream().filter(t -> t.stage() == stage)
        .map(t -> t.name() + " (" + t.group() + ")").collect(Collectors.joining(", "));
  }

  // --------------------------------------------------------------------------------- approval

  @Override
  public Request decide(Actor actor, DecideRequest c) {
    validator.validate(actor, c, "DecideRequest");
    if (c.decision() == Decision.REJECT && (c.comment() == null || c.comment().isBlank())) {
      failIf("DecideRequest", List.of(new Violation("comment", "RequiredForRejection",
          "must not be blank when rejecting: say why")));
    }
    return step(actor, c.number(), Permission.REQUEST_DECIDE, RequestAction.DECIDE,
        "request.decide", (before, now) -> {
      checkApprover(actor, before);
      RequestDecision decision = new RequestDecision(before.number(), actor.id(), c.decision(),
          blankToNull(c.comment()), now);
      store.appendDecision(decision);
      CatalogItem item = itemOf(before);
      ApprovalRound.Tally tally = ApprovalRound.tally(before.approvalPolicy(),
          before.eligibleApprovers(), store.decisions(before.number()).stream()
              .map(RequestDecision::decision).toList(), item.approval().rejectionRule());
      Request.Builder b = before.toBuilder();
      String line = (c.decision() == Decision.APPROVE ? "Approved" : "Rejected") + " by "
          + actor.id() + suffix(c.comment()) + " [" + tally.describe(before.approvalPolicy())
          + "]";
      switch (tally.outcome()) {
        case APPROVED -> {
          Request approved = b.state(RequestState.APPROVED).approvedAt(now).build();
          line += "; approved" + beginFulfilment(approved, b, now);
        }
        case REJECTED -> {
          b.state(RequestState.REJECTED).rejectedAt(now).tasks(cancelOpen(before.tasks()));
          line += "; rejected";
        }
        default -> { }
      }
      return new Step(b.build(), (after, prev) -> {
        List<RequestEvent> out = new ArrayList<>();
        out.add(new RequestEvent.DecisionRecorded(after, prev, actor, now, decision));
        if (tally.outcome() == ApprovalPolicy.Outcome.APPROVED) {
          out.add(new RequestEvent.Approved(after, prev, actor, now));
        } else if (tally.outcome() == ApprovalPolicy.Outcome.REJECTED) {
          out.add(new RequestEvent.Rejected(after, prev, actor, now));
        }
        return out;
      }, line, new FieldChange("decision", null, c.decision() + " by " + actor.id()
          + suffix(c.comment())));
    });
  }

  private void checkApprover(Actor actor, Request r) {
    String who = actor.id();
    if (who.equals(r.requestedBy()) || who.equals(r.requestedFor())) {
      throw new NotPermittedException("segregation-of-duties", who, who + " is "
          + (who.equals(r.requestedBy()) ? "the requester of " : "the person ") + r.number()
          + (who.equals(r.requestedBy()) ? "" : " is for") + " and cannot decide on it: the"
          + " requester and the person a request is for may not approve or reject it");
    }
    if (r.approvalKind() == RequestApproval.Kind.MANAGER && !who.equals(r.approver())) {
      throw new NotPermittedException("not-an-approver", who, who + " is not the approver of "
          + r.number() + "; it waits for " + r.approver() + ", the manager of "
          + r.requestedBy());
    }
    if (r.approvalKind() == RequestApproval.Kind.GROUP
        && !actor.groups().contains(r.approverGroup())) {
      throw new NotPermittedException("not-an-approver", who, who + " is not in the approver"
          + " group " + r.approverGroup() + " of " + r.number());
    }
    if (store.decisions(r.number()).stream().anyMatch(d -> d.approver().equals(who))) {
      throw new NotPermittedException("already-decided", who, who + " already decided on "
          + r.number() + "; each approver decides once");
    }
  }

  private static List<RequestTask> cancelOpen(List<RequestTask> tasks) {
    return tasks.stream().map(t -> t.state() == FulfilmentTaskState.DONE ? t
        : t.withState(FulfilmentTaskState.CANCELLED)).toList();
  }

  // ------------------------------------------------------------------------------ fulfilment

  @Override
  public Request startTask(Actor actor, StartFulfilmentTask c) {
    validator.validate(actor, c, "StartFulfilmentTask");
    return step(actor, c.number(), Permission.REQUEST_FULFIL, RequestAction.START_TASK,
        "request.startTask",
        (before, now) -> {
          RequestTask task = workableTask(actor, before, c.task(), "StartFulfilmentTask");
          if (task.state() == FulfilmentTaskState.IN_PROGRESS) {
            failIf("StartFulfilmentTask", List.of(new Violation("task", "TaskOpen", "task "
                + task.number() + " (" + task.name() + ") of " + before.number()
                + " was started by " + task.assignee() + " already")));
          }
          RequestTask started = task.started(actor.id(), now);
          Request after = inFulfilment(before, now).tasks(replace(before.tasks(), started))
              .build();
          return new Step(after,
              (a, prev) -> List.of(new RequestEvent.TaskStarted(a, prev, actor, now, started)),
              "Task " + task.number() + " (" + task.name() + ") started by " + actor.id());
        });
  }

  @Override
  public Request completeTask(Actor actor, CompleteFulfilmentTask c) {
    validator.validate(actor, c, "CompleteFulfilmentTask");
    return step(actor, c.number(), Permission.REQUEST_FULFIL, RequestAction.COMPLETE_TASK,
        "request.completeTask",
        (before, now) -> {
          RequestTask task = workableTask(actor, before, c.task(), "CompleteFulfilmentTask");
          RequestTask done = task.completed(actor.id(), now, blankToNull(c.note()));
          List<RequestTask> tasks = replace(before.tasks(), done);
          Request.Builder b = inFulfilment(before, now);
          String line = "Task " + task.number() + " (" + task.name() + ") done by " + actor.id()
              + suffix(c.note());
          boolean stageDone = tasks.stream().filter(t -> t.stage() == task.stage())
              .allMatch(t -> t.state() == FulfilmentTaskState.DONE);
          boolean fulfilled = false;
          if (stageDone && task.stage() < before.tasks().stream()
              .mapToInt(RequestTask::stage).max().orElse(0)) {
            tasks = openStage(tasks, task.stage() + 1);
            line += "; " + describeStage(tasks, task.stage() + 1);
          } else if (stageDone) {
            fulfilled = true;
            b.state(RequestState.FULFILLED).fulfilledAt(now);
            line += "; fulfilled" + delivery(before);
          }
          boolean isFulfilled = fulfilled;
          return new Step(b.tasks(tasks).build(), (after, prev) -> {
            List<RequestEvent> out = new ArrayList<>();
            out.add(new RequestEvent.TaskCompleted(after, prev, actor, now, done));
            if (isFulfilled) {
              out.add(new RequestEvent.Fulfilled(after, prev, actor, now));
            }
            return out;
          }, line);
        });
  }

  private String delivery(Request r) {
    String note = itemOf(r).deliveryNote();
    return note == null ? "" : ". Delivery note: " + note;
  }

  /** The task, checked: it exists, the actor is in its group, it is open or started. */
  private RequestTask workableTask(Actor actor, Request r, int number, String command) {
    RequestTask task = r.task(number).orElse(null);
    if (task == null) {
      failIf(command, List.of(new Violation("task", "Exists", r.number() + " has "
          + (r.tasks().isEmpty() ? "no fulfilment tasks (its item runs the process "
              + r.fulfilmentProcess() + ")" : "tasks 1.." + r.tasks().size()))));
    }
    if (!actor.groups().contains(task.group())) {
      throw new NotPermittedException("not-in-fulfilment-group", actor.id(), actor.id()
          + " is not in the group " + task.group() + " that does task " + task.number() + " ("
          + task.name() + ") of " + r.number());
    }
    if (!task.workable()) {
      failIf(command, List.of(new Violation("task", "TaskOpen", "task " + task.number() + " ("
          + task.name() + ") of " + r.number() + " is " + task.state()
          + (task.state() == FulfilmentTaskState.PENDING ? ": it opens when stage "
              + (task.stage() - 1) + " is done" : ""))));
    }
    return task;
  }

  private static Request.Builder inFulfilment(Request before, Instant now) {
    return before.toBuilder().state(RequestState.IN_FULFILMENT).fulfilmentStartedAt(
        before.fulfilmentStartedAt() != null ? before.fulfilmentStartedAt() : now);
  }

  private static List<RequestTask> replace(List<RequestTask> tasks, RequestTask changed) {
    return tasks.stream().map(t -> t.number() == changed.number() ? changed : t).toList();
  }

  /**
   * The item's own fulfilment process ended (called from the process): the request is
   * FULFILLED. Does nothing when the request is no longer in fulfilment.
   *
   * @param number the request
   * @return whether it was fulfilled
   */
  public boolean fulfilledByProcess(String number) {
    return tx.required(() -> {
      Request before = load(number);
      if (before.state() != RequestState.IN_FULFILMENT) {
        return false;
      }
      Actor system = Actor.system();
      Instant now = now();
      Request after = before.toBuilder().version(before.version() + 1)
          .state(RequestState.FULFILLED).fulfilledAt(now).build();
      RequestEvent event = new RequestEvent.Fulfilled(after, before, system, now);
      events.before(event);
      store.update(after);
      record(before, after, system, "request.fulfilledByProcess", now);
      store.appendTimeline(number, entry(now, system, Kind.STATE_CHANGE, "Fulfilled by the"
          + " process " + before.fulfilmentProcess() + delivery(before)));
      workflow.fulfilled(before, after);
      events.afterCommit(event);
      return true;
    });
  }

  // -------------------------------------------------------------------------------- closing

  @Override
  public Request close(Actor actor, CloseRequest c) {
    validator.validate(actor, c, "CloseRequest");
    return step(actor, c.number(), Permission.REQUEST_CLOSE, RequestAction.CLOSE,
        "request.close", (before, now) ->
        new Step(before.toBuilder().state(RequestState.CLOSED).closedAt(now).build(),
            (a, prev) -> List.of(new RequestEvent.Closed(a, prev, actor, now, false)),
            "Closed: receipt confirmed by " + actor.id() + suffix(c.note())));
  }

  /**
   * The auto-close period of a fulfilled request elapsed (called by the process's timer). Does
   * nothing when the request is no longer FULFILLED.
   *
   * @param number the request
   * @return whether it was closed
   */
  public boolean closeAutomatically(String number) {
    return tx.required(() -> {
      Request before = load(number);
      if (before.state() != RequestState.FULFILLED) {
        return false;
      }
      Actor system = Actor.system();
      Instant now = now();
      Request after = before.toBuilder().version(before.version() + 1)
          .state(RequestState.CLOSED).closedAt(now).build();
      RequestEvent event = new RequestEvent.Closed(after, before, system, now, true);
      events.before(event);
      store.update(after);
      record(before, after, system, "request.closeAutomatically", now);
      store.appendTimeline(number, entry(now, system, Kind.STATE_CHANGE,
          "Closed automatically after the auto-close period"));
      events.afterCommit(event);
      return true;
    });
  }

  @Override
  public Request cancel(Actor actor, CancelRequest c) {
    validator.validate(actor, c, "CancelRequest");
    return step(actor, c.number(), Permission.REQUEST_CANCEL, RequestAction.CANCEL,
        "request.cancel", (before, now) ->
        new Step(before.toBuilder().state(RequestState.CANCELLED).cancelledAt(now)
            .tasks(cancelOpen(before.tasks())).build(),
            (a, prev) -> List.of(new RequestEvent.Cancelled(a, prev, actor, now)),
            "Cancelled: " + c.reason()));
  }

  @Override
  public Request addNote(Actor actor, AddRequestNote c) {
    validator.validate(actor, c, "AddRequestNote");
    return tx.required(() -> {
      Request current = load(c.number());
      guard.check(actor, Permission.REQUEST_NOTE, target(current));
      RequestLifecycle.check(current.number(), current.state(), RequestAction.ADD_NOTE);
      Instant now = now();
      RequestEvent event = new RequestEvent.NoteAdded(current, current, actor, now);
      events.before(event);
      store.appendTimeline(current.number(), entry(now, actor, Kind.WORK_NOTE, c.text()));
      audit.append(new AuditEntry(current.number(), actor.id(), "request.addNote", now,
          List.of(new FieldChange("workNote", null, c.text())), current.tenant()));
      events.afterCommit(event);
      return current;
    });
  }

  /**
   * Notes on the timeline that a service-level target of the request was missed (called by the
   * clock's breach threshold).
   *
   * @param number the request
   * @param what the missed target, e.g. {@code RESOLUTION}
   */
  public void serviceLevelMissed(String number, String what) {
    tx.required(() -> {
      store.find(number).ifPresent(r -> store.appendTimeline(number, entry(now(),
          Actor.system(), Kind.SYSTEM, "Service level target missed: " + what)));
      return null;
    });
  }

  // ------------------------------------------------------------------------------------ reads

  @Override
  public Request get(Actor actor, String number) {
    Arguments.key(number, "number");
    return find(actor, number).orElseThrow(() -> new RecordNotFoundException(number));
  }

  @Override
  public Optional<Request> find(Actor actor, String number) {
    guard.requireTenant(actor);
    if (!Arguments.isKey(number) || number == null || number.isBlank()) {
      return Optional.empty();
    }
    return tx.required(() -> {
      Optional<Request> found = store.find(number);
      if (found.isPresent()) {
        try {
          guard.check(actor, Permission.REQUEST_READ, target(found.get()));
        } catch (RecordNotFoundException otherTenant) {
          return Optional.<Request>empty();
        }
      }
      return found;
    });
  }

  @Override
  public RequestQuery query(Actor actor) {
    String owner = guard.queryOwner(actor, Permission.REQUEST_READ, RecordKind.REQUEST);
    return new DefaultRequestQuery(criteria -> {
      validator.validate(criteria, "RequestQuery");
      return tx.required(() -> store.query(criteria));
    }, criteria -> {
      validator.validate(criteria, "RequestQuery");
      return tx.required(() -> store.count(criteria));
    }, actor.tenant(), owner);
  }

  @Override
  public List<RequestDecision> decisions(Actor actor, String number) {
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

  /** Loads a request and checks that the actor may read it. */
  private Request readable(Actor actor, String number) {
    guard.requireTenant(actor);
    Request r = load(number);
    guard.check(actor, Permission.REQUEST_READ, target(r));
    return r;
  }

  private static Set<String> owners(String requestedBy, String requestedFor) {
    Set<String> owners = new java.util.HashSet<>();
    owners.add(requestedBy);
    owners.add(requestedFor);
    return owners;
  }

  /**
   * The facts the access policy decides on: the requester and the person it is for own it; the
   * groups of its fulfilment tasks and their assignees work it.
   *
   * @param r a request
   * @return its access target
   */
  private static AccessTarget target(Request r) {
    return new AccessTarget(RecordKind.REQUEST, r.number(), r.tenant(),
        owners(r.requestedBy(), r.requestedFor()),
        r.tasks().stream().map(RequestTask::group).collect(Collectors.toSet()),
        r.tasks().stream().map(RequestTask::assignee).filter(Objects::nonNull)
            .collect(Collectors.toSet()), r);
  }

  /**
   * For the process: the fulfilment stages of a request, in order.
   *
   * @param number the request
   * @return the stage numbers, 1..n
   */
  public List<Integer> stages(String number) {
    return tx.required(() -> load(number).tasks().stream().map(RequestTask::stage).distinct()
        .sorted().toList());
  }

  /**
   * For the process: the tasks of one stage of a request.
   *
   * @param number the request
   * @param stage the stage
   * @return the numbers of its tasks, in order
   */
  public List<Integer> stageTasks(String number, int stage) {
    return tx.required(() -> load(number).tasks().stream().filter(t -> t.stage() == stage)
        .map(RequestTask::number).toList());
  }

  /**
   * @param number a request
   * @return the version of its catalog item it was made with
   */
  public CatalogItem itemOf(String number) {
    return tx.required(() -> itemOf(load(number)));
  }

  // ---------------------------------------------------------------------------------- helpers

  /** Builds the events of one step from the stored request and the one before. */
  @FunctionalInterface
  private interface EventFactory {
    List<RequestEvent> create(Request after, Request before);
  }

  /** What one action does: the new record, its events, its timeline line, extra audit fields. */
  private record Step(Request after, EventFactory events, String line, FieldChange... extra) {}

  @FunctionalInterface
  private interface Mutation {
    Step apply(Request before, Instant now);
  }

  private Request step(Actor actor, String number, Permission permission, RequestAction action,
      String operation, Mutation mutation) {
    return tx.required(() -> {
      Request before = load(number);
      guard.check(actor, permission, target(before));
      RequestLifecycle.check(number, before.state(), action);
      Instant now = now();
      Step step = mutation.apply(before, now);
      Request after = step.after().toBuilder().version(before.version() + 1).build();
      List<RequestEvent> stepEvents = step.events().create(after, before);
      for (RequestEvent e : stepEvents) {
        events.before(e);
      }
      store.update(after);
      List<FieldChange> changes = new ArrayList<>(RecordDiff.between(before, after, NOT_AUDITED));
      changes.addAll(List.of(step.extra()));
      audit.append(new AuditEntry(number, actor.id(), operation, now, changes, after.tenant()));
      store.appendTimeline(number, entry(now, actor, Kind.STATE_CHANGE, step.line()));
      workflow.changed(action, before, after);
      for (RequestEvent e : stepEvents) {
        events.afterCommit(e);
      }
      return after;
    });
  }

  private CatalogItem itemOf(Request r) {
    return store.findItem(r.tenant(), r.item(), r.itemVersion()).orElseThrow(() -> new IllegalStateException(
        r.number() + " was made with version " + r.itemVersion() + " of catalog item "
            + r.item() + ", which the store no longer has"));
  }

  private static void failIf(String command, List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(command, problems);
    }
  }

  private void record(Request before, Request after, Actor actor, String operation,
      Instant now) {
    audit.append(new AuditEntry(after.number(), actor.id(), operation, now,
        RecordDiff.between(before, after, NOT_AUDITED), after.tenant()));
  }

  private Request load(String number) {
    return store.find(number).orElseThrow(() -> new RecordNotFoundException(number));
  }

  private Instant now() {
    return settings.clock().instant();
  }

  private static TimelineEntry entry(Instant now, Actor actor, Kind kind, String text) {
    return new TimelineEntry(now, actor.id(), kind, text);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String suffix(String note) {
    return note == null || note.isBlank() ? "" : ": " + note.strip();
  }
}
