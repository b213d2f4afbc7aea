package dev.itsm.core.store.jdbc;

import dev.itsm.core.Actor;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.spi.Directory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Milestones;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.metrics.AgeBucket;
import dev.itsm.core.metrics.ChangeMetrics;
import dev.itsm.core.metrics.Figure;
import dev.itsm.core.metrics.IncidentMetrics;
import dev.itsm.core.metrics.ItemVolume;
import dev.itsm.core.metrics.Metrics;
import dev.itsm.core.metrics.MetricsQuery;
import dev.itsm.core.metrics.MetricsSection;
import dev.itsm.core.metrics.PriorityCompliance;
import dev.itsm.core.metrics.ProblemMetrics;
import dev.itsm.core.metrics.Ratio;
import dev.itsm.core.metrics.RequestMetrics;
import dev.itsm.core.metrics.ServiceLevelMetrics;
import dev.itsm.core.metrics.TargetCompliance;
import dev.itsm.core.metrics.WeeklyVolume;
import dev.itsm.core.metrics.internal.DefaultMetricsService;
import dev.itsm.core.metrics.internal.DefaultMetricsService.Practice;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemState;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.FulfilmentTask;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestApproval;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.testdb.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every KPI of the metrics service over {@link JdbcMetricsStore}, on H2 and on PostgreSQL, on a
 * hand-built data set inserted through the JDBC stores. The expected figures are worked out in the
 * comments next to each assertion.
 *
 * <p>Period: two ISO weeks, Mon 2026-03-02 00:00Z to Mon 2026-03-16 00:00Z; "now" (for at risk)
 * is the end of the period.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcMetricsStoreTest {

  private static final AccessGuard GUARD =
      new AccessGuard(RoleModel.standard(), Directory.NONE, Set.of("acme"));
  private static final Actor MANAGER = Actor.of("ina", "incident-managers");

  static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  static final Instant TO = Instant.parse("2026-03-16T00:00:00Z");
  static final MetricsQuery PERIOD = MetricsQuery.between(FROM, TO);

  private static ContractDatabase database;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  static Instant t(String isoNoZone) {
    return Instant.parse(isoNoZone + ":00Z");
  }

  @BeforeParameterizedClassInvocation
  static void createDatabase(TestDatabase kind) {
    database = new ContractDatabase(kind, "metrics");
    database.inTransaction(() -> {
      insertDataSet();
      return null;
    });
  }

  @AfterParameterizedClassInvocation
  static void dropDatabase() {
    database.close();
  }

  // ------------------------------------------------------------------------------ data set

  private static void insertDataSet() {
    var connections = database.connections();
    var incidents = new JdbcIncidentStore(connections);
    var audit = new JdbcAuditStore(connections);
    var clocks = new JdbcSlaClockStore(connections);
    var changes = new JdbcChangeStore(connections);
    var problems = new JdbcProblemStore(connections);
    var majors = new JdbcMajorIncidentStore(connections);
    var requests = new JdbcRequestStore(connections);

    // INC1 P1 network/net, opened 03-02 09:00, resolved 13:00; resolution clock 3 h business
    incidents.insert(incident("INC1", Priority.P1, "network", t("2026-03-02T09:00"))
        .state(IncidentState.RESOLVED).service("net").category("network")
        .milestones(ms(t("2026-03-02T09:00"), t("2026-03-02T13:00"), null)).build());
    audit.append(new AuditEntry("INC1", "desk", "incident.open", t("2026-03-02T09:00"),
        List.of(new FieldChange("assignmentGroup", null, "network"))));
    // INC2 P2, first service-desk then messaging (1 reassignment), reopened once, resolved after
    // 24 h wall-clock, no resolution clock
    incidents.insert(incident("INC2", Priority.P2, "messaging", t("2026-03-03T10:00"))
        .state(IncidentState.CLOSED).reassignmentCount(1).reopenCount(1)
        .milestones(ms(t("2026-03-03T10:00"), t("2026-03-04T10:00"), null)).build());
    audit.append(new AuditEntry("INC2", "desk", "incident.open", t("2026-03-03T10:00"),
        List.of(new FieldChange("assignmentGroup", null, "service-desk"))));
    audit.append(new AuditEntry("INC2", "desk", "incident.assign", t("2026-03-03T10:30"),
        List.of(new FieldChange("assignee", null, "x"),
            new FieldChange("assignmentGroup", "service-desk", "messaging"))));
    // INC3 P3 network, 08:00-10:00 on 03-09, resolution clock 1 h business, breached; its audit
    // trail has no group change (first group = current group)
    incidents.insert(incident("INC3", Priority.P3, "network", t("2026-03-09T08:00"))
        .state(IncidentState.RESOLVED)
        .milestones(ms(t("2026-03-09T08:00"), t("2026-03-09T10:00"), null)).build());
    // INC4 P3 network, opened 03-10 12:00, open, promoted to major 13:00
    incidents.insert(incident("INC4", Priority.P3, "network", t("2026-03-10T12:00"))
        .state(IncidentState.IN_PROGRESS).build());
    majors.insert(new MajorIncident("INC4", 1, "mia", "desk", t("2026-03-10T13:00"),
        Duration.ofMinutes(30), null, null, 0, 0, null, null, null, List.of()));
    // INC5 P4 desktop, opened 02-20 09:00 (before the period), open
    incidents.insert(incident("INC5", Priority.P4, "desktop", t("2026-02-20T09:00"))
        .state(IncidentState.ON_HOLD).build());
    // INC6 resolved before the period: counts nowhere
    incidents.insert(incident("INC6", Priority.P2, "desktop", t("2026-02-25T09:00"))
        .state(IncidentState.CLOSED)
        .milestones(ms(t("2026-02-25T09:00"), t("2026-02-27T09:00"), null)).build());
    // INC7 P5 opened 03-15 18:00, cancelled 19:00
    incidents.insert(incident("INC7", Priority.P5, "desktop", t("2026-03-15T18:00"))
        .state(IncidentState.CANCELLED)
        .milestones(ms(t("2026-03-15T18:00"), null, t("2026-03-15T19:00"))).build());
    // INC8 P1 network, opened 03-15 22:00, open
    incidents.insert(incident("INC8", Priority.P1, "network", t("2026-03-15T22:00")).build());

    // clocks
    clocks.insert(clock("C1", "INC1", "P1 response", TargetKind.RESPONSE, "P1", 15,
        SlaClockState.ACHIEVED, 10, null, null, t("2026-03-02T09:10")));
    clocks.insert(clock("C2", "INC1", "P1 resolution", TargetKind.RESOLUTION, "P1", 240,
        SlaClockState.ACHIEVED, 180, null, null, t("2026-03-02T13:00")));
    clocks.insert(clock("C3", "INC3", "P3 resolution", TargetKind.RESOLUTION, "P3", 30,
        SlaClockState.BREACHED, 60, null, t("2026-03-09T09:30"), t("2026-03-09T10:00")));
    // running since 20:00, 5 h target: 4 h = 80 % at now (03-16 00:00), >= 75 %: at risk
    clocks.insert(clock("C4", "INC4", "P3 resolution", TargetKind.RESOLUTION, "P3", 300,
        SlaClockState.RUNNING, 0, t("2026-03-15T20:00"), null, null));
    // paused at 7 h of 8 h: not at risk (not running)
    clocks.insert(clock("C5", "INC5", "P4 resolution", TargetKind.RESOLUTION, "P4", 480,
        SlaClockState.PAUSED, 420, null, null, null));
    // running and breached on 03-15: a breach in the period, not at risk (already breached)
    clocks.insert(clock("C6", "INC8", "P1 response", TargetKind.RESPONSE, "P1", 15,
        SlaClockState.BREACHED, 0, t("2026-03-15T22:00"), t("2026-03-15T22:15"), null));
    // cancelled: not in compliance
    clocks.insert(clock("C7", "INC7", "P5 response", TargetKind.RESPONSE, "P5", 60,
        SlaClockState.CANCELLED, 30, null, null, t("2026-03-15T19:00")));
    // a change's clock (no priority), met
    clocks.insert(new SlaClock("C8", "CHG1", "change", "Change authorization",
        TargetKind.RESPONSE, "NONE", null, "24x7", Duration.ofDays(2), List.of(50), 
        SlaClockState.ACHIEVED, t("2026-03-02T09:00"), Duration.ofDays(1), null, List.of(50),
        null, t("2026-03-03T09:00"), 1));
    // stopped before the period
    clocks.insert(clock("C9", "INC6", "P2 resolution", TargetKind.RESOLUTION, "P2", 480,
        SlaClockState.ACHIEVED, 60, null, null, t("2026-02-27T09:00")));

    // changes
    changes.insert(change("CHG1", ChangeType.NORMAL, t("2026-03-02T09:00"))
        .state(ChangeState.CLOSED).category("network").implementerGroup("network")
        .services(List.of("net")).problems(List.of("PRB6")).authorizedAt(t("2026-03-03T09:00"))
        .implementedAt(t("2026-03-05T09:00")).outcome(ChangeOutcome.SUCCESSFUL).build());
    changes.insert(change("CHG2", ChangeType.EMERGENCY, t("2026-03-09T09:00"))
        .state(ChangeState.REVIEW).authorizedAt(t("2026-03-09T10:00"))
        .plannedStart(t("2026-03-09T12:00")).plannedEnd(t("2026-03-09T14:00"))
        .freezeOverride("outage").implementedAt(t("2026-03-09T15:00"))
        .outcome(ChangeOutcome.FAILED).build());
    changes.insert(change("CHG3", ChangeType.STANDARD, t("2026-03-10T08:00"))
        .state(ChangeState.CLOSED).authorizedAt(t("2026-03-10T08:00"))
        .implementedAt(t("2026-03-10T10:00")).outcome(ChangeOutcome.SUCCESSFUL_WITH_ISSUES)
        .build());
    changes.insert(change("CHG4", ChangeType.NORMAL, t("2026-03-11T09:00"))
        .state(ChangeState.REJECTED).rejectedAt(t("2026-03-12T09:00")).build());
    changes.insert(change("CHG5", ChangeType.NORMAL, t("2026-02-10T09:00"))
        .state(ChangeState.CLOSED).authorizedAt(t("2026-02-12T09:00"))
        .implementedAt(t("2026-02-14T09:00")).outcome(ChangeOutcome.FAILED).build());
    changes.insert(change("CHG6", ChangeType.NORMAL, t("2026-03-12T09:00"))
        .state(ChangeState.AUTHORIZATION).build());

    // problems
    problems.insert(problem("PRB1", Priority.P2, t("2026-03-01T09:00"))
        .state(ProblemState.RESOLVED).service("net").category("network")
        .incidents(List.of("INC1")).fixChange("CHG1").resolvedAt(t("2026-03-12T09:00")).build());
    problems.insert(problem("PRB2", Priority.P3, t("2026-03-05T00:00"))
        .state(ProblemState.ROOT_CAUSE_ANALYSIS).build());
    problems.insert(problem("PRB3", Priority.P4, t("2026-02-01T00:00")).build());
    problems.insert(problem("PRB4", Priority.P3, t("2026-02-01T00:00"))
        .state(ProblemState.CLOSED).resolvedAt(t("2026-03-03T09:00"))
        .closedAt(t("2026-03-04T09:00")).build());
    problems.insert(problem("PRB5", Priority.P3, t("2026-02-01T00:00"))
        .state(ProblemState.CANCELLED).cancelledAt(t("2026-02-15T09:00")).build());
    // resolved in the period by the successful change CHG1, which lists it (no fix change)
    problems.insert(problem("PRB6", Priority.P3, t("2026-03-02T00:00"))
        .state(ProblemState.CLOSED).resolvedAt(t("2026-03-05T09:00"))
        .closedAt(t("2026-03-06T09:00")).build());
    problems.insertKnownError(new KnownError("KE1", "PRB2", "Disk fills", "log rotation",
        "clear spool", null, null, null, "pia", t("2026-03-06T09:00")));
    problems.insertKnownError(new KnownError("KE2", "PRB3", "Old one", "cause", "workaround",
        null, null, null, "pia", t("2026-02-20T09:00")));

    // catalog: laptop v1 "Laptop" and v2 "Standard laptop" (the newest name is reported),
    // access (group approval), mouse (no approval)
    requests.insertItem(item("laptop", 1, "Laptop", RequestApproval.manager()));
    requests.insertItem(item("laptop", 2, "Standard laptop", RequestApproval.manager()));
    requests.insertItem(item("access", 1, "System access",
        RequestApproval.group("security-owners")));
    requests.insertItem(item("mouse", 1, "Mouse", RequestApproval.none()));
    // REQ1 laptop v1: submitted 03-02 09:00, approved 11:00 (2 h), fulfilled 03-04 09:00 (48 h)
    requests.insert(request("REQ1", "laptop", 1, RequestState.FULFILLED, t("2026-03-02T09:00"))
        .approvedAt(t("2026-03-02T11:00")).fulfilledAt(t("2026-03-04T09:00")).build());
    // REQ2 laptop v2: submitted 03-10 09:00, rejected 03-11 09:00 (24 h)
    requests.insert(request("REQ2", "laptop", 2, RequestState.REJECTED, t("2026-03-10T09:00"))
        .rejectedAt(t("2026-03-11T09:00")).build());
    // REQ3 access: submitted 03-05 10:00, approved 11:00 (1 h), fulfilled 16:00 (6 h)
    requests.insert(request("REQ3", "access", 1, RequestState.CLOSED, t("2026-03-05T10:00"))
        .approvedAt(t("2026-03-05T11:00")).fulfilledAt(t("2026-03-05T16:00"))
        .closedAt(t("2026-03-06T10:00")).build());
    // REQ4 mouse, no approval: submitted 03-06 08:00, fulfilled 12:00 (4 h)
    requests.insert(request("REQ4", "mouse", 1, RequestState.FULFILLED, t("2026-03-06T08:00"))
        .fulfilledAt(t("2026-03-06T12:00")).build());
    // REQ5 laptop v1: submitted 02-27 09:00 (before the period), approved 03-02 09:00 (72 h, in
    // the period), fulfilled 03-16 09:00 (after it)
    requests.insert(request("REQ5", "laptop", 1, RequestState.FULFILLED, t("2026-02-27T09:00"))
        .approvedAt(t("2026-03-02T09:00")).fulfilledAt(t("2026-03-16T09:00")).build());
    // REQ6 access: submitted 03-15 20:00, still awaiting approval
    requests.insert(request("REQ6", "access", 1, RequestState.AWAITING_APPROVAL,
        t("2026-03-15T20:00")).build());
    // REQ7 mouse: submitted and fulfilled before the period: counts nowhere
    requests.insert(request("REQ7", "mouse", 1, RequestState.CLOSED, t("2026-02-20T09:00"))
        .fulfilledAt(t("2026-02-21T09:00")).closedAt(t("2026-02-22T09:00")).build());
    // REQ8 access: submitted 03-12 09:00, cancelled 10:00 while awaiting approval (no decision)
    requests.insert(request("REQ8", "access", 1, RequestState.CANCELLED, t("2026-03-12T09:00"))
        .cancelledAt(t("2026-03-12T10:00")).build());
  }

  private static CatalogItem item(String id, int version, String name,
      RequestApproval approval) {
    return CatalogItem.builder(id).name(name).approval(approval)
        .sequential(FulfilmentTask.of("Deliver", "desktop-support")).version(version)
        .defined(t("2026-01-01T00:00"), "cathy").build();
  }

  /** A request with the approval of its item: laptop by mia, access by a group, mouse none. */
  private static Request.Builder request(String number, String item, int version,
      RequestState state, Instant submittedAt) {
    RequestApproval.Kind kind = switch (item) {
      case "laptop" -> RequestApproval.Kind.MANAGER;
      case "access" -> RequestApproval.Kind.GROUP;
      default -> RequestApproval.Kind.NONE;
    };
    return Request.builder().number(number).version(1).state(state).item(item)
        .itemVersion(version).itemName(item).requestedBy("carol").requestedFor("carol")
        .quantity(1).approvalKind(kind)
        .approver(kind == RequestApproval.Kind.MANAGER ? "mia" : null)
        .approverGroup(kind == RequestApproval.Kind.GROUP ? "security-owners" : null)
        .eligibleApprovers(kind == RequestApproval.Kind.NONE ? 0 : 1).submittedAt(submittedAt);
  }

  private static Incident.Builder incident(String number, Priority p, String group,
      Instant openedAt) {
    return Incident.builder().number(number).version(1).state(IncidentState.NEW)
        .title("Incident " + number).caller("bob").channel(Channel.EMAIL).impact(Impact.LOW)
        .urgency(Urgency.LOW).priority(p).assignmentGroup(group)
        .milestones(ms(openedAt, null, null));
  }

  private static Milestones ms(Instant opened, Instant resolved, Instant cancelled) {
    return new Milestones(opened, null, null, resolved, null, cancelled, null, null, null, null);
  }

  private static SlaClock clock(String id, String record, String target, TargetKind kind,
      String priority, long targetMinutes, SlaClockState state, long accumulatedMinutes,
      Instant runningSince, Instant breachedAt, Instant stoppedAt) {
    return new SlaClock(id, record, "incident", target, kind, priority, null, "24x7",
        Duration.ofMinutes(targetMinutes), List.of(50, 75, 90), state, t("2026-03-01T00:00"),
        Duration.ofMinutes(accumulatedMinutes), runningSince, List.of(), breachedAt, stoppedAt,
        1);
  }

  private static Change.Builder change(String number, ChangeType type, Instant createdAt) {
    return Change.builder().number(number).version(1).type(type).state(ChangeState.ASSESSMENT)
        .title("Change " + number).requester("rita").createdAt(createdAt);
  }

  private static Problem.Builder problem(String number, Priority p, Instant createdAt) {
    return Problem.builder().number(number).version(1).state(ProblemState.NEW)
        .title("Problem " + number).priority(p).createdBy("pia").createdAt(createdAt);
  }

  // --------------------------------------------------------------------------------- helpers

  private static DefaultMetricsService service(Set<Practice> practices) {
    Transactions tx = database.transactions();
    return new DefaultMetricsService(new JdbcMetricsStore(database.connections()), tx,
        Clock.fixed(TO, ZoneOffset.UTC), ServiceLevels.defaults(), practices,
        List.of(q -> new MetricsSection() {
          @Override
          public String practice() {
            return "Other practice (stub)";
          }

          @Override
          public List<Figure> figures() {
            return List.of(new Figure("Requests", "0", "stub"));
          }
        }), GUARD);
  }

  private static Metrics all(MetricsQuery q) {
    return service(EnumSet.allOf(Practice.class)).compute(MANAGER, q);
  }

  private static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  // ---------------------------------------------------------------------------------- tests

  @Test
  void incidentKpis() {
    IncidentMetrics m = all(PERIOD).incidents().orElseThrow();
    // opened in the period: INC1, INC2, INC3, INC4, INC7, INC8 (INC5 and INC6 before it)
    assertThat(m.opened()).isEqualTo(6);
    // resolved in the period: INC1, INC2, INC3
    assertThat(m.resolved()).isEqualTo(3);
    // INC1 3 h (clock C2), INC2 24 h (no clock: wall-clock), INC3 1 h (clock C3): 28 h / 3
    assertThat(m.mttrMean()).isEqualTo(Duration.ofMinutes(28 * 60 / 3));
    // nearest rank ceil(0.9 × 3) = 3rd smallest = 24 h
    assertThat(m.mttrP90()).isEqualTo(h(24));
    // INC1 first group network (null -> network) = current; INC2 service-desk != messaging;
    // INC3 no group change in its trail: first = current
    assertThat(m.firstGroupResolution()).isEqualTo(new Ratio(2, 3));
    // INC2 only
    assertThat(m.reassignment()).isEqualTo(new Ratio(1, 3));
    assertThat(m.reopen()).isEqualTo(new Ratio(1, 3));
    // open at 03-16 00:00: INC4 (5 d 12 h), INC5 (24 d 15 h), INC8 (2 h); INC7 cancelled
    assertThat(m.backlog()).isEqualTo(3);
    assertThat(m.backlogAge()).extracting(AgeBucket::count).containsExactly(1L, 0L, 1L, 1L, 0L);
    // INC4 promoted on 03-10
    assertThat(m.majorIncidents()).hasValue(1);
    // week of 03-02: opened INC1, INC2, resolved INC1, INC2; week of 03-09: opened INC3, INC4,
    // INC7, INC8, resolved INC3
    assertThat(m.weekly()).containsExactly(
        new WeeklyVolume(LocalDate.parse("2026-03-02"), 2, 2),
        new WeeklyVolume(LocalDate.parse("2026-03-09"), 4, 1));
  }

  @Test
  void incidentKpisPerGroupAndPriority() {
    IncidentMetrics network = all(PERIOD.assignmentGroup("network")).incidents().orElseThrow();
    // INC1, INC3, INC4, INC8 opened; INC1 (3 h) and INC3 (1 h) resolved: mean 2 h, p90 3 h
    assertThat(network.opened()).isEqualTo(4);
    assertThat(network.resolved()).isEqualTo(2);
    assertThat(network.mttrMean()).isEqualTo(h(2));
    assertThat(network.mttrP90()).isEqualTo(h(3));
    assertThat(network.backlog()).isEqualTo(2); // INC4, INC8
    assertThat(network.majorIncidents()).hasValue(1);

    IncidentMetrics p3 = all(PERIOD.priority(Priority.P3)).incidents().orElseThrow();
    assertThat(p3.opened()).isEqualTo(2); // INC3, INC4
    assertThat(p3.resolved()).isEqualTo(1); // INC3
    assertThat(p3.mttrMean()).isEqualTo(h(1));

    IncidentMetrics net = all(PERIOD.service("net")).incidents().orElseThrow();
    assertThat(net.opened()).isEqualTo(1); // INC1
    assertThat(net.majorIncidents()).hasValue(0);
  }

  @Test
  void serviceLevelKpis() {
    ServiceLevelMetrics m = all(PERIOD).serviceLevels().orElseThrow();
    // stopped in the period, not cancelled: C1 met, C2 met, C3 breached, C8 met (C7 cancelled,
    // C9 before the period, C4 C5 C6 still running or paused)
    assertThat(m.overall()).isEqualTo(new Ratio(3, 4));
    assertThat(m.byPriority()).containsExactly(
        new PriorityCompliance("P1", new Ratio(2, 2)),
        new PriorityCompliance("P3", new Ratio(0, 1)),
        new PriorityCompliance("NONE", new Ratio(1, 1)));
    assertThat(m.targets()).containsExactly(
        new TargetCompliance("Change authorization", TargetKind.RESPONSE, "NONE",
            new Ratio(1, 1)),
        new TargetCompliance("P1 resolution", TargetKind.RESOLUTION, "P1", new Ratio(1, 1)),
        new TargetCompliance("P1 response", TargetKind.RESPONSE, "P1", new Ratio(1, 1)),
        new TargetCompliance("P3 resolution", TargetKind.RESOLUTION, "P3", new Ratio(0, 1)));
    // breached in the period: C3 (03-09), C6 (03-15, still running)
    assertThat(m.breaches()).isEqualTo(2);
    // C4: 4 h of 5 h = 80 % >= 75 %; C5 paused; C6 breached
    assertThat(m.atRiskNow()).isEqualTo(1);
    assertThat(all(PERIOD.atRiskPercent(81)).serviceLevels().orElseThrow().atRiskNow())
        .isZero();
  }

  @Test
  void serviceLevelKpisFilteredThroughTheIncident() {
    ServiceLevelMetrics m = all(PERIOD.assignmentGroup("network")).serviceLevels().orElseThrow();
    // incidents of network: INC1 (C1, C2 met), INC3 (C3 breached); the change clock C8 drops
    assertThat(m.overall()).isEqualTo(new Ratio(2, 3));
    assertThat(m.breaches()).isEqualTo(2); // C3, C6 (INC8)
    ServiceLevelMetrics p1 = all(PERIOD.priority(Priority.P1)).serviceLevels().orElseThrow();
    assertThat(p1.overall()).isEqualTo(new Ratio(2, 2)); // C1, C2
  }

  @Test
  void changeKpis() {
    ChangeMetrics m = all(PERIOD).changes().orElseThrow();
    // implemented in the period: CHG1 successful, CHG2 failed, CHG3 with issues (CHG5 before)
    assertThat(m.successful()).isEqualTo(1);
    assertThat(m.successfulWithIssues()).isEqualTo(1);
    assertThat(m.failed()).isEqualTo(1);
    assertThat(m.success()).isEqualTo(new Ratio(2, 3));
    // created in the period: CHG1, CHG2, CHG3, CHG4, CHG6; emergency: CHG2
    assertThat(m.emergency()).isEqualTo(new Ratio(1, 5));
    // lead times 72 h (CHG1), 6 h (CHG2), 2 h (CHG3): 80 h / 3 = 26 h 40 min
    assertThat(m.meanLeadTime()).isEqualTo(h(26).plusMinutes(40));
    // CHG2 planned into a freeze window on 03-09
    assertThat(m.inFreezeWindow()).isEqualTo(1);
    // decided, standard excluded: CHG1, CHG2 authorized, CHG4 rejected
    assertThat(m.rejected()).isEqualTo(new Ratio(1, 3));

    ChangeMetrics net = all(PERIOD.service("net")).changes().orElseThrow();
    assertThat(net.success()).isEqualTo(new Ratio(1, 1)); // CHG1 only
    assertThat(net.emergency()).isEqualTo(new Ratio(0, 1));
  }

  @Test
  void problemKpis() {
    ProblemMetrics m = all(PERIOD).problems().orElseThrow();
    // open at 03-16: PRB2 (11 d), PRB3 (43 d); PRB1, PRB4, PRB6 resolved, PRB5 cancelled
    assertThat(m.open()).isEqualTo(2);
    assertThat(m.meanOpenAge()).isEqualTo(Duration.ofDays(27));
    assertThat(m.oldestOpenAge()).isEqualTo(Duration.ofDays(43));
    // of the 6 incidents opened in the period, INC1 is linked to PRB1
    assertThat(m.incidentsLinked()).isEqualTo(new Ratio(1, 6));
    // KE1 on 03-06 (KE2 before the period)
    assertThat(m.knownErrorsPublished()).isEqualTo(1);
    // resolved in the period: PRB1 (fix change CHG1), PRB4 (none), PRB6 (listed by CHG1, which
    // succeeded)
    assertThat(m.resolvedByChange()).isEqualTo(new Ratio(2, 3));

    ProblemMetrics p3 = all(PERIOD.priority(Priority.P3)).problems().orElseThrow();
    assertThat(p3.open()).isEqualTo(1); // PRB2
    assertThat(p3.knownErrorsPublished()).isEqualTo(1); // KE1 of PRB2 (P3)
  }

  @Test
  void requestKpis() {
    RequestMetrics m = all(PERIOD).requests().orElseThrow();
    // submitted in the period: access REQ3, REQ6, REQ8; laptop REQ1, REQ2 (v1 and v2 together,
    // named after v2); mouse REQ4 (REQ5 and REQ7 before the period)
    assertThat(m.volumeByItem()).containsExactly(
        new ItemVolume("access", "System access", 3),
        new ItemVolume("laptop", "Standard laptop", 2),
        new ItemVolume("mouse", "Mouse", 1));
    assertThat(m.submitted()).isEqualTo(6);
    // fulfilled in the period: REQ1 48 h, REQ3 6 h, REQ4 4 h (REQ5 after, REQ7 before):
    // 58 h / 3 = 19 h 20 min
    assertThat(m.fulfilled()).isEqualTo(3);
    assertThat(m.meanFulfilmentTime()).isEqualTo(h(19).plusMinutes(20));
    // decided in the period, with approval: REQ1 2 h, REQ2 24 h (rejected), REQ3 1 h, REQ5 72 h
    // (submitted before the period); REQ4 has no approval, REQ6 and REQ8 no decision:
    // 99 h / 4 = 24 h 45 min
    assertThat(m.decided()).isEqualTo(4);
    assertThat(m.meanApprovalTurnaround()).isEqualTo(h(24).plusMinutes(45));
    assertThat(m.rejected()).isEqualTo(new Ratio(1, 4));
    assertThat(m.figures()).extracting(Figure::name).contains(
        "Submitted: Standard laptop (laptop)", "Mean fulfilment time", "Approval turnaround",
        "Rejected share");
    // no filter dimension applies to requests
    assertThat(all(PERIOD.category("network").assignmentGroup("network").service("net")
        .priority(Priority.P1)).requests()).contains(m);
    // a week: 03-09 to 03-16: submitted REQ2 (laptop), REQ6, REQ8 (access); nothing fulfilled;
    // decided REQ2 (rejected, 24 h)
    RequestMetrics week = all(MetricsQuery.between(t("2026-03-09T00:00"), TO)).requests()
        .orElseThrow();
    assertThat(week.volumeByItem()).containsExactly(new ItemVolume("access", "System access", 2),
        new ItemVolume("laptop", "Standard laptop", 1));
    assertThat(week.meanFulfilmentTime()).isNull();
    assertThat(week.meanApprovalTurnaround()).isEqualTo(h(24));
    assertThat(week.rejected()).isEqualTo(new Ratio(1, 1));
  }

  @Test
  void metricsNeedThePermissionAndCountOnlyTheActorsTenant() {
    DefaultMetricsService service = service(EnumSet.allOf(Practice.class));
    assertThatThrownBy(() -> service.compute(Actor.of("dana", "service-desk"), PERIOD))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.permission()).isEqualTo(Permission.METRICS_READ));
    Metrics acme = service.compute(MANAGER.inTenant("acme"), PERIOD);
    assertThat(acme.incidents().orElseThrow().opened()).isZero();
    assertThat(acme.changes().orElseThrow().figures()).isNotEmpty();
    assertThat(acme.requests().orElseThrow().submitted()).isZero();
    assertThat(service.compute(MANAGER, PERIOD).incidents().orElseThrow().opened()).isEqualTo(6);
  }

  @Test
  void practicesNotDeployedAreAbsent() {
    Metrics m = service(EnumSet.of(Practice.INCIDENT)).compute(MANAGER, PERIOD);
    assertThat(m.changes()).isEmpty();
    assertThat(m.problems()).isEmpty();
    assertThat(m.requests()).isEmpty();
    assertThat(m.incidents().orElseThrow().majorIncidents()).isEmpty();
    assertThat(m.sections()).extracting(MetricsSection::practice).containsExactly(
        "Incident management", "Service level management", "Other practice (stub)");
    assertThat(m.incidents().orElseThrow().figures()).extracting(Figure::name)
        .doesNotContain("Major incidents");
  }

  @Test
  void anEmptyPeriodGivesZerosAndNoDurations() {
    Metrics m = all(MetricsQuery.between(t("2020-01-01T00:00"), t("2020-01-08T00:00")));
    IncidentMetrics i = m.incidents().orElseThrow();
    assertThat(i.opened()).isZero();
    assertThat(i.mttrMean()).isNull();
    assertThat(i.reopen()).isEqualTo(new Ratio(0, 0));
    assertThat(i.reopen().percent()).isNaN();
    assertThat(m.changes().orElseThrow().meanLeadTime()).isNull();
    assertThat(m.requests().orElseThrow().volumeByItem()).isEmpty();
    assertThat(m.requests().orElseThrow().meanFulfilmentTime()).isNull();
    assertThat(m.requests().orElseThrow().rejected()).isEqualTo(new Ratio(0, 0));
    assertThat(m.sections()).allSatisfy(s -> assertThat(s.figures()).isNotEmpty());
  }
}
