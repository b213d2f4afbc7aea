package dev.itsm.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.access.AccessDecision;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.ReadScope;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
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
import dev.itsm.core.major.MajorIncidentPolicies;
import dev.itsm.core.major.PostStakeholderUpdate;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.major.internal.DefaultMajorIncidentService;
import dev.itsm.core.major.internal.MajorIncidentWorkflow;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.problem.internal.DefaultProblemService;
import dev.itsm.core.problem.internal.ProblemWorkflow;
import dev.itsm.core.spi.AccessPolicy;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.store.memory.InMemoryAuditStore;
import dev.itsm.core.store.memory.InMemoryIncidentStore;
import dev.itsm.core.store.memory.InMemoryMajorIncidentStore;
import dev.itsm.core.store.memory.InMemoryProblemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Access control and tenants of problem management, the known error database and major
 * incidents, under {@link RoleModel#standard()} with the tenants acme and globex.
 */
class ProblemAccessTest {

  static final Actor PAT = Actor.of("pat", "problem-managers");
  static final Actor DESK = Actor.of("dana", "service-desk");
  static final Actor SAM = Actor.of("sam", "network");
  static final Actor CALLER = Actor.of("alice");
  static final Actor MIA = Actor.of("mia", "incident-managers");
  static final Actor ACME_PAT = PAT.inTenant("acme");
  static final Actor ACME_MIA = MIA.inTenant("acme");
  static final Actor GLOBEX_PAT = PAT.inTenant("globex");
  static final Actor GLOBEX_MIA = MIA.inTenant("globex");
  static final Actor GLOBEX_ADMIN = Actor.of("root", "itsm-admins").inTenant("globex");
  private static final CommandValidator VALIDATOR = new CommandValidator();

  private final List<ItsmEvent> published = new ArrayList<>();
  private final InMemoryIncidentStore incidentStore = new InMemoryIncidentStore();
  private final ServiceFixture incidents = ServiceFixture.builder()
      .stores(incidentStore, new InMemoryAuditStore())
      .workflow(IncidentWorkflow.NONE)
      .afterListener((AfterListener) published::add)
      .guard(new AccessGuard(AccessPolicy.PERMIT_ALL, Directory.NONE, Set.of("acme", "globex")))
      .build();
  private final InMemoryProblemStore problemStore = new InMemoryProblemStore();
  private final InMemoryMajorIncidentStore majorStore = new InMemoryMajorIncidentStore();
  private final AtomicInteger acmeIncidents = new AtomicInteger();
  private DefaultProblemService problems;
  private DefaultMajorIncidentService majors;

  ProblemAccessTest() {
    use(RoleModel.standard());
  }

  private void use(AccessPolicy policy) {
    AccessGuard guard = new AccessGuard(policy, Directory.NONE, Set.of("acme", "globex"));
    Transactions tx = Transactions.local();
    Events events = new Events(tx, List.of(), List.of((AfterListener) published::add));
    problems = new DefaultProblemService(new DefaultProblemService.Settings(incidents.clock,
        ProblemPolicies.defaults(), NumberingPolicy.standard(), incidents.service,
        // the change store knows one change per tenant, CHG0000001 in its numbering
        (t, n) -> n.equals(AccessGuard.number(t, "CHG0000001"))), problemStore, new InMemoryAuditStore(), tx,
        ProblemWorkflow.NONE, VALIDATOR, events, guard);
    majors = new DefaultMajorIncidentService(incidents.clock, MajorIncidentPolicies.defaults(),
        majorStore, incidents.service, incidentStore, new InMemoryAuditStore(), tx,
        MajorIncidentWorkflow.NONE, VALIDATOR, events, guard);
  }

  private Incident open(String ci, Impact impact, Urgency urgency) {
    return incidents.service.open(DESK, OpenIncident.builder().title("Outage on " + ci)
        .caller("alice").channel(Channel.PHONE).category("network").configurationItem(ci)
        .service("vpn").impact(impact).urgency(urgency).build());
  }

  /** An incident of tenant acme, stored directly (the incident service's own tests open them). */
  private Incident acmeIncident(String ci, Impact impact, Urgency urgency) {
    Incident template = open("template-" + ci, impact, urgency);
    Incident acme = template.toBuilder()
        .number(String.format("ACME-INC%07d", acmeIncidents.incrementAndGet()))
        .configurationItem(ci).tenant("acme").build();
    incidentStore.insert(acme);
    return acme;
  }

  private Problem inFix(Actor actor) {
    Problem p = problems.create(actor, new CreateProblem("VPN drops", null, "network", "vpn",
        "vpn-gw-1", Priority.P2, null, List.of()));
    problems.assess(actor, new AssessProblem(p.number(), "sam", Priority.P2));
    problems.startAnalysis(actor, new StartAnalysis(p.number(), null));
    return problems.identifyRootCause(actor, new IdentifyRootCause(p.number(),
        "Expired intermediate certificate", "Use the backup profile"));
  }

  private static void denied(Permission permission, Executable call) {
    AccessDeniedException e = assertThrows(AccessDeniedException.class, call);
    assertThat(e.permission()).isEqualTo(permission);
  }

  private void deniedAndUnchanged(Permission permission, String number, Executable call) {
    Problem before = problems.get(PAT.inTenant(tenantOf(number)), number);
    int timeline = problems.timeline(PAT.inTenant(tenantOf(number)), number).size();
    denied(permission, call);
    assertThat(problems.get(PAT.inTenant(tenantOf(number)), number)).isEqualTo(before);
    assertThat(problems.timeline(PAT.inTenant(tenantOf(number)), number)).hasSize(timeline);
  }

  private void notFoundAndUnchanged(String number, Executable call) {
    Problem before = problems.get(ACME_PAT, number);
    assertThrows(RecordNotFoundException.class, call);
    assertThat(problems.get(ACME_PAT, number)).isEqualTo(before);
  }

  private static String tenantOf(String number) {
    return number.startsWith("ACME-") ? "acme" : Actor.DEFAULT_TENANT;
  }

  // ------------------------------------------------------------------------ permissions

  @Test
  void creatingNeedsProblemCreate() {
    assertThat(problems.create(PAT, CreateProblem.of("VPN drops", Priority.P2)).number())
        .isEqualTo("PRB0000001");
    assertThat(problems.create(DESK, CreateProblem.of("Mail slow", Priority.P3)).createdBy())
        .isEqualTo("dana");
    denied(Permission.PROBLEM_CREATE, () -> problems.create(CALLER,
        CreateProblem.of("x", Priority.P3)));
    assertThat(problems.query(PAT).count()).isEqualTo(2);
  }

  @Test
  void workingNeedsProblemWorkAsManagerOrAsTheProblemsManager() {
    Problem p = problems.create(PAT, CreateProblem.of("VPN drops", Priority.P2));
    deniedAndUnchanged(Permission.PROBLEM_WORK, p.number(), () -> problems.assess(SAM,
        new AssessProblem(p.number(), "sam", Priority.P2)));
    deniedAndUnchanged(Permission.PROBLEM_WORK, p.number(), () -> problems.addNote(DESK,
        new AddProblemNote(p.number(), "x")));
    problems.assess(PAT, new AssessProblem(p.number(), "sam", Priority.P2));
    // sam manages it now: he holds RESOLVER on it
    problems.startAnalysis(SAM, new StartAnalysis(p.number(), null));
    problems.recordWorkaround(SAM, new RecordWorkaround(p.number(), "Use the backup profile"));
    problems.addNote(SAM, new AddProblemNote(p.number(), "Looking at the gateways"));
    Incident i = open("vpn-gw-1", Impact.LOW, Urgency.LOW);
    deniedAndUnchanged(Permission.PROBLEM_WORK, p.number(), () -> problems.linkIncidents(DESK,
        LinkIncidents.of(p.number(), i.number())));
    problems.linkIncidents(SAM, LinkIncidents.of(p.number(), i.number()));
    deniedAndUnchanged(Permission.PROBLEM_WORK, p.number(), () -> problems.identifyRootCause(
        DESK, new IdentifyRootCause(p.number(), "cert", null)));
    problems.identifyRootCause(SAM, new IdentifyRootCause(p.number(), "cert", null));
    deniedAndUnchanged(Permission.PROBLEM_WORK, p.number(), () -> problems.linkChange(DESK,
        new LinkChange(p.number(), "CHG0000001")));
    assertThat(problems.linkChange(SAM, new LinkChange(p.number(), "CHG0000001")).fixChange())
        .isEqualTo("CHG0000001");
    deniedAndUnchanged(Permission.PROBLEM_WORK, p.number(), () -> problems.recordWorkaround(
        DESK, new RecordWorkaround(p.number(), "other")));
  }

  @Test
  void aDeniedUserIsDeniedBeforeTheLifecycleIsChecked() {
    Problem p = problems.create(PAT, CreateProblem.of("VPN drops", Priority.P2));
    // NEW does not allow resolving: the denied user learns nothing about that
    deniedAndUnchanged(Permission.PROBLEM_RESOLVE, p.number(), () -> problems.resolve(DESK,
        new ResolveProblem(p.number(), "x")));
  }

  @Test
  void publishingResolvingClosingAndCancellingNeedTheirPermissions() {
    Problem p = inFix(PAT);
    // the problem's manager works it but does not publish, resolve or cancel it
    deniedAndUnchanged(Permission.PROBLEM_PUBLISH_KNOWN_ERROR, p.number(),
        () -> problems.publishKnownError(SAM, new PublishKnownError(p.number(), null)));
    assertThat(problems.knownErrors(PAT).list()).isEmpty();
    assertThat(problems.publishKnownError(PAT, new PublishKnownError(p.number(), null))
        .knownError()).isEqualTo("KE0000001");
    deniedAndUnchanged(Permission.PROBLEM_RESOLVE, p.number(), () -> problems.resolve(SAM,
        new ResolveProblem(p.number(), "renewed")));
    problems.resolve(PAT, new ResolveProblem(p.number(), "renewed"));
    deniedAndUnchanged(Permission.PROBLEM_RESOLVE, p.number(), () -> problems.close(DESK,
        new CloseProblem(p.number(), null)));
    assertThat(problems.close(PAT, new CloseProblem(p.number(), null)).state())
        .isEqualTo(ProblemState.CLOSED);
    Problem other = problems.create(PAT, CreateProblem.of("Other", Priority.P3));
    deniedAndUnchanged(Permission.PROBLEM_CANCEL, other.number(), () -> problems.cancel(SAM,
        new CancelProblem(other.number(), "dup")));
    assertThat(problems.cancel(PAT, new CancelProblem(other.number(), "dup")).state())
        .isEqualTo(ProblemState.CANCELLED);
  }

  @Test
  void readingNeedsProblemReadAndKnownErrorRead() {
    Problem p = inFix(PAT);
    problems.publishKnownError(PAT, new PublishKnownError(p.number(), null));
    Incident fresh = open("vpn-gw-1", Impact.LOW, Urgency.LOW);
    // staff read
    assertThat(problems.get(DESK, p.number())).isEqualTo(problems.get(PAT, p.number()));
    assertThat(problems.find(DESK, p.number())).isPresent();
    assertThat(problems.query(DESK).list()).hasSize(1);
    assertThat(problems.timeline(DESK, p.number())).isNotEmpty();
    assertThat(problems.auditTrail(DESK, p.number())).isNotEmpty();
    assertThat(problems.knownErrors(DESK).list()).hasSize(1);
    assertThat(problems.knownErrorsFor(DESK, fresh.number())).hasSize(1);
    // a caller without groups reads no problem and searches no known error
    denied(Permission.PROBLEM_READ, () -> problems.get(CALLER, p.number()));
    denied(Permission.PROBLEM_READ, () -> problems.find(CALLER, p.number()));
    denied(Permission.PROBLEM_READ, () -> problems.query(CALLER));
    denied(Permission.PROBLEM_READ, () -> problems.timeline(CALLER, p.number()));
    denied(Permission.PROBLEM_READ, () -> problems.auditTrail(CALLER, p.number()));
    denied(Permission.KNOWN_ERROR_READ, () -> problems.knownErrors(CALLER));
    denied(Permission.KNOWN_ERROR_READ, () -> problems.knownErrorsFor(CALLER, fresh.number()));
  }

  @Test
  void aQueryWithTheOwnScopeReturnsNoProblemAndNoMajorIncident() {
    Problem p = problems.create(PAT, CreateProblem.of("VPN drops", Priority.P2));
    Incident i = open("dc-1", Impact.HIGH, Urgency.HIGH);
    majors.promote(MIA, new PromoteToMajor(i.number(), "mia", null));
    // a host policy that lets everyone call everything but read only their own records
    use(new AccessPolicy() {
      @Override
      public AccessDecision decide(dev.itsm.core.access.AccessRequest request) {
        return AccessDecision.allow();
      }

      @Override
      public ReadScope readScope(Actor actor, dev.itsm.core.access.RecordKind kind) {
        return actor.groups().isEmpty() ? ReadScope.OWN : ReadScope.ALL;
      }
    });
    // problems and major incidents have no owner
    assertThat(problems.query(CALLER).list()).isEmpty();
    assertThat(problems.query(CALLER).count()).isZero();
    assertThat(majors.active(CALLER)).isEmpty();
    assertThat(problems.query(PAT).list()).extracting(Problem::number)
        .containsExactly(p.number());
    assertThat(majors.active(MIA)).hasSize(1);
  }

  @Test
  void majorIncidentsNeedTheirPermissions() {
    Incident parent = open("dc-1", Impact.HIGH, Urgency.HIGH);
    Incident child = open("app-1", Impact.LOW, Urgency.LOW);
    denied(Permission.MAJOR_INCIDENT_PROMOTE, () -> majors.promote(DESK,
        new PromoteToMajor(parent.number(), "mia", null)));
    assertThat(majors.find(MIA, parent.number())).isEmpty();
    MajorIncident m = majors.promote(MIA, new PromoteToMajor(parent.number(), "mia", null));
    denied(Permission.MAJOR_INCIDENT_UPDATE, () -> majors.postUpdate(DESK,
        new PostStakeholderUpdate(parent.number(), "x")));
    denied(Permission.MAJOR_INCIDENT_UPDATE, () -> majors.linkChild(PAT,
        new LinkChildIncident(parent.number(), child.number())));
    assertThat(majors.get(MIA, parent.number())).isEqualTo(m);
    majors.postUpdate(MIA, new PostStakeholderUpdate(parent.number(), "Power restored"));
    m = majors.linkChild(MIA, new LinkChildIncident(parent.number(), child.number()));
    assertThat(m.children()).containsExactly(child.number());
    incidents.service.acknowledge(MIA, new AcknowledgeIncident(parent.number()));
    incidents.service.resolve(MIA, new ResolveIncident(parent.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "UPS replaced"));
    MajorIncident resolved = majors.get(MIA, parent.number());
    denied(Permission.MAJOR_INCIDENT_REVIEW, () -> majors.completeReview(DESK,
        new CompletePostIncidentReview(parent.number(), "x")));
    assertThat(majors.get(MIA, parent.number())).isEqualTo(resolved);
    assertThat(majors.completeReview(MIA, new CompletePostIncidentReview(parent.number(),
        "Add UPS monitoring")).reviewed()).isTrue();
    // reading: staff yes, callers no
    assertThat(majors.get(DESK, parent.number()).reviewed()).isTrue();
    assertThat(majors.find(DESK, parent.number())).isPresent();
    assertThat(majors.active(DESK)).isEmpty();
    denied(Permission.MAJOR_INCIDENT_READ, () -> majors.get(CALLER, parent.number()));
    denied(Permission.MAJOR_INCIDENT_READ, () -> majors.find(CALLER, parent.number()));
    denied(Permission.MAJOR_INCIDENT_READ, () -> majors.active(CALLER));
  }

  // ---------------------------------------------------------------------------- tenants

  @Test
  void numbersAndKnownErrorIdsCountPerTenant() {
    Problem home = inFix(PAT);
    Problem acme = inFix(ACME_PAT);
    Problem acme2 = problems.create(ACME_PAT, CreateProblem.of("Other", Priority.P3));
    Problem globex = problems.create(GLOBEX_PAT, CreateProblem.of("Other", Priority.P3));
    assertThat(home.number()).isEqualTo("PRB0000001");
    assertThat(acme.number()).isEqualTo("ACME-PRB0000001");
    assertThat(acme2.number()).isEqualTo("ACME-PRB0000002");
    assertThat(globex.number()).isEqualTo("GLOBEX-PRB0000001");
    assertThat(acme.tenant()).isEqualTo("acme");
    assertThat(home.tenant()).isEqualTo(Actor.DEFAULT_TENANT);
    assertThat(problems.create(PAT, CreateProblem.of("x", Priority.P3)).number())
        .isEqualTo("PRB0000002");
    assertThat(problems.publishKnownError(ACME_PAT, new PublishKnownError(acme.number(), null))
        .knownError()).isEqualTo("ACME-KE0000001");
    assertThat(problems.publishKnownError(PAT, new PublishKnownError(home.number(), null))
        .knownError()).isEqualTo("KE0000001");
    assertThat(problems.knownErrors(ACME_PAT).list()).extracting(KnownError::tenant)
        .containsExactly("acme");
  }

  @Test
  void aProblemOfAcmeDoesNotExistForGlobexThroughAnyMethod() {
    Problem p = inFix(ACME_PAT);
    problems.publishKnownError(ACME_PAT, new PublishKnownError(p.number(), null));
    Problem q = problems.create(ACME_PAT, CreateProblem.of("Other", Priority.P3));
    String n = p.number();
    for (Actor globex : List.of(GLOBEX_PAT, GLOBEX_ADMIN)) {
      assertThrows(RecordNotFoundException.class, () -> problems.get(globex, n));
      assertThat(problems.find(globex, n)).isEmpty();
      assertThat(problems.query(globex).list()).isEmpty();
      assertThat(problems.query(globex).count()).isZero();
      assertThrows(RecordNotFoundException.class, () -> problems.timeline(globex, n));
      assertThrows(RecordNotFoundException.class, () -> problems.auditTrail(globex, n));
      assertThat(problems.knownErrors(globex).list()).isEmpty();
      notFoundAndUnchanged(q.number(), () -> problems.assess(globex,
          new AssessProblem(q.number(), "gus", Priority.P1)));
      notFoundAndUnchanged(q.number(), () -> problems.cancel(globex,
          new CancelProblem(q.number(), "x")));
      notFoundAndUnchanged(n, () -> problems.startAnalysis(globex, new StartAnalysis(n, null)));
      notFoundAndUnchanged(n, () -> problems.identifyRootCause(globex,
          new IdentifyRootCause(n, "x", null)));
      notFoundAndUnchanged(n, () -> problems.recordWorkaround(globex,
          new RecordWorkaround(n, "x")));
      notFoundAndUnchanged(n, () -> problems.linkIncidents(globex,
          LinkIncidents.of(n, "GLOBEX-INC0000001")));
      notFoundAndUnchanged(n, () -> problems.linkChange(globex,
          new LinkChange(n, "GLOBEX-CHG0000001")));
      notFoundAndUnchanged(n, () -> problems.publishKnownError(globex,
          new PublishKnownError(n, null)));
      notFoundAndUnchanged(n, () -> problems.resolve(globex, new ResolveProblem(n, "x")));
      notFoundAndUnchanged(n, () -> problems.close(globex, new CloseProblem(n, null)));
      notFoundAndUnchanged(n, () -> problems.addNote(globex, new AddProblemNote(n, "x")));
    }
    assertThat(problems.query(ACME_PAT).count()).isEqualTo(2);
    assertThat(problems.query(PAT).count()).isZero();
  }

  @Test
  void linksStayWithinTheTenant() {
    Incident acmeIncident = acmeIncident("vpn-gw-1", Impact.LOW, Urgency.LOW);
    Incident homeIncident = open("vpn-gw-2", Impact.LOW, Urgency.LOW);
    ValidationException e = assertThrows(ValidationException.class, () -> problems.create(
        GLOBEX_PAT, CreateProblem.of("x", Priority.P3, acmeIncident.number())));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("incidents[0]");
    assertThrows(ValidationException.class, () -> problems.create(ACME_PAT,
        CreateProblem.of("x", Priority.P3, homeIncident.number())));
    Problem p = problems.create(ACME_PAT, CreateProblem.of("x", Priority.P3,
        acmeIncident.number()));
    assertThat(p.incidents()).containsExactly(acmeIncident.number());
    assertThrows(ValidationException.class, () -> problems.linkIncidents(ACME_PAT,
        LinkIncidents.of(p.number(), homeIncident.number())));
    Problem fixing = inFix(ACME_PAT);
    ValidationException change = assertThrows(ValidationException.class,
        () -> problems.linkChange(ACME_PAT, new LinkChange(fixing.number(), "CHG0000001")));
    assertThat(change.violations()).extracting(Violation::field).containsExactly("change");
    assertThat(problems.linkChange(ACME_PAT, new LinkChange(fixing.number(),
        "ACME-CHG0000001")).fixChange()).isEqualTo("ACME-CHG0000001");
    // a change of another tenant resolves nothing here
    assertThat(problems.changeSucceeded("ACME-CHG0000001", "fix", List.of(fixing.number()),
        Actor.of("max", "change-managers").inTenant("globex"))).isEmpty();
    assertThat(problems.changeSucceeded("ACME-CHG0000001", "fix", List.of(),
        Actor.of("max", "change-managers").inTenant("acme"))).containsExactly(fixing.number());
  }

  @Test
  void knownErrorsAreOfferedOnlyToIncidentsOfTheirTenant() {
    Problem p = inFix(ACME_PAT);
    problems.publishKnownError(ACME_PAT, new PublishKnownError(p.number(), null));
    Incident home = open("vpn-gw-1", Impact.LOW, Urgency.LOW);
    problems.incidentOpened(home, incidentStore);
    assertThat(published).noneMatch(ev -> ev instanceof KnownErrorMatch);
    assertThat(problems.knownErrorsFor(PAT, home.number())).isEmpty();
    Incident acme = acmeIncident("vpn-gw-1", Impact.LOW, Urgency.LOW);
    problems.incidentOpened(acme, incidentStore);
    assertThat(published).filteredOn(ev -> ev instanceof KnownErrorMatch).singleElement()
        .satisfies(ev -> assertThat(((KnownErrorMatch) ev).recordNumber())
            .isEqualTo(acme.number()));
    assertThat(problems.knownErrorsFor(ACME_PAT, acme.number())).extracting(KnownError::id)
        .containsExactly("ACME-KE0000001");
    assertThrows(RecordNotFoundException.class,
        () -> problems.knownErrorsFor(GLOBEX_PAT, acme.number()));
    assertThrows(RecordNotFoundException.class,
        () -> problems.knownErrorsFor(PAT, acme.number()));
  }

  @Test
  void detectionGroupsIncidentsOfOneTenantOnly() {
    // the default rule: three incidents on one item within 24 h
    Incident a = open("core-sw-1", Impact.LOW, Urgency.LOW);
    problems.incidentOpened(a, incidentStore);
    Incident b = open("core-sw-1", Impact.LOW, Urgency.LOW);
    problems.incidentOpened(b, incidentStore);
    Incident acme = acmeIncident("core-sw-1", Impact.LOW, Urgency.LOW);
    problems.incidentOpened(acme, incidentStore);
    assertThat(problems.query(ACME_PAT).count()).isZero();
    assertThat(problems.query(PAT).count()).isZero();
    Incident c = open("core-sw-1", Impact.LOW, Urgency.LOW);
    problems.incidentOpened(c, incidentStore);
    assertThat(problems.query(PAT).proactive(true).list()).singleElement()
        .satisfies(p -> assertThat(p.incidents()).containsExactly(a.number(), b.number(),
            c.number()));
    assertThat(problems.query(ACME_PAT).count()).isZero();
    for (int i = 0; i < 2; i++) {
      problems.incidentOpened(acmeIncident("core-sw-1", Impact.LOW, Urgency.LOW),
          incidentStore);
    }
    // the open problem of the default tenant does not cover acme's item
    assertThat(problems.query(ACME_PAT).proactive(true).list()).singleElement()
        .satisfies(p -> {
          assertThat(p.number()).isEqualTo("ACME-PRB0000001");
          assertThat(p.incidents()).allMatch(n -> n.startsWith("ACME-")).hasSize(3);
        });
  }

  @Test
  void aMajorIncidentOfAcmeDoesNotExistForGlobexThroughAnyMethod() {
    Incident parent = acmeIncident("dc-1", Impact.HIGH, Urgency.HIGH);
    Incident child = acmeIncident("app-1", Impact.LOW, Urgency.LOW);
    Incident home = open("app-2", Impact.LOW, Urgency.LOW);
    assertThrows(RecordNotFoundException.class, () -> majors.promote(GLOBEX_MIA,
        new PromoteToMajor(parent.number(), "gus", null)));
    assertThat(majors.find(ACME_MIA, parent.number())).isEmpty();
    MajorIncident m = majors.promote(ACME_MIA, new PromoteToMajor(parent.number(), "mia",
        null));
    assertThat(m.tenant()).isEqualTo("acme");
    for (Actor globex : List.of(GLOBEX_MIA, GLOBEX_ADMIN)) {
      assertThrows(RecordNotFoundException.class, () -> majors.get(globex, parent.number()));
      assertThat(majors.find(globex, parent.number())).isEmpty();
      assertThat(majors.active(globex)).isEmpty();
      assertThrows(RecordNotFoundException.class, () -> majors.postUpdate(globex,
          new PostStakeholderUpdate(parent.number(), "x")));
      assertThrows(RecordNotFoundException.class, () -> majors.linkChild(globex,
          new LinkChildIncident(parent.number(), child.number())));
      assertThrows(RecordNotFoundException.class, () -> majors.completeReview(globex,
          new CompletePostIncidentReview(parent.number(), "x")));
      assertThat(majors.get(ACME_MIA, parent.number())).isEqualTo(m);
    }
    assertThat(majors.active(MIA)).isEmpty();
    assertThat(majors.active(ACME_MIA)).containsExactly(m);
    // a child must be of the same tenant
    assertThrows(RecordNotFoundException.class, () -> majors.linkChild(ACME_MIA,
        new LinkChildIncident(parent.number(), home.number())));
    assertThat(majors.linkChild(ACME_MIA, new LinkChildIncident(parent.number(),
        child.number())).children()).containsExactly(child.number());
    assertThat(majors.postUpdate(ACME_MIA, new PostStakeholderUpdate(parent.number(), "ok"))
        .updatesPosted()).isEqualTo(1);
    assertThat(majors.updateMissed(parent.number())).isNotNull();
    assertThat(majors.get(ACME_MIA, parent.number()).tenant()).isEqualTo("acme");
  }
}
