package dev.itsm.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.ItsmException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.incident.internal.IncidentWorkflow;
import dev.itsm.core.incident.internal.ServiceFixture;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.major.CompletePostIncidentReview;
import dev.itsm.core.major.LinkChildIncident;
import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.major.MajorIncidentEvent;
import dev.itsm.core.major.MajorIncidentPolicies;
import dev.itsm.core.major.PostStakeholderUpdate;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.major.internal.DefaultMajorIncidentService;
import dev.itsm.core.major.internal.MajorIncidentWorkflow;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.problem.internal.DefaultProblemService;
import dev.itsm.core.problem.internal.ProblemWorkflow;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.BeforeHook;
import dev.itsm.core.store.memory.InMemoryAuditStore;
import dev.itsm.core.store.memory.InMemoryIncidentStore;
import dev.itsm.core.store.memory.InMemoryMajorIncidentStore;
import dev.itsm.core.store.memory.InMemoryProblemStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Problem management, the known error database, proactive detection and major incidents on
 * in-memory stores, riding on a real incident service.
 */
class ProblemServiceTest {

  static final Actor PAT = Actor.of("pat", "problem-managers");
  static final Actor DESK = Actor.of("dana", "service-desk");
  static final Actor MIM = Actor.of("mia", "major-incident-managers");
  private static final CommandValidator VALIDATOR = new CommandValidator();

  private final List<IncidentWorkflow> followers = new CopyOnWriteArrayList<>();
  private final List<BeforeHook> guards = new CopyOnWriteArrayList<>();
  private final List<ItsmEvent> published = new ArrayList<>();
  private final InMemoryIncidentStore incidentStore = new InMemoryIncidentStore();
  private final ServiceFixture incidents = ServiceFixture.builder()
      .stores(incidentStore, new InMemoryAuditStore())
      .workflow(IncidentWorkflow.all(followers))
      .beforeHook(e -> guards.forEach(g -> g.before(e)))
      .afterListener((AfterListener) published::add)
      .build();
  private final InMemoryProblemStore problemStore = new InMemoryProblemStore();
  private DefaultProblemService problems = problems(ProblemPolicies.defaults());
  private final DefaultMajorIncidentService majors;

  ProblemServiceTest() {
    Transactions tx = Transactions.local();
    majors = new DefaultMajorIncidentService(incidents.clock, MajorIncidentPolicies.defaults(),
        new InMemoryMajorIncidentStore(), incidents.service, incidentStore,
        new InMemoryAuditStore(), tx, MajorIncidentWorkflow.NONE, VALIDATOR,
        new Events(tx, List.of(), List.of((AfterListener) published::add)),
        AccessGuard.PERMIT_ALL);
    followers.add(majors.incidentFollower());
    guards.add(majors.closeGuard());
  }

  private DefaultProblemService problems(ProblemPolicies policies) {
    Transactions tx = Transactions.local();
    DefaultProblemService s = new DefaultProblemService(new DefaultProblemService.Settings(
        incidents.clock, policies, NumberingPolicy.standard(), incidents.service,
        (t, n) -> n.startsWith("CHG")), problemStore, new InMemoryAuditStore(), tx,
        ProblemWorkflow.NONE, VALIDATOR,
        new Events(tx, List.of(), List.of((AfterListener) published::add)),
        AccessGuard.PERMIT_ALL);
    followers.removeIf(f -> f instanceof Watcher);
    followers.add(0, new Watcher(s));
    return s;
  }

  /** Tells the problem service about opened incidents. */
  private final class Watcher implements IncidentWorkflow {
    private final DefaultProblemService service;

    Watcher(DefaultProblemService service) {
      this.service = service;
    }

    @Override
    public void started(Incident incident) {
      service.incidentOpened(incident, incidentStore);
    }

    @Override
    public void changed(dev.itsm.core.incident.IncidentAction a, Incident b, Incident c) {}
  }

  private Incident open(String ci, String category, Impact impact, Urgency urgency) {
    return incidents.service.open(DESK, OpenIncident.builder().title("Outage on " + ci)
        .caller("alice").channel(Channel.PHONE).category(category).configurationItem(ci)
        .service("vpn").impact(impact).urgency(urgency).build());
  }

  private Problem inFix(String... incidentNumbers) {
    Problem p = problems.create(PAT, CreateProblem.of("VPN drops", Priority.P2, incidentNumbers));
    problems.assess(PAT, new AssessProblem(p.number(), "pat", Priority.P2));
    problems.startAnalysis(PAT, new StartAnalysis(p.number(), null));
    return problems.identifyRootCause(PAT, new IdentifyRootCause(p.number(),
        "Expired intermediate certificate", "Use the backup profile"));
  }

  @Test
  void everyStateAllowsExactlyItsActions() {
    assertThat(ProblemLifecycle.allowedActions(ProblemState.NEW)).containsExactlyInAnyOrder(
        ProblemAction.ASSESS, ProblemAction.CANCEL, ProblemAction.RECORD_WORKAROUND,
        ProblemAction.LINK_INCIDENTS, ProblemAction.ADD_NOTE);
    assertThat(ProblemLifecycle.allowedActions(ProblemState.FIX_IN_PROGRESS))
        .contains(ProblemAction.RESOLVE, ProblemAction.LINK_CHANGE,
            ProblemAction.PUBLISH_KNOWN_ERROR).doesNotContain(ProblemAction.CLOSE);
    assertThat(ProblemLifecycle.allowedActions(ProblemState.RESOLVED)).containsExactlyInAnyOrder(
        ProblemAction.CLOSE, ProblemAction.PUBLISH_KNOWN_ERROR, ProblemAction.ADD_NOTE);
    for (ProblemState s : EnumSet.of(ProblemState.CLOSED, ProblemState.CANCELLED)) {
      assertThat(ProblemLifecycle.allowedActions(s)).isEmpty();
    }
    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
        () -> ProblemLifecycle.next("PRB0000001", ProblemState.NEW, ProblemAction.RESOLVE));
    assertThat(e.allowedActions()).contains("ASSESS");
  }

  @Test
  void aProblemGoesThroughEveryStageAndResolvesItsIncidents() {
    Incident a = open("vpn-gw-1", "network", Impact.MEDIUM, Urgency.MEDIUM);
    Incident b = open("vpn-gw-2", "network", Impact.MEDIUM, Urgency.MEDIUM);
    Problem p = inFix(a.number());
    assertThat(p.state()).isEqualTo(ProblemState.FIX_IN_PROGRESS);
    p = problems.linkIncidents(PAT, LinkIncidents.of(p.number(), b.number(), a.number()));
    assertThat(p.incidents()).containsExactly(a.number(), b.number());
    assertThat(problems.query(PAT).linkedIncident(b.number()).list()).extracting(Problem::number)
        .containsExactly(p.number());
    p = problems.linkChange(PAT, new LinkChange(p.number(), "CHG0000007"));
    assertThat(problems.query(PAT).fixChange("CHG0000007").count()).isEqualTo(1);
    p = problems.resolve(PAT, new ResolveProblem(p.number(), "Certificate renewed"));
    assertThat(p.state()).isEqualTo(ProblemState.RESOLVED);
    for (Incident i : List.of(a, b)) {
      Incident after = incidents.service.get(Actor.system(), i.number());
      assertThat(after.state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(after.resolutionNotes()).contains(p.number());
    }
    p = problems.close(PAT, new CloseProblem(p.number(), null));
    assertThat(p.state()).isEqualTo(ProblemState.CLOSED);
    assertThat(problems.auditTrail(PAT, p.number())).extracting(a2 -> a2.operation())
        .containsExactly(
        "problem.create", "problem.assess", "problem.startAnalysis", "problem.identifyRootCause",
        "problem.linkIncidents", "problem.linkChange", "problem.resolve", "problem.close");
  }

  @Test
  void theNotifyPolicyOnlyNotesTheResolutionOnIncidents() {
    problems = problems(ProblemPolicies.defaults().withOnResolve(LinkedIncidentAction.NOTIFY));
    Incident a = open("vpn-gw-1", "network", Impact.MEDIUM, Urgency.MEDIUM);
    Problem p = inFix(a.number());
    problems.resolve(PAT, new ResolveProblem(p.number(), "Certificate renewed"));
    assertThat(incidents.service.get(Actor.system(), a.number()).state()).isEqualTo(IncidentState.NEW);
    assertThat(incidents.service.timeline(Actor.system(), a.number())).extracting(TimelineEntry::text)
        .anyMatch(t -> t.contains("Problem " + p.number() + " is resolved"));
  }

  @Test
  void knownErrorsArePublishedSearchedAndOfferedForNewIncidents() {
    Problem p = problems.create(PAT, new CreateProblem("VPN drops", null, "network", "vpn",
        "vpn-gw-1", Priority.P2, null, List.of()));
    IllegalTransitionException early = assertThrows(IllegalTransitionException.class,
        () -> problems.publishKnownError(PAT, new PublishKnownError(p.number(), null)));
    assertThat(early.getMessage()).contains("not allowed");
    problems.assess(PAT, new AssessProblem(p.number(), "pat", Priority.P2));
    problems.startAnalysis(PAT, new StartAnalysis(p.number(), null));
    ValidationException missing = assertThrows(ValidationException.class,
        () -> problems.publishKnownError(PAT, new PublishKnownError(p.number(), null)));
    assertThat(missing.violations()).extracting(Violation::field)
        .containsExactly("rootCause", "workaround");
    problems.identifyRootCause(PAT, new IdentifyRootCause(p.number(),
        "Expired intermediate certificate", "Reconnect with the backup profile"));
    Problem withKe = problems.publishKnownError(PAT, new PublishKnownError(p.number(), null));
    assertThat(withKe.knownError()).isEqualTo("KE0000001");
    assertThrows(ValidationException.class,
        () -> problems.publishKnownError(PAT, new PublishKnownError(p.number(), null)));

    assertThat(problems.knownErrors(PAT).text("CERTIFICATE").list()).extracting(KnownError::id)
        .containsExactly("KE0000001");
    assertThat(problems.knownErrors(PAT).service("mail").list()).isEmpty();
    assertThat(problems.knownErrors(PAT).configurationItem("vpn-gw-1").category("network").list())
        .hasSize(1);

    Incident fresh = open("vpn-gw-1", "network", Impact.LOW, Urgency.LOW);
    assertThat(problems.knownErrorsFor(PAT, fresh.number())).extracting(KnownError::id)
        .containsExactly("KE0000001");
    assertThat(incidents.service.timeline(Actor.system(), fresh.number())).extracting(TimelineEntry::text)
        .anyMatch(t -> t.startsWith("Known error KE0000001") && t.contains("backup profile"));
    List<ItsmEvent> matches = published.stream().filter(e -> e instanceof KnownErrorMatch)
        .toList();
    assertThat(matches).hasSize(1);
    assertThat(matches.get(0).recordNumber()).isEqualTo(fresh.number());
  }

  @Test
  void repeatedIncidentsOnOneItemProposeOneProblem() {
    Incident a = open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    incidents.clock.advance(Duration.ofHours(10));
    Incident b = open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    open("other-sw", "network", Impact.LOW, Urgency.LOW);
    assertThat(problems.query(PAT).count()).isZero();
    incidents.clock.advance(Duration.ofHours(10));
    Incident c = open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    List<Problem> proposed = problems.query(PAT).proactive(true).list();
    assertThat(proposed).hasSize(1);
    assertThat(proposed.get(0).incidents()).containsExactly(a.number(), b.number(), c.number());
    assertThat(proposed.get(0).configurationItem()).isEqualTo("core-sw-1");
    assertThat(proposed.get(0).createdBy()).isEqualTo("system");
    // a fourth does not propose a second one while the first is open
    open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    assertThat(problems.query(PAT).count()).isEqualTo(1);
  }

  @Test
  void incidentsOutsideTheWindowDoNotCount() {
    open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    incidents.clock.advance(Duration.ofHours(25));
    open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    assertThat(problems.query(PAT).count()).isZero();
    open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    assertThat(problems.query(PAT).count()).isEqualTo(1);
  }

  @Test
  void detectionCanBeSwitchedOffOrReplaced() {
    problems = problems(ProblemPolicies.defaults().withDetection(ProblemDetection.OFF));
    for (int i = 0; i < 4; i++) {
      open("core-sw-1", "network", Impact.LOW, Urgency.LOW);
    }
    assertThat(problems.query(PAT).count()).isZero();
    problems = problems(ProblemPolicies.defaults().withDetection(
        ProblemDetection.repeatedIncidents(2, Duration.ofMinutes(5))));
    open("edge-1", null, Impact.LOW, Urgency.LOW);
    open("edge-1", null, Impact.LOW, Urgency.LOW);
    assertThat(problems.query(PAT).configurationItem("edge-1").count()).isEqualTo(1);
  }

  @Test
  void aSuccessfulFixingChangeResolvesItsProblem() {
    Problem fixed = inFix();
    problems.linkChange(PAT, new LinkChange(fixed.number(), "CHG0000001"));
    Problem named = inFix();
    Problem early = problems.create(PAT, CreateProblem.of("Other", Priority.P3));
    assertThat(problems.changeSucceeded("CHG0000001", "Renew certificates",
        List.of(named.number(), early.number()), PAT))
        .containsExactly(fixed.number(), named.number());
    assertThat(problems.get(PAT, fixed.number()).state()).isEqualTo(ProblemState.RESOLVED);
    assertThat(problems.get(PAT, fixed.number()).resolutionNotes())
        .isEqualTo("Fixed by change CHG0000001: Renew certificates");
    assertThat(problems.get(PAT, early.number()).state()).isEqualTo(ProblemState.NEW);
    problems = problems(ProblemPolicies.defaults().withResolveByChange(false));
    Problem untouched = inFix();
    problems.linkChange(PAT, new LinkChange(untouched.number(), "CHG0000002"));
    assertThat(problems.changeSucceeded("CHG0000002", "x", List.of(), PAT)).isEmpty();
  }

  @Test
  void linksToIncidentsAndChangesThatDoNotExistAreRefused() {
    ValidationException e = assertThrows(ValidationException.class, () -> problems.create(PAT,
        CreateProblem.of("x", Priority.P3, "INC0009999")));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("incidents[0]");
    Problem p = inFix();
    ValidationException c = assertThrows(ValidationException.class,
        () -> problems.linkChange(PAT, new LinkChange(p.number(), "XYZ1")));
    assertThat(c.violations()).extracting(Violation::field).containsExactly("change");
    assertThat(problems.query(PAT).count()).isEqualTo(1);
  }

  // --------------------------------------------------------------------- major incidents

  @Test
  void aMajorIncidentResolvesItsChildrenAndClosesOnlyWithItsReview() {
    Incident parent = open("dc-1", "datacenter", Impact.HIGH, Urgency.HIGH);
    List<Incident> children = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      children.add(open("app-" + i, "application", Impact.MEDIUM, Urgency.MEDIUM));
    }
    MajorIncident m = majors.promote(MIM, new PromoteToMajor(parent.number(), "mia",
        Duration.ofMinutes(15)));
    assertThat(m.nextUpdateDue()).isEqualTo(incidents.clock.instant().plus(Duration.ofMinutes(15)));
    for (Incident c : children) {
      m = majors.linkChild(MIM, new LinkChildIncident(parent.number(), c.number()));
    }
    assertThat(m.children()).containsExactlyElementsOf(children.stream().map(Incident::number)
        .toList());
    incidents.clock.advance(Duration.ofMinutes(10));
    m = majors.postUpdate(MIM, new PostStakeholderUpdate(parent.number(), "Power restored"));
    assertThat(m.updatesPosted()).isEqualTo(1);
    assertThat(m.nextUpdateDue()).isEqualTo(incidents.clock.instant().plus(Duration.ofMinutes(15)));
    incidents.clock.advance(Duration.ofMinutes(16));
    Instant next = majors.updateMissed(parent.number());
    assertThat(next).isEqualTo(m.nextUpdateDue().plus(Duration.ofMinutes(15)));
    assertThat(majors.get(MIM, parent.number()).updatesMissed()).isEqualTo(1);
    assertThat(published).anyMatch(e -> e instanceof MajorIncidentEvent.UpdateMissed u
        && u.escalateTo().equals("incident-managers"));

    incidents.service.acknowledge(MIM, new dev.itsm.core.incident.AcknowledgeIncident(
        parent.number()));
    incidents.service.resolve(MIM, new ResolveIncident(parent.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "UPS replaced"));
    for (Incident c : children) {
      Incident after = incidents.service.get(Actor.system(), c.number());
      assertThat(after.state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(after.resolutionNotes()).isEqualTo("Resolved with major incident "
          + parent.number() + ": UPS replaced");
    }
    assertThat(majors.get(MIM, parent.number()).nextUpdateDue()).isNull();
    assertThat(majors.updateMissed(parent.number())).isNull();

    ItsmException refused = assertThrows(ItsmException.class, () -> incidents.service.close(DESK,
        new CloseIncident(parent.number(), "done")));
    assertThat(refused.code()).isEqualTo("ITSM-REVIEW-REQUIRED");
    assertThat(incidents.service.get(Actor.system(), parent.number()).state()).isEqualTo(IncidentState.RESOLVED);
    m = majors.completeReview(MIM, new CompletePostIncidentReview(parent.number(),
        "Add UPS monitoring"));
    assertThat(m.reviewed()).isTrue();
    assertThat(incidents.service.get(Actor.system(), parent.number()).state())
        .isEqualTo(IncidentState.CLOSED);
    assertThat(majors.active(MIM)).isEmpty();
  }

  @Test
  void promotionFollowsTheCriteriaAndChildrenFollowTheRules() {
    Incident p3 = open("x", "network", Impact.LOW, Urgency.LOW);
    ValidationException notMajor = assertThrows(ValidationException.class,
        () -> majors.promote(MIM, new PromoteToMajor(p3.number(), "mia", null)));
    assertThat(notMajor.violations()).extracting(Violation::rule)
        .containsExactly("MajorIncidentCriteria");
    Incident p1 = open("dc-1", "datacenter", Impact.HIGH, Urgency.HIGH);
    Incident other = open("dc-2", "datacenter", Impact.HIGH, Urgency.HIGH);
    majors.promote(MIM, new PromoteToMajor(p1.number(), "mia", null));
    majors.promote(MIM, new PromoteToMajor(other.number(), "mia", null));
    assertThat(majors.get(MIM, p1.number()).cadence()).isEqualTo(Duration.ofMinutes(30));
    assertThrows(ValidationException.class,
        () -> majors.promote(MIM, new PromoteToMajor(p1.number(), "mia", null)));
    majors.linkChild(MIM, new LinkChildIncident(p1.number(), p3.number()));
    ValidationException twice = assertThrows(ValidationException.class,
        () -> majors.linkChild(MIM, new LinkChildIncident(other.number(), p3.number())));
    assertThat(twice.getMessage()).contains("already a child of " + p1.number());
    assertThrows(ValidationException.class,
        () -> majors.linkChild(MIM, new LinkChildIncident(p1.number(), other.number())));
    ValidationException review = assertThrows(ValidationException.class,
        () -> majors.completeReview(MIM, new CompletePostIncidentReview(p1.number(), "x")));
    assertThat(review.getMessage()).contains("follows the resolution");
  }
}
