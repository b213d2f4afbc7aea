package dev.itsm.core.major.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentAction;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.incident.internal.IncidentWorkflow;
import dev.itsm.core.incident.internal.OpenIncidents;
import dev.itsm.core.access.AccessTarget;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.major.CompletePostIncidentReview;
import dev.itsm.core.major.LinkChildIncident;
import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.major.MajorIncidentEvent;
import dev.itsm.core.major.MajorIncidentPolicies;
import dev.itsm.core.major.MajorIncidentService;
import dev.itsm.core.major.PostStakeholderUpdate;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.BeforeHook;
import dev.itsm.core.spi.IncidentStore;
import dev.itsm.core.spi.MajorIncidentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Major incidents' domain logic. It rides on incident management: it follows the parent's
 * resolution (children resolved, cadence stopped, review opened) and guards its closure (a
 * before-hook refusing to close an unreviewed major incident). Every public call passes the
 * {@link AccessGuard}; a major incident belongs to its incident's tenant. Internal: no
 * compatibility guarantees.
 */
public final class DefaultMajorIncidentService implements MajorIncidentService {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultMajorIncidentService.class);

  private final Clock clock;
  private final MajorIncidentPolicies policies;
  private final MajorIncidentStore store;
  private final IncidentService incidents;
  private final IncidentStore incidentStore;
  private final AuditStore audit;
  private final Transactions tx;
  private final MajorIncidentWorkflow workflow;
  private final CommandValidator validator;
  private final Events events;
  private final AccessGuard guard;

  /**
   * @param clock the clock
   * @param policies the policies
   * @param store the major incident store
   * @param incidents the incident service
   * @param incidentStore the incident store (timeline entries)
   * @param audit the audit store
   * @param tx the transactions
   * @param workflow the process side
   * @param validator the validator
   * @param events hooks and listeners
   * @param guard access control and tenants
   */
  public DefaultMajorIncidentService(Clock clock, MajorIncidentPolicies policies,
      MajorIncidentStore store, IncidentService incidents, IncidentStore incidentStore,
      AuditStore audit, Transactions tx, MajorIncidentWorkflow workflow,
      CommandValidator validator, Events events, AccessGuard guard) {
    this.clock = clock;
    this.policies = policies;
    this.store = store;
    this.incidents = incidents;
    this.incidentStore = incidentStore;
    this.audit = audit;
    this.tx = tx;
    this.workflow = workflow;
    this.validator = validator;
    this.events = events;
    this.guard = java.util.Objects.requireNonNull(guard, "guard");
  }

  /** The facts the access policy sees: no owner, no group, the major incident manager. */
  private static AccessTarget target(MajorIncident m) {
    return new AccessTarget(RecordKind.MAJOR_INCIDENT, m.incidentNumber(), m.tenant(), Set.of(),
        Set.of(), m.manager() == null ? Set.of() : Set.of(m.manager()), m);
  }

  @Override
  public MajorIncident promote(Actor actor, PromoteToMajor c) {
    validator.validate(actor, c, "PromoteToMajor");
    if (c.cadence() != null && c.cadence().toMinutes() < 1) {
      fail("PromoteToMajor", "cadence", "Min", "must be at least one minute, was " + c.cadence());
    }
    guard.requireTenant(actor);
    return tx.required(() -> {
      Incident i = incidents.get(Actor.system(), c.number());
      String tenant = tenantOf(i);
      guard.check(actor, Permission.MAJOR_INCIDENT_PROMOTE, new AccessTarget(
          RecordKind.MAJOR_INCIDENT, i.number(), tenant, Set.of(), Set.of(),
          Set.of(c.manager().strip()), null));
      if (i.state().isFinal() || i.state() == IncidentState.RESOLVED) {
        fail("PromoteToMajor", "number", "Open", c.number() + " is " + i.state()
            + "; only open incidents (NEW, IN_PROGRESS, ON_HOLD) can be promoted");
      }
      if (store.find(i.number()).isPresent()) {
        fail("PromoteToMajor", "number", "NotMajor", c.number() + " is already a major incident");
      }
      if (store.parentOf(i.number()).isPresent()) {
        fail("PromoteToMajor", "number", "NotChild", c.number() + " is a child of major incident "
            + store.parentOf(i.number()).get() + "; promote the parent instead");
      }
      if (!policies.criteria().test(i)) {
        fail("PromoteToMajor", "number", "MajorIncidentCriteria", c.number() + " (" + i.priority()
            + ") does not meet the major incident criteria (default: priority P1)");
      }
      Instant now = clock.instant();
      Duration cadence = c.cadence() != null ? c.cadence() : policies.cadence();
      MajorIncident m = new MajorIncident(i.number(), 1, c.manager().strip(), actor.id(), now,
          cadence, now.plus(cadence), null, 0, 0, null, null, null, List.of(), tenant);
      MajorIncidentEvent event = new MajorIncidentEvent.Promoted(m, actor, now);
      events.before(event);
      store.insert(m);
      record(m, actor, "major.promote", now, new FieldChange("major", null, "manager "
          + m.manager() + ", updates every " + human(cadence)));
      note(m.incidentNumber(), now, actor, Kind.STATE_CHANGE, "Promoted to major incident;"
          + " manager " + m.manager() + ", stakeholder updates every " + human(cadence));
      workflow.started(m);
      events.afterCommit(event);
      LOG.info("{} promoted to major incident by {}", i.number(), actor.id());
      return m;
    });
  }

  @Override
  public MajorIncident postUpdate(Actor actor, PostStakeholderUpdate c) {
    validator.validate(actor, c, "PostStakeholderUpdate");
    return tx.required(() -> {
      MajorIncident before = load(c.number());
      guard.check(actor, Permission.MAJOR_INCIDENT_UPDATE, target(before));
      Incident i = incidents.get(Actor.system(), c.number());
      if (i.state().isFinal() || before.reviewed()) {
        fail("PostStakeholderUpdate", "number", "Open", c.number() + " is " + i.state()
            + "; updates are posted while the major incident is open or resolved");
      }
      Instant now = clock.instant();
      MajorIncident after = new MajorIncident(before.incidentNumber(), before.version() + 1,
          before.manager(), before.promotedBy(), before.promotedAt(), before.cadence(),
          i.state() == IncidentState.RESOLVED ? null : now.plus(before.cadence()), now,
          before.updatesPosted() + 1, before.updatesMissed(), null, null, null,
          before.children(), before.tenant());
      MajorIncidentEvent event = new MajorIncidentEvent.UpdatePosted(after, c.text(), actor, now);
      events.before(event);
      store.update(after);
      record(after, actor, "major.postUpdate", now, new FieldChange("stakeholderUpdate", null,
          c.text()));
      note(after.incidentNumber(), now, actor, Kind.COMMENT, "Stakeholder update: " + c.text());
      if (after.nextUpdateDue() != null) {
        workflow.updatePosted(after);
      }
      events.afterCommit(event);
      return after;
    });
  }

  /**
   * The cadence timer fired: the update due at {@code nextUpdateDue} was not posted. Records the
   * miss, tells the escalation group (an event) and moves the due time on by one cadence.
   *
   * @param number the major incident
   * @return the next due time, or {@code null} when no further update is due
   */
  public Instant updateMissed(String number) {
    return tx.required(() -> {
      MajorIncident before = load(number);
      Incident i = incidents.get(Actor.system(), number);
      if (i.state().isFinal() || i.state() == IncidentState.RESOLVED || before.reviewed()
          || before.nextUpdateDue() == null) {
        return null;
      }
      Instant now = clock.instant();
      Instant next = before.nextUpdateDue().plus(before.cadence());
      while (!next.isAfter(now)) {
        next = next.plus(before.cadence());
      }
      MajorIncident after = new MajorIncident(before.incidentNumber(), before.version() + 1,
          before.manager(), before.promotedBy(), before.promotedAt(), before.cadence(), next,
          before.lastUpdateAt(), before.updatesPosted(), before.updatesMissed() + 1, null, null,
          null, before.children(), before.tenant());
      Actor system = Actor.system(before.tenant());
      MajorIncidentEvent event = new MajorIncidentEvent.UpdateMissed(after,
          policies.escalationGroup(), system, now);
      events.before(event);
      store.update(after);
      record(after, system, "major.updateMissed", now, new FieldChange("updatesMissed",
          String.valueOf(before.updatesMissed()), String.valueOf(after.updatesMissed())));
      note(number, now, system, Kind.SYSTEM, "Stakeholder update due " + before.nextUpdateDue()
          + " was missed; escalated to " + policies.escalationGroup() + "; next due " + next);
      events.afterCommit(event);
      return next;
    });
  }

  @Override
  public MajorIncident linkChild(Actor actor, LinkChildIncident c) {
    validator.validate(actor, c, "LinkChildIncident");
    return tx.required(() -> {
      MajorIncident before = load(c.parent());
      guard.check(actor, Permission.MAJOR_INCIDENT_UPDATE, target(before));
      Incident parent = incidents.get(Actor.system(), c.parent());
      Incident child = incidents.get(Actor.system(), c.child());
      if (!before.tenant().equals(tenantOf(child))) {
        // an incident of another tenant does not exist here
        throw new RecordNotFoundException(c.child());
      }
      if (parent.state().isFinal() || parent.state() == IncidentState.RESOLVED) {
        fail("LinkChildIncident", "parent", "Open", c.parent() + " is " + parent.state());
      }
      if (child.state().isFinal() || child.number().equals(parent.number())) {
        fail("LinkChildIncident", "child", "Open", c.child() + " is " + child.state()
            + (child.number().equals(parent.number()) ? " and is the parent itself" : ""));
      }
      if (store.find(child.number()).isPresent()) {
        fail("LinkChildIncident", "child", "NotMajor", c.child() + " is itself a major incident");
      }
      Optional<String> other = store.parentOf(child.number());
      if (other.isPresent()) {
        fail("LinkChildIncident", "child", "NotLinked", c.child() + " is already a child of "
            + other.get());
      }
      Instant now = clock.instant();
      store.linkChild(parent.number(), child.number(), now);
      MajorIncident after = store.find(parent.number()).orElseThrow();
      MajorIncidentEvent event = new MajorIncidentEvent.ChildLinked(after, child.number(), actor,
          now);
      events.before(event);
      record(after, actor, "major.linkChild", now, new FieldChange("children", null,
          child.number()));
      note(parent.number(), now, actor, Kind.WORK_NOTE, "Child incident " + child.number()
          + " linked");
      note(child.number(), now, actor, Kind.WORK_NOTE, "Linked as a child of major incident "
          + parent.number() + "; it is resolved with it");
      events.afterCommit(event);
      return after;
    });
  }

  @Override
  public MajorIncident completeReview(Actor actor, CompletePostIncidentReview c) {
    validator.validate(actor, c, "CompletePostIncidentReview");
    return tx.required(() -> {
      MajorIncident before = load(c.number());
      guard.check(actor, Permission.MAJOR_INCIDENT_REVIEW, target(before));
      Incident i = incidents.get(Actor.system(), c.number());
      if (i.state() != IncidentState.RESOLVED || before.reviewed()) {
        fail("CompletePostIncidentReview", "number", "Resolved", c.number() + " is "
            + i.state() + (before.reviewed() ? " and already reviewed" : "")
            + "; the post-incident review follows the resolution");
      }
      Instant now = clock.instant();
      MajorIncident after = new MajorIncident(before.incidentNumber(), before.version() + 1,
          before.manager(), before.promotedBy(), before.promotedAt(), before.cadence(), null,
          before.lastUpdateAt(), before.updatesPosted(), before.updatesMissed(),
          c.notes().strip(), actor.id(), now, before.children(), before.tenant());
      MajorIncidentEvent event = new MajorIncidentEvent.Reviewed(after, actor, now);
      events.before(event);
      store.update(after);
      record(after, actor, "major.completeReview", now, new FieldChange("reviewNotes", null,
          after.reviewNotes()));
      note(i.number(), now, actor, Kind.STATE_CHANGE, "Post-incident review: "
          + after.reviewNotes());
      workflow.reviewed(after);
      // the library's own follow-up of a permitted call: not checked against incident permissions
      incidents.close(Actor.system(before.tenant()), new CloseIncident(i.number(),
          "Post-incident review completed by " + actor.id()));
      events.afterCommit(event);
      return after;
    });
  }

  @Override
  public Optional<MajorIncident> find(Actor actor, String number) {
    guard.requireTenant(actor);
    if (!Arguments.isKey(number)) {
      return Optional.empty();
    }
    if (number == null || number.isBlank()) {
      return Optional.empty();
    }
    return tx.required(() -> {
      Optional<MajorIncident> m = store.find(number)
          .filter(x -> actor.isSystem() || x.tenant().equals(actor.tenant()));
      m.ifPresent(x -> guard.check(actor, Permission.MAJOR_INCIDENT_READ, target(x)));
      return m;
    });
  }

  @Override
  public MajorIncident get(Actor actor, String number) {
    Arguments.key(number, "number");
    guard.requireTenant(actor);
    return tx.required(() -> {
      MajorIncident m = load(number);
      guard.check(actor, Permission.MAJOR_INCIDENT_READ, target(m));
      return m;
    });
  }

  @Override
  public List<MajorIncident> active(Actor actor) {
    if (guard.queryOwner(actor, Permission.MAJOR_INCIDENT_READ, RecordKind.MAJOR_INCIDENT)
        != null) {
      return List.of(); // major incidents have no owner
    }
    return tx.required(() -> store.active(actor.tenant()));
  }

  // -------------------------------------------------------------- riding on incidents

  /**
   * @return the incident workflow that follows parents: resolving one resolves its children and
   *     opens the review; cancelling one stops its process
   */
  public IncidentWorkflow incidentFollower() {
    return new IncidentWorkflow() {
      @Override
      public void started(Incident incident) {}

      @Override
      public void changed(IncidentAction action, Incident before, Incident after) {
        if (action != IncidentAction.RESOLVE && action != IncidentAction.CANCEL) {
          return;
        }
        Optional<MajorIncident> m = store.find(after.number());
        if (m.isEmpty()) {
          return;
        }
        if (action == IncidentAction.CANCEL) {
          workflow.cancelled(m.get());
          return;
        }
        MajorIncident stopped = new MajorIncident(m.get().incidentNumber(),
            m.get().version() + 1, m.get().manager(), m.get().promotedBy(),
            m.get().promotedAt(), m.get().cadence(), null, m.get().lastUpdateAt(),
            m.get().updatesPosted(), m.get().updatesMissed(), null, null, null,
            m.get().children(), m.get().tenant());
        store.update(stopped);
        workflow.resolved(stopped);
        Actor actor = Actor.system(stopped.tenant());
        int n = OpenIncidents.resolve(incidents, actor, stopped.children(), after.resolutionCode(),
            "Resolved with major incident " + after.number() + ": " + after.resolutionNotes());
        if (n > 0) {
          LOG.info("{}: {} child incident(s) resolved with it", after.number(), n);
        }
      }
    };
  }

  /**
   * @return a before-hook that refuses to close a major incident before its post-incident review
   */
  public BeforeHook closeGuard() {
    return event -> {
      if (event instanceof IncidentEvent.Closed closed) {
        store.find(closed.recordNumber()).filter(m -> !m.reviewed()).ifPresent(m -> {
          throw new ItsmException("ITSM-REVIEW-REQUIRED", closed.recordNumber() + " is a major"
              + " incident: it closes when its post-incident review is completed"
              + " (majorIncidents().completeReview(...)); nothing was changed");
        });
      }
    };
  }

  // ----------------------------------------------------------------------- helpers

  /**
   * The tenant of an incident, read from its number (numbers carry their tenant). Kept in one
   * place: {@code incident.tenant()} once incidents carry their tenant.
   */
  private static String tenantOf(Incident i) {
    return i.tenant();
  }

  private MajorIncident load(String number) {
    return store.find(number).orElseThrow(() -> new RecordNotFoundException(number
        + " (no major incident)"));
  }

  private void record(MajorIncident m, Actor actor, String operation, Instant now,
      FieldChange change) {
    audit.append(new AuditEntry(m.incidentNumber(), actor.id(), operation, now, List.of(change),
        m.tenant()));
  }

  private void note(String number, Instant now, Actor actor, Kind kind, String text) {
    incidentStore.appendTimeline(number, new TimelineEntry(now, actor.id(), kind, text));
  }

  private static void fail(String command, String field, String rule, String message) {
    throw new ValidationException(command, List.of(new Violation(field, rule, message)));
  }

  private static String human(Duration d) {
    return d.toMinutes() % 60 == 0 && d.toHours() > 0 ? d.toHours() + " h" : d.toMinutes()
        + " min";
  }
}
