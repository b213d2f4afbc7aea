package dev.itsm.examples;

import dev.itsm.bpmn.EngineClock;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.ItsmException;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangePolicies;
import dev.itsm.core.change.ChangeService;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.change.CompleteReview;
import dev.itsm.core.change.CreateChange;
import dev.itsm.core.change.CreateStandardChange;
import dev.itsm.core.change.DecideChange;
import dev.itsm.core.change.FreezeWindow;
import dev.itsm.core.change.RecordOutcome;
import dev.itsm.core.change.ScheduleChange;
import dev.itsm.core.change.StandardChangeTemplate;
import dev.itsm.core.change.StartImplementation;
import dev.itsm.core.change.SubmitChange;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.major.CompletePostIncidentReview;
import dev.itsm.core.major.LinkChildIncident;
import dev.itsm.core.major.PostStakeholderUpdate;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.problem.AssessProblem;
import dev.itsm.core.problem.CloseProblem;
import dev.itsm.core.problem.CreateProblem;
import dev.itsm.core.problem.IdentifyRootCause;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.LinkIncidents;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.PublishKnownError;
import dev.itsm.core.problem.StartAnalysis;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.policy.AssignmentRule;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.CloseRequest;
import dev.itsm.core.request.CompleteFulfilmentTask;
import dev.itsm.core.request.DecideRequest;
import dev.itsm.core.request.FormField;
import dev.itsm.core.request.FulfilmentTask;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestApproval;
import dev.itsm.core.request.RequestService;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.ServiceCatalog;
import dev.itsm.core.request.StartFulfilmentTask;
import dev.itsm.core.request.SubmitRequest;
import dev.itsm.core.sla.ClockStatus;
import dev.itsm.core.sla.ServiceLevelEvent;
import dev.itsm.core.sla.ServiceLevelService;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The README's demo: a service desk's morning, run through the real engine on an embedded H2
 * database. Incidents go through hold and resume, reassignment, a refused illegal action, a
 * reopen, service-level warnings and a breach, a clock paused while on hold; one change of each
 * type; two service requests from the catalog (a laptop approved by the requester's manager and
 * fulfilled task after task, access to a system approved by a group and fulfilled by two tasks at
 * once); and closure by the auto-close timers after the clock is moved three days on.
 */
public final class Demo {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm").withZone(ZoneOffset.UTC);

  private static final Actor DESK = Actor.of("dana", "service-desk");
  private static final Actor NETWORK = Actor.of("raj", "network");
  private static final Actor SECURITY = Actor.of("sam", "security");
  private static final Actor MESSAGING = Actor.of("mo", "messaging");
  private static final Actor CALLER = Actor.of("alice");
  private static final Actor CHANGE_MANAGER = Actor.of("max", "change-managers");
  private static final Actor CAB_ANN = Actor.of("ann", "cab");
  private static final Actor CAB_BEN = Actor.of("ben", "cab");
  private static final Actor ECAB_EVE = Actor.of("eve", "ecab");
  private static final Actor OWNER = Actor.of("olivia", "cab");
  private static final Actor CATALOG_ADMIN = Actor.of("cathy", "catalog-managers");
  private static final Actor CAROL = Actor.of("carol");
  private static final Actor MIA = Actor.of("mia");
  private static final Actor DAVE = Actor.of("dave");
  private static final Actor SECURITY_OWNER = Actor.of("sol", "security-owners");
  private static final Actor BUYER = Actor.of("pat", "procurement");
  private static final Actor DESKTOP = Actor.of("dan", "desktop-support");
  private static final Actor IDENTITY = Actor.of("ian", "identity");
  private static final Actor NETWORK_ADMIN = Actor.of("nora", "network");

  private final PrintStream out;
  private final List<ServiceLevelEvent> slaEvents = new CopyOnWriteArrayList<>();

  private Demo(PrintStream out) {
    this.out = out;
  }

  /** Prints service-level warnings and breaches as the job executor fires them. */
  private void onEvent(ItsmEvent event) {
    if (event instanceof ServiceLevelEvent.Warning w) {
      slaEvents.add(w);
      out.printf("   %s  %s %s: %d %% warning%n", TIME.format(w.occurredAt()),
          w.recordNumber(), w.clock().targetName(), w.percent());
    } else if (event instanceof ServiceLevelEvent.Breached b) {
      slaEvents.add(b);
      out.printf("   %s  %s %s: BREACHED%n", TIME.format(b.occurredAt()), b.recordNumber(),
          b.clock().targetName());
    }
  }

  /**
   * Runs the demo in a fresh temporary data directory.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.setProperty("org.jboss.logging.provider", "slf4j");
    Path dir;
    try {
      dir = Files.createTempDirectory("itsm-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Map<IncidentState, Long> counts = run(dir, System.out);
      if (counts.get(IncidentState.CLOSED) != 10 || counts.get(IncidentState.CANCELLED) != 1) {
        throw new IllegalStateException("the demo did not end as expected: " + counts);
      }
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Runs the demo.
   *
   * @param dataDir an empty directory for the database
   * @param out where to print
   * @return the number of incidents per state at the end
   */
  public static Map<IncidentState, Long> run(Path dataDir, PrintStream out) {
    Demo demo = new Demo(out);
    Instant start = EngineClock.now();
    try (ItsmEngine engine = ItsmEngine.builder()
        .dataDirectory(dataDir)
        .processes(ItsmProcess.INCIDENT, ItsmProcess.CHANGE, ItsmProcess.PROBLEM,
            ItsmProcess.MAJOR_INCIDENT, ItsmProcess.REQUEST)
        .directory(Directory.of(Map.of(
            "change-managers", java.util.Set.of("max", "mia"),
            "cab", java.util.Set.of("ann", "ben", "cat", "dan", "olivia"),
            "ecab", java.util.Set.of("eve", "ed"),
            "security-owners", java.util.Set.of("sol", "sid")),
            Map.of("carol", "mia", "dave", "mia")))
        .changePolicies(ChangePolicies.builder()
            .standardChange(new StandardChangeTemplate("restart-app-server",
                "Restart an application server", "Rolling restart of one node", "application",
                "Drain the node, restart, check /health", "None needed", "Smoke test",
                "operations", Impact.LOW))
            .freezeWindow(FreezeWindow.of("month-end close", start.plus(Duration.ofDays(1)),
                start.plus(Duration.ofDays(2))))
            .build())
        .assignmentRule(AssignmentRule.byCategory(Map.of(
            "network", "network", "email", "messaging", "hardware", "field-services")))
        .autoCloseAfter(Duration.ofDays(3))
        .jobPollInterval(Duration.ofMillis(200))
        .afterListener(demo::onEvent)
        .tenants("acme")
        .build()) {
      return demo.morning(engine);
    } finally {
      EngineClock.reset();
    }
  }

  private Map<IncidentState, Long> morning(ItsmEngine engine) {
    IncidentService incidents = engine.incidents();
    List<String> numbers = new ArrayList<>();

    say("1. Monitoring reports the mail service down (P1); the messaging team fixes it and"
        + " the caller confirms.");
    Incident mail = incidents.open(DESK, OpenIncident.builder()
        .title("Mail service unreachable").caller("monitoring").channel(Channel.MONITORING)
        .category("email").service("mail").configurationItem("mx01")
        .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    numbers.add(mail.number());
    later(Duration.ofMinutes(6));
    incidents.acknowledge(MESSAGING, new AcknowledgeIncident(mail.number()));
    incidents.addWorkNote(MESSAGING, new AddWorkNote(mail.number(),
        "mx01 disk full; clearing the queue spool", AddWorkNote.Visibility.INTERNAL));
    later(Duration.ofMinutes(40));
    incidents.resolve(MESSAGING, new ResolveIncident(mail.number(),
        ResolutionCode.SOLVED_WORKAROUND, "Spool cleared, disk extended by 50 GB"));
    later(Duration.ofMinutes(30));
    incidents.close(DESK, new CloseIncident(mail.number(), "Monitoring green for 30 minutes"));

    say("2. Alice's VPN keeps dropping (P2): on hold while she collects logs, reassigned to"
        + " security, resolved, reopened when it drops again, resolved for good.");
    Incident vpn = incidents.open(DESK, OpenIncident.builder()
        .title("VPN drops every ten minutes").caller("alice").channel(Channel.PHONE)
        .category("network").subcategory("vpn").impact(Impact.MEDIUM).urgency(Urgency.HIGH)
        .build());
    numbers.add(vpn.number());
    incidents.acknowledge(NETWORK, new AcknowledgeIncident(vpn.number()));
    incidents.putOnHold(NETWORK, new PutIncidentOnHold(vpn.number(), HoldReason.AWAITING_CALLER,
        "Asked Alice for the client log"));
    later(Duration.ofMinutes(50));
    incidents.addWorkNote(CALLER, new AddWorkNote(vpn.number(), "Log attached",
        AddWorkNote.Visibility.CUSTOMER));
    incidents.resume(NETWORK, new ResumeIncident(vpn.number(), "Log shows certificate errors"));
    incidents.assign(NETWORK, new AssignIncident(vpn.number(), "security", "sam"));
    later(Duration.ofMinutes(35));
    incidents.resolve(SECURITY, new ResolveIncident(vpn.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Renewed the expired client certificate"));
    later(Duration.ofMinutes(55));
    incidents.reopen(CALLER, new ReopenIncident(vpn.number(), "Dropped again at 11:02"));
    later(Duration.ofMinutes(20));
    incidents.resolve(SECURITY, new ResolveIncident(vpn.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Pushed the new certificate to the laptop's store"));

    say("3. A printer jam is logged twice: resolving it before anyone acknowledged it is"
        + " refused, and the duplicate is cancelled.");
    Incident printer = incidents.open(DESK, OpenIncident.builder()
        .title("Printer on floor 3 jams").caller("bob").channel(Channel.PORTAL)
        .category("hardware").impact(Impact.LOW).urgency(Urgency.MEDIUM).build());
    numbers.add(printer.number());
    try {
      incidents.resolve(Actor.of("fred", "field-services"), new ResolveIncident(printer.number(),
          ResolutionCode.DUPLICATE, "Same as the other ticket"));
    } catch (ItsmException e) {
      say("   refused [" + e.code() + "]: " + e.getMessage());
    }
    incidents.cancel(DESK, new CancelIncident(printer.number(), "Duplicate of an earlier call"));

    say("4. Bad input is refused with every broken rule listed, and nothing is stored.");
    try {
      incidents.open(DESK, OpenIncident.builder().title(" ").channel(Channel.EMAIL)
          .impact(Impact.LOW).build());
    } catch (ItsmException e) {
      say("   refused [" + e.code() + "]: " + e.getMessage());
    }

    say("5. A slow laptop (P5) is fixed; nobody confirms, so the auto-close timer will close it.");
    Incident laptop = incidents.open(DESK, OpenIncident.builder()
        .title("Laptop slow after update").caller("carol").channel(Channel.CHAT)
        .category("hardware").subcategory("laptop").impact(Impact.LOW).urgency(Urgency.LOW)
        .build());
    numbers.add(laptop.number());
    incidents.acknowledge(DESK, new AcknowledgeIncident(laptop.number()));
    incidents.resolve(Actor.of("fred", "field-services"), new ResolveIncident(laptop.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Disabled the runaway indexing service"));

    say("6. The payroll export fails (P2) and nobody picks it up: the response clock warns at 50,"
        + " 75 and 90 % and breaches at 30 minutes, each fired once by a BPMN timer.");
    Incident payroll = incidents.open(DESK, OpenIncident.builder()
        .title("Payroll export to the bank fails").caller("erin").channel(Channel.EMAIL)
        .category("application").service("payroll").impact(Impact.MEDIUM).urgency(Urgency.HIGH)
        .build());
    numbers.add(payroll.number());
    for (int minutes : new int[] {16, 8, 4, 3}) {
      int seen = slaEvents.size();
      later(Duration.ofMinutes(minutes));
      awaitEvents(seen + 1);
    }
    incidents.acknowledge(DESK, new AcknowledgeIncident(payroll.number()));
    incidents.resolve(DESK, new ResolveIncident(payroll.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Renewed the bank's SFTP key"));

    List<String> changeNumbers = changes(engine, numbers);
    String problemNumber = majorIncidentAndProblem(engine, numbers, changeNumbers);
    List<String> requestNumbers = requests(engine);

    Instant movedTo = EngineClock.advance(Duration.ofDays(3).plusHours(1));
    say("10. The clock moves on three days to " + TIME.format(movedTo)
        + "; the job executor fires the auto-close timers.");
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (System.nanoTime() < deadline && (numbers.stream().anyMatch(
        n -> incidents.get(DESK, n).state() == IncidentState.RESOLVED) || requestNumbers.stream()
            .anyMatch(n -> engine.requests().get(DESK, n).state() == RequestState.FULFILLED))) {
      pause();
    }

    for (String number : numbers) {
      printTimeline(incidents, number);
      printClocks(engine.serviceLevels(), number);
    }
    for (String number : changeNumbers) {
      printChange(engine.changes(), number);
    }
    printProblem(engine, problemNumber);
    for (String number : requestNumbers) {
      printRequest(engine.requests(), number);
      printClocks(engine.serviceLevels(), number);
    }
    accessAndTenants(engine, numbers.get(0));
    Map<IncidentState, Long> counts = new EnumMap<>(IncidentState.class);
    for (IncidentState s : IncidentState.values()) {
      counts.put(s, incidents.query(DESK).state(s).count());
    }
    out.println();
    Map<ChangeState, Long> changeCounts = new EnumMap<>(ChangeState.class);
    for (String n : changeNumbers) {
      changeCounts.merge(engine.changes().get(CHANGE_MANAGER, n).state(), 1L, Long::sum);
    }
    Map<RequestState, Long> requestCounts = new EnumMap<>(RequestState.class);
    for (String n : requestNumbers) {
      requestCounts.merge(engine.requests().get(DESK, n).state(), 1L, Long::sum);
    }
    out.println("Summary: " + numbers.size() + " incidents; " + counts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
        + "; " + changeNumbers.size() + " changes; " + changeCounts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
        + "; 1 problem; " + engine.problems().get(DESK, problemNumber).state() + "=1"
        + "; " + requestNumbers.size() + " requests; " + requestCounts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
    return counts;
  }

  /** Step 7: one change of each type, a rejected one, a failed one that is reviewed. */
  private List<String> changes(ItsmEngine engine, List<String> incidentNumbers) {
    ChangeService changes = engine.changes();
    IncidentService incidents = engine.incidents();
    List<String> out = new ArrayList<>();
    Instant tomorrow = EngineClock.now().plus(Duration.ofDays(1));
    Instant nextWeek = EngineClock.now().plus(Duration.ofDays(7));

    say("7. Change enablement: a standard, a normal, a rejected high-risk and a failed emergency"
        + " change.");
    Change restart = changes.createStandard(DESK, new CreateStandardChange("restart-app-server",
        null, List.of("payroll"), List.of("app-2"), "olivia", "omar", List.of()));
    out.add(restart.number());
    changes.schedule(CHANGE_MANAGER, ScheduleChange.window(restart.number(),
        nextWeek, nextWeek.plus(Duration.ofMinutes(30))));
    say("   " + restart.number() + " standard change from the catalog: pre-authorised and"
        + " scheduled at once");

    Incident flapping = incidents.open(DESK, OpenIncident.builder()
        .title("Payroll batch loses its database connection").caller("erin")
        .channel(Channel.EMAIL).category("application").service("payroll")
        .impact(Impact.MEDIUM).urgency(Urgency.MEDIUM).build());
    incidentNumbers.add(flapping.number());
    incidents.acknowledge(DESK, new AcknowledgeIncident(flapping.number()));
    Change pool = changes.create(DESK, CreateChange.builder().type(ChangeType.NORMAL)
        .title("Raise the payroll connection pool to 40").justification("Batch exhausts the pool")
        .category("application").services("payroll").configurationItems("app-2")
        .implementationPlan("Edit pool size, rolling restart").backoutPlan("Restore the old size")
        .owner("olivia").implementerGroup("operations").implementer("omar")
        .impact(Impact.LOW).tested(true).backoutTested(true).incidents(flapping.number())
        .build());
    out.add(pool.number());
    pool = changes.submitForAuthorization(OWNER, new SubmitChange(pool.number(), null));
    say("   " + pool.number() + " normal change, risk " + pool.risk() + " (DMN): authority "
        + pool.authority() + ", " + pool.approvalPolicy());
    changes.decide(CHANGE_MANAGER, DecideChange.approve(pool.number(), "Small and tested"));
    pool = changes.schedule(CHANGE_MANAGER, ScheduleChange.window(pool.number(),
        nextWeek.plus(Duration.ofMinutes(15)), nextWeek.plus(Duration.ofMinutes(45))));
    say("   scheduled; collision flagged with " + pool.collisions() + " (same app-2, overlapping"
        + " window)");
    changes.startImplementation(Actor.of("omar", "operations"),
        new StartImplementation(restart.number(), null));
    changes.recordOutcome(Actor.of("omar", "operations"), new RecordOutcome(restart.number(),
        ChangeOutcome.SUCCESSFUL, "Node back in the pool after 4 minutes"));
    changes.startImplementation(Actor.of("omar", "operations"),
        new StartImplementation(pool.number(), null));
    changes.recordOutcome(Actor.of("omar", "operations"), new RecordOutcome(pool.number(),
        ChangeOutcome.SUCCESSFUL, "Pool at 40; batch ran clean"));
    say("   closed; its incident " + flapping.number() + " is now "
        + incidents.get(DESK, flapping.number()).state());

    Change core = changes.create(DESK, CreateChange.builder().type(ChangeType.NORMAL)
        .title("Replace the core router").justification("End of support")
        .category("network").services("network", "payroll").configurationItems("core-rtr-1")
        .implementationPlan("Swap in the new chassis").backoutPlan("Swap back")
        .owner("olivia").implementerGroup("network").impact(Impact.HIGH).requiresOutage(true)
        .tested(true).backoutTested(false).build());
    out.add(core.number());
    core = changes.submitForAuthorization(OWNER, new SubmitChange(core.number(), null));
    say("   " + core.number() + " normal change, risk " + core.risk() + ": authority "
        + core.authority() + ", " + core.approvalPolicy() + " of " + core.eligibleApprovers()
        + " eligible");
    changes.decide(CAB_ANN, DecideChange.approve(core.number(), "Needed this year"));
    try {
      changes.decide(OWNER, DecideChange.approve(core.number(), "My own change"));
    } catch (ItsmException e) {
      say("   refused [" + e.code() + "]: " + e.getMessage());
    }
    core = changes.decide(CAB_BEN, DecideChange.reject(core.number(),
        "Backout not tested; bring it back with a tested backout"));
    say("   " + core.number() + " " + core.state());

    Change cve = changes.create(SECURITY, CreateChange.builder().type(ChangeType.EMERGENCY)
        .title("Patch the VPN gateway (critical CVE)").justification("Exploited in the wild")
        .category("network").services("vpn").configurationItems("vpn-gw-1")
        .implementationPlan("Apply vendor hotfix").backoutPlan("Roll back the hotfix")
        .owner("sam").implementerGroup("security").implementer("sid")
        .impact(Impact.HIGH).tested(false).backoutTested(true).build());
    out.add(cve.number());
    changes.decide(ECAB_EVE, DecideChange.approve(cve.number(), "Go"));
    try {
      changes.schedule(CHANGE_MANAGER, ScheduleChange.window(cve.number(),
          tomorrow.plus(Duration.ofHours(1)), tomorrow.plus(Duration.ofHours(2))));
    } catch (ItsmException e) {
      say("   refused [" + e.code() + "]: " + e.getMessage());
    }
    changes.schedule(CHANGE_MANAGER, new ScheduleChange(cve.number(),
        tomorrow.plus(Duration.ofHours(1)), tomorrow.plus(Duration.ofHours(2)), null,
        "Actively exploited; cannot wait for the end of the freeze"));
    changes.startImplementation(Actor.of("sid", "security"),
        new StartImplementation(cve.number(), null));
    cve = changes.recordOutcome(Actor.of("sid", "security"), new RecordOutcome(cve.number(),
        ChangeOutcome.FAILED, "Hotfix broke RADIUS logins; rolled back"));
    say("   " + cve.number() + " emergency change failed and is in " + cve.state());
    changes.completeReview(CHANGE_MANAGER, new CompleteReview(cve.number(),
        "Vendor hotfix needs the RADIUS plug-in update first; retry as a new change"));
    return out;
  }

  /**
   * Step 8: a major incident with three children, its cadence timer, a problem, a known error
   * offered to a new incident, and the change that fixes the problem.
   */
  private String majorIncidentAndProblem(ItsmEngine engine, List<String> incidentNumbers,
      List<String> changeNumbers) {
    IncidentService incidents = engine.incidents();
    Actor mim = Actor.of("mia", "major-incident-managers", "incident-managers");
    Actor pat = Actor.of("pat", "problem-managers");
    say("8. The core database cluster fails (P1): promoted to a major incident with three child"
        + " incidents; a missed stakeholder update is escalated by the BPMN cadence timer.");
    Incident db = incidents.open(DESK, OpenIncident.builder()
        .title("Core database cluster down").caller("monitoring").channel(Channel.MONITORING)
        .category("database").service("core-db").configurationItem("db-cluster-1")
        .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    incidentNumbers.add(db.number());
    engine.majorIncidents().promote(mim, new PromoteToMajor(db.number(), "mia",
        Duration.ofMinutes(30)));
    String[][] children = {{"Payroll run aborts", "payroll-app"},
        {"HR portal shows error 500", "hr-portal"}, {"Nightly reports fail", "report-srv"}};
    for (String[] c : children) {
      Incident child = incidents.open(DESK, OpenIncident.builder().title(c[0]).caller("erin")
          .channel(Channel.PORTAL).category("application").configurationItem(c[1])
          .impact(Impact.MEDIUM).urgency(Urgency.MEDIUM).build());
      incidentNumbers.add(child.number());
      engine.majorIncidents().linkChild(mim, new LinkChildIncident(db.number(),
          child.number()));
    }
    incidents.acknowledge(mim, new AcknowledgeIncident(db.number()));
    later(Duration.ofMinutes(10));
    engine.majorIncidents().postUpdate(mim, new PostStakeholderUpdate(db.number(),
        "Node 2 lost its storage; failing over to node 3"));
    later(Duration.ofMinutes(31));
    engine.awaitDueJobs(Duration.ofSeconds(30));
    say("   updates posted " + engine.majorIncidents().get(mim, db.number()).updatesPosted()
        + ", missed " + engine.majorIncidents().get(mim, db.number()).updatesMissed());
    incidents.resolve(mim, new ResolveIncident(db.number(), ResolutionCode.SOLVED_WORKAROUND,
        "Failed over to node 3; node 2 fenced"));
    say("   resolved; its children are now " + incidentNumbers
        .subList(incidentNumbers.size() - 3, incidentNumbers.size()).stream()
        .map(n -> n + " " + incidents.get(DESK, n).state()).toList());
    try {
      incidents.close(DESK, new CloseIncident(db.number(), "All green"));
    } catch (ItsmException e) {
      say("   refused [" + e.code() + "]: " + e.getMessage());
    }

    Problem p = engine.problems().create(pat, new CreateProblem("Storage path failures on the"
        + " core database cluster", null, "database", "core-db", "db-cluster-1", Priority.P1,
        "pat", List.of(db.number())));
    engine.problems().linkIncidents(pat, new LinkIncidents(p.number(),
        incidentNumbers.subList(incidentNumbers.size() - 3, incidentNumbers.size())));
    engine.problems().assess(pat, new AssessProblem(p.number(), "pat", Priority.P1));
    engine.problems().startAnalysis(pat, new StartAnalysis(p.number(), null));
    engine.problems().identifyRootCause(pat, new IdentifyRootCause(p.number(),
        "Multipath driver 2.1 drops paths under load",
        "Fail over to the next node and fence the failing one"));
    p = engine.problems().publishKnownError(pat, new PublishKnownError(p.number(), null));
    say("   " + p.number() + " root cause found; published as known error " + p.knownError());
    engine.majorIncidents().completeReview(mim, new CompletePostIncidentReview(db.number(),
        "Failover worked; add path monitoring; fix tracked in " + p.number()));

    Incident again = incidents.open(DESK, OpenIncident.builder()
        .title("Database slow, paths flapping").caller("monitoring")
        .channel(Channel.MONITORING).category("database").configurationItem("db-cluster-1")
        .impact(Impact.MEDIUM).urgency(Urgency.HIGH).build());
    incidentNumbers.add(again.number());
    say("   a new incident on db-cluster-1 is offered "
        + engine.problems().knownErrorsFor(DESK, again.number()).stream().map(KnownError::id)
            .toList() + "; the desk applies the workaround");
    incidents.acknowledge(DESK, new AcknowledgeIncident(again.number()));
    incidents.resolve(DESK, new ResolveIncident(again.number(),
        ResolutionCode.SOLVED_WORKAROUND, "Applied the workaround of the known error"));

    Change fix = engine.changes().create(pat, CreateChange.builder().type(ChangeType.NORMAL)
        .title("Upgrade the multipath driver to 2.2").justification("Root cause of " + p.number())
        .category("database").services("core-db").configurationItems("db-cluster-1")
        .implementationPlan("Rolling upgrade, one node at a time")
        .backoutPlan("Reinstall 2.1").owner("pat").implementerGroup("dba").implementer("dora")
        .impact(Impact.LOW).tested(true).backoutTested(true).problems(p.number()).build());
    changeNumbers.add(fix.number());
    engine.changes().submitForAuthorization(pat, new SubmitChange(fix.number(), null));
    engine.changes().decide(CHANGE_MANAGER, DecideChange.approve(fix.number(), "Go"));
    Instant when = EngineClock.now().plus(Duration.ofDays(2));
    engine.changes().schedule(CHANGE_MANAGER, ScheduleChange.window(fix.number(), when,
        when.plus(Duration.ofHours(2))));
    Actor dora = Actor.of("dora", "dba");
    engine.changes().startImplementation(dora, new StartImplementation(fix.number(), null));
    engine.changes().recordOutcome(dora, new RecordOutcome(fix.number(),
        ChangeOutcome.SUCCESSFUL, "All nodes on 2.2"));
    say("   " + fix.number() + " succeeded; " + p.number() + " is now "
        + engine.problems().get(pat, p.number()).state());
    engine.problems().close(pat, new CloseProblem(p.number(), "No path drops for a week"));
    return p.number();
  }

  /** Step 11: the role model refuses what a role does not allow; a second tenant sees nothing. */
  private void accessAndTenants(ItsmEngine engine, String someoneElses) {
    say("11. Who may do what: every call names its actor and is checked against the role model;"
        + " the engine also serves a second tenant, acme.");
    IncidentService incidents = engine.incidents();
    try {
      incidents.get(Actor.of("bob"), someoneElses);
    } catch (ItsmException e) {
      say("   bob (no group) reads " + someoneElses + ": refused [" + e.code() + "]: "
          + e.getMessage());
    }
    Incident first = incidents.get(DESK, someoneElses);
    try {
      incidents.reopen(SECURITY, new ReopenIncident(first.number(), "Still broken?"));
    } catch (ItsmException e) {
      say("   sam (security) reopens " + first.number() + " of " + first.assignmentGroup()
          + ": refused [" + e.code() + "]: " + e.getMessage());
    }
    Actor acmeDesk = Actor.of("ava", "service-desk").inTenant("acme");
    Incident acme = incidents.open(acmeDesk, OpenIncident.builder().title("Printer offline")
        .caller("zoe").channel(Channel.PORTAL).category("hardware")
        .impact(Impact.LOW).urgency(Urgency.LOW).build());
    say("   acme's service desk opens " + acme.number() + " (tenant " + acme.tenant()
        + ", its own numbering); acme sees " + incidents.query(acmeDesk).count()
        + " incident, this tenant's desk finds " + acme.number() + ": "
        + incidents.find(DESK, acme.number()).map(Incident::number).orElse("nothing"));
  }

  private void printProblem(ItsmEngine engine, String number) {
    Problem p = engine.problems().get(DESK, number);
    out.println();
    out.printf("%s  %-8s %s  [known error %s, incidents %s]%n", p.number(), p.state(),
        p.title(), p.knownError(), p.incidents());
    engine.problems().timeline(DESK, number).forEach(t -> out.printf("  %s  %-10s %-12s %s%n",
        TIME.format(t.at()), t.actorId(), t.kind(), t.text()));
  }

  /**
   * Step 9: the catalog gets two items; a laptop (manager approval, two tasks one after the other)
   * and access to a system (group approval, two tasks at once) are ordered and fulfilled.
   */
  private List<String> requests(ItsmEngine engine) {
    ServiceCatalog catalog = engine.catalog();
    RequestService requests = engine.requests();
    say("9. Service requests: the catalog offers a laptop (approved by the requester's manager,"
        + " ordered then handed over) and access to a system (approved by a security owner,"
        + " account and firewall rule at once).");
    CatalogItem laptop = catalog.define(CATALOG_ADMIN, CatalogItem.builder("laptop")
        .name("Standard laptop").description("14-inch business laptop with a docking station")
        .field(FormField.choice("model", "14-inch", "16-inch").label("Model").required()
            .message("Choose the 14-inch or the 16-inch model"))
        .field(FormField.date("neededBy").label("Needed by"))
        .approval(RequestApproval.manager())
        .sequential(FulfilmentTask.of("Order hardware", "procurement"),
            FulfilmentTask.of("Image and hand over", "desktop-support"))
        .serviceLevel(Duration.ofDays(5))
        .deliveryNote("Your laptop is ready at the IT desk, floor 2")
        .build());
    CatalogItem access = catalog.define(CATALOG_ADMIN, CatalogItem.builder("system-access")
        .name("Access to a business system")
        .field(FormField.choice("system", "crm", "erp", "payroll").required())
        .field(FormField.text("role").required().pattern("[a-z][a-z-]*")
            .message("Name the role in lower-case letters and dashes, e.g. sales-rep"))
        .approval(RequestApproval.group("security-owners"))
        .parallel(FulfilmentTask.of("Create account", "identity"),
            FulfilmentTask.of("Open firewall rule", "network"))
        .serviceLevel(Duration.ofDays(1))
        .deliveryNote("Your account is active; the password comes by text message")
        .build());
    say("   catalog: " + laptop.id() + " v" + laptop.version() + " (" + laptop.order() + "), "
        + access.id() + " v" + access.version() + " (" + access.order() + ")");
    try {
      requests.submit(CAROL, SubmitRequest.builder().item("laptop").value("model", "15-inch")
          .build());
    } catch (ItsmException e) {
      say("   refused [" + e.code() + "]: " + e.getMessage());
    }
    Request order = requests.submit(CAROL, SubmitRequest.builder().item("laptop")
        .value("model", "14-inch").value("neededBy", EngineClock.now().plus(Duration.ofDays(7))
            .atZone(ZoneOffset.UTC).toLocalDate())
        .comment("My old one no longer charges").build());
    say("   " + order.number() + " " + order.itemName() + ": " + order.state() + " (approver "
        + order.approver() + ")");
    later(Duration.ofMinutes(20));
    requests.decide(MIA, DecideRequest.approve(order.number(), "Go ahead"));
    requests.startTask(BUYER, new StartFulfilmentTask(order.number(), 1));
    later(Duration.ofMinutes(30));
    requests.completeTask(BUYER, new CompleteFulfilmentTask(order.number(), 1,
        "Taken from stock, asset 4711"));
    later(Duration.ofMinutes(45));
    order = requests.completeTask(DESKTOP, new CompleteFulfilmentTask(order.number(), 2,
        "Imaged and handed over"));
    say("   " + order.number() + " " + order.state() + "; Carol confirms receipt");
    requests.close(CAROL, new CloseRequest(order.number(), "Works fine, thanks"));

    Request grant = requests.submit(DAVE, SubmitRequest.builder().item("system-access")
        .value("system", "crm").value("role", "sales-rep").build());
    try {
      requests.decide(DAVE, DecideRequest.approve(grant.number(), "Please"));
    } catch (ItsmException e) {
      say("   refused [" + e.code() + "]: " + e.getMessage());
    }
    requests.decide(SECURITY_OWNER, DecideRequest.approve(grant.number(), "Sales role only"));
    later(Duration.ofMinutes(10));
    requests.completeTask(NETWORK_ADMIN, new CompleteFulfilmentTask(grant.number(), 2,
        "Rule CRM-4711"));
    grant = requests.completeTask(IDENTITY, new CompleteFulfilmentTask(grant.number(), 1,
        "Account dave.crm"));
    say("   " + grant.number() + " " + grant.state() + "; nobody confirms, so the auto-close"
        + " timer will close it");
    return List.of(order.number(), grant.number());
  }

  private void printRequest(RequestService requests, String number) {
    Request r = requests.get(DESK, number);
    out.println();
    out.printf("%s  %-9s %s  [%s for %s, %s v%d, approval %s]%n", r.number(), r.state(),
        r.itemName(), r.requestedBy(), r.requestedFor(), r.item(), r.itemVersion(),
        r.approver() != null ? r.approver() : r.approverGroup());
    requests.timeline(DESK, number).forEach(t -> out.printf("  %s  %-10s %-12s %s%n",
        TIME.format(t.at()), t.actorId(), t.kind(), t.text()));
  }

  private void printChange(ChangeService changes, String number) {
    Change c = changes.get(CHANGE_MANAGER, number);
    out.println();
    out.printf("%s  %-9s %-8s %s  [risk %s, authority %s]%n", c.number(), c.type(), c.state(),
        c.title(), c.risk(), c.authority());
    changes.timeline(CHANGE_MANAGER, number).forEach(t -> out.printf("  %s  %-10s %-12s %s%n",
        TIME.format(t.at()), t.actorId(), t.kind(), t.text()));
  }

  private void printTimeline(IncidentService incidents, String number) {
    Incident i = incidents.get(DESK, number);
    out.println();
    out.printf("%s  %s  %-9s %s  [%s -> %s, reassigned %d, reopened %d]%n", i.number(),
        i.priority(), i.state(), i.title(), i.caller(), i.assignmentGroup(),
        i.reassignmentCount(), i.reopenCount());
    incidents.timeline(DESK, number).stream().sorted(Comparator.comparing(TimelineEntry::at))
        .forEach(t -> out.printf("  %s  %-10s %-12s %s%n", TIME.format(t.at()), t.actorId(),
            t.kind(), t.text()));
  }

  /** Moves the engine clock on, so the timeline reads like a real morning. */
  private static void later(Duration amount) {
    EngineClock.advance(amount);
  }

  private void printClocks(ServiceLevelService levels, String number) {
    for (ClockStatus s : levels.clocks(DESK, number)) {
      SlaClock c = s.clock();
      out.printf("  SLA %-20s %-9s %s of %s (%d%%)%n", c.targetName(), c.state(),
          human(s.elapsed()), human(c.target()), s.percent());
      String steps = levels.history(DESK, c.id()).stream()
          .map(h -> h.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
              + TIME.format(h.at()) + (h.kind() == SlaClockEntry.Kind.PAUSED
                  || h.kind() == SlaClockEntry.Kind.WARNING ? " (" + h.detail().split(" of ")[0]
                  + ")" : ""))
          .collect(Collectors.joining(", "));
      out.println("      " + steps);
    }
  }

  private static String human(Duration d) {
    long minutes = d.toMinutes();
    return minutes >= 60 * 24 ? String.format("%dd%02dh", minutes / 1440, minutes % 1440 / 60)
        : minutes >= 60 ? String.format("%dh%02dm", minutes / 60, minutes % 60)
        : minutes + "m";
  }

  private void awaitEvents(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (slaEvents.size() < count && System.nanoTime() < deadline) {
      pause();
    }
  }

  private void say(String line) {
    out.println(line);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it up
    }
  }
}
