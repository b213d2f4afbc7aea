package dev.itsm.bpmn.cluster;

import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.sla.ClockStatus;
import dev.itsm.core.testdb.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Checks of the cluster tests on what the nodes left in the database, against their journals.
 * Each check adds what it finds wrong to {@link #problems()} instead of stopping at the first, so
 * that one failed run shows everything. Reads through a checking engine without job executor on
 * the same database (API, Camunda runtime and history) and through plain JDBC.
 */
final class ClusterChecks {

  static final String INCIDENT_PROCESS = "itsm-incident";
  static final String CLOCK_PROCESS = "itsm-sla-clock";
  private static final String CONFLICT = ConcurrentModificationException.class.getName();

  private final ItsmEngine engine;
  private final ScratchDatabase db;
  private final List<Journal.Entry> journal;
  private final Set<String> killedNodes;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Long> stats = new TreeMap<>();

  /** Calls of killed nodes that were under way at the kill (BEGIN without outcome). */
  private final List<Journal.Entry> inFlight = new ArrayList<>();
  private final Map<String, Row> rows = new TreeMap<>();
  private final Map<String, List<Audit>> audit = new HashMap<>();
  private final Map<String, List<Clock>> clocks = new HashMap<>();
  private final Map<String, List<String>> clockHistory = new HashMap<>();

  record Row(String number, String title, String state, long version, String group,
      String assignee, String priority, boolean acknowledged, boolean responseBreached,
      boolean resolutionBreached) {}

  record Audit(String actor, String operation) {}

  record Clock(String id, String number, String kind, String state, String fired,
      boolean breached, boolean stopped) {}

  /**
   * @param engine a checking engine on the cluster's database (job executor off)
   * @param db the cluster's database
   * @param journal the lines of every journal (nodes and test)
   * @param killedNodes nodes killed during the test: their last call of each worker may be
   *     without outcome
   */
  ClusterChecks(ItsmEngine engine, ScratchDatabase db, List<Journal.Entry> journal,
      Set<String> killedNodes) {
    this.engine = engine;
    this.db = db;
    this.journal = journal;
    this.killedNodes = killedNodes;
    load();
  }

  List<String> problems() {
    return problems;
  }

  Map<String, Long> stats() {
    return stats;
  }

  List<Journal.Entry> inFlight() {
    return inFlight;
  }

  Map<String, Row> rows() {
    return rows;
  }

  private void problem(String text) {
    problems.add(text);
  }

  private void count(String stat, long n) {
    stats.merge(stat, n, Long::sum);
  }

  // ------------------------------------------------------------------------------ reading

  private void load() {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT record_number, title, state, row_version,"
          + " assignment_group, assignee, priority, acknowledged_at, response_breached_at,"
          + " resolution_breached_at FROM itsm_incident")) {
        while (rs.next()) {
          Row r = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8) != null,
              rs.getObject(9) != null, rs.getObject(10) != null);
          if (rows.put(r.number(), r) != null) {
            problem("two rows numbered " + r.number());
          }
        }
      }
      try (ResultSet rs = s.executeQuery(
          "SELECT record_number, actor_id, operation FROM itsm_audit ORDER BY id")) {
        while (rs.next()) {
          audit.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new Audit(rs.getString(2), rs.getString(3)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, record_number, kind, state, fired_percents,"
          + " breached_at, stopped_at FROM itsm_sla_clock")) {
        while (rs.next()) {
          Clock k = new Clock(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getObject(6) != null, rs.getObject(7) != null);
          clocks.computeIfAbsent(k.number(), n -> new ArrayList<>()).add(k);
        }
      }
      try (ResultSet rs = s.executeQuery(
          "SELECT clock_id, kind, detail FROM itsm_sla_history ORDER BY id")) {
        while (rs.next()) {
          String kind = rs.getString(2);
          String detail = rs.getString(3);
          if (kind.equals("WARNING") || kind.equals("BREACHED")) {
            clockHistory.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(kind + " " + detail.substring(0, detail.indexOf('%')));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the cluster's database failed", e);
    }
    count("incidents", rows.size());
  }

  private List<Journal.Entry> outcomes(String kind) {
    return journal.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  // ------------------------------------------------------------------------------ checks

  /**
   * Every call ended (or, on a killed node, was the last call of its worker) and every failure is
   * the typed, retryable conflict.
   */
  void everyCallSucceededOrFailedWithARetryableConflict() {
    Map<String, Journal.Entry> begun = new LinkedHashMap<>();
    Map<String, Journal.Entry> ended = new HashMap<>();
    for (Journal.Entry e : journal) {
      switch (e.kind()) {
        case "BEGIN" -> begun.put(e.call(), e);
        case "OK", "FAIL" -> {
          if (!begun.containsKey(e.call())) {
            problem("outcome without BEGIN: " + e);
          }
          if (ended.put(e.call(), e) != null) {
            problem("two outcomes of one call: " + e);
          }
        }
        case "CTRL" -> {
          if (e.op().equals("BARRIER-TIMEOUT") || e.op().equals("ERROR")) {
            problem("node " + e.node() + ": " + e);
          }
        }
        default -> { }
      }
    }
    Map<String, Journal.Entry> lastOfWorker = new HashMap<>();
    begun.values().forEach(b -> lastOfWorker.merge(b.node() + "/" + b.worker(), b,
        (x, y) -> x.seq() > y.seq() ? x : y));
    for (Journal.Entry b : begun.values()) {
      if (ended.containsKey(b.call())) {
        continue;
      }
      if (killedNodes.contains(b.node()) && lastOfWorker.get(b.node() + "/" + b.worker()) == b) {
        inFlight.add(b);
      } else {
        problem("call without outcome: " + b);
      }
    }
    for (Journal.Entry f : outcomes("FAIL")) {
      if (!f.exception().equals(CONFLICT) || !f.code().equals("ITSM-CONFLICT")
          || !f.retryable()) {
        problem("a call failed with something else than a retryable conflict: " + f);
      }
    }
    count("calls acknowledged", outcomes("OK").size());
    count("calls failed with a retryable conflict", outcomes("FAIL").size());
    count("calls in flight at a kill", inFlight.size());
  }

  /**
   * Exactly the incidents whose opening was acknowledged exist (plus those whose opening was in
   * flight at a kill and committed), each once.
   */
  void noIncidentLostOrDuplicated() {
    Map<String, String> opened = new HashMap<>(); // number -> token
    for (Journal.Entry ok : outcomes("OK")) {
      if (ok.op().equals("open") && opened.put(ok.number(), ok.detail()) != null) {
        problem("two acknowledged openings returned " + ok.number());
      }
    }
    Set<String> inFlightTokens = inFlight.stream().filter(e -> e.op().equals("open"))
        .map(Journal.Entry::detail).collect(Collectors.toSet());
    for (String number : opened.keySet()) {
      if (!rows.containsKey(number)) {
        problem("acknowledged opening of " + number + " (" + opened.get(number) + ") is lost");
      }
    }
    Map<String, List<Row>> byTitle = rows.values().stream()
        .collect(Collectors.groupingBy(Row::title));
    byTitle.forEach((title, same) -> {
      if (same.size() > 1) {
        problem("one opening, several incidents: " + same);
      }
    });
    for (Row r : rows.values()) {
      String token = ClusterFixture.token(r.title());
      if (opened.containsKey(r.number())) {
        if (!Objects.equals(opened.get(r.number()), token)) {
          problem(r.number() + " has title " + r.title() + " but was opened as "
              + opened.get(r.number()));
        }
      } else if (token != null && inFlightTokens.contains(token)) {
        count("openings in flight at a kill that committed", 1);
      } else {
        problem(r.number() + " (" + r.title() + ") exists but no journal opened it");
      }
    }
  }

  /**
   * Every acknowledged call's effect is there, once: each incident's audit trail has exactly the
   * acknowledged calls in version order (plus at most the call in flight at a kill), the version
   * counts every stored change, and the state is the acknowledged one unless a timer changed it
   * since.
   */
  void everyAcknowledgedChangeIsStoredOnce() {
    Map<String, List<Journal.Entry>> oks = outcomes("OK").stream()
        .collect(Collectors.groupingBy(Journal.Entry::number));
    Map<String, List<Journal.Entry>> flying = new HashMap<>();
    for (Journal.Entry b : inFlight) {
      String number = b.op().equals("open") ? rows.values().stream()
          .filter(r -> b.detail().equals(ClusterFixture.token(r.title()))).map(Row::number)
          .findFirst().orElse(null) : b.number();
      if (number != null) {
        flying.computeIfAbsent(number, k -> new ArrayList<>()).add(b);
      }
    }
    for (Row r : rows.values()) {
      List<Audit> trail = audit.getOrDefault(r.number(), List.of());
      long changes = trail.stream().filter(a -> !a.operation().equals("incident.addWorkNote"))
          .count();
      if (changes != r.version()) {
        problem(r.number() + " has version " + r.version() + " but " + changes
            + " stored changes in its audit trail " + trail);
      }
      List<Journal.Entry> acked = new ArrayList<>(oks.getOrDefault(r.number(), List.of()));
      acked.sort(Comparator.comparingLong(Journal.Entry::version));
      Set<Long> versions = new HashSet<>();
      for (Journal.Entry ok : acked) {
        if (!versions.add(ok.version())) {
          problem(r.number() + ": two acknowledged calls returned version " + ok.version()
              + " (lost update): " + acked);
        }
        if (ok.version() > r.version()) {
          problem(r.number() + ": acknowledged " + ok + " but the record is only at version "
              + r.version());
        }
      }
      if (!acked.isEmpty()) {
        Journal.Entry last = acked.get(acked.size() - 1);
        if (last.version() == r.version() && !last.state().equals(r.state())) {
          problem(r.number() + ": acknowledged " + last + " but the record is " + r.state());
        }
      }
      List<String> userOps = trail.stream().filter(a -> !a.actor().equals("system"))
          .map(Audit::operation).filter(op -> !op.equals("incident.addWorkNote")).toList();
      List<String> ackedOps = acked.stream().map(e -> "incident." + e.op()).toList();
      List<Journal.Entry> mayHave = flying.getOrDefault(r.number(), List.of());
      boolean matches = userOps.equals(ackedOps) || mayHave.stream().anyMatch(b -> {
        List<String> with = new ArrayList<>(ackedOps);
        with.add("incident." + b.op());
        return userOps.equals(with);
      });
      if (!matches) {
        problem(r.number() + ": audit trail has calls " + userOps + " but the journals"
            + " acknowledged " + ackedOps + (mayHave.isEmpty() ? "" : " (in flight: " + mayHave
            + ")"));
      }
      if (!mayHave.isEmpty() && userOps.size() > ackedOps.size()) {
        count("calls in flight at a kill that committed", 1);
      }
    }
  }

  /**
   * No half-done change: each incident's process is where its state says (the waiting activity,
   * the task's groups and assignee, the group variable), ended processes end at the matching end
   * event, and each clock has a running process exactly while it is not stopped.
   */
  void recordStateMatchesProcessState() {
    RuntimeService runtime = engine.processEngine().getRuntimeService();
    HistoryService history = engine.processEngine().getHistoryService();
    TaskService tasks = engine.processEngine().getTaskService();
    for (Row r : rows.values()) {
      List<ProcessInstance> running = runtime.createProcessInstanceQuery()
          .processDefinitionKey(INCIDENT_PROCESS).processInstanceBusinessKey(r.number()).list();
      List<HistoricProcessInstance> all = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(INCIDENT_PROCESS).processInstanceBusinessKey(r.number()).list();
      if (all.size() != 1) {
        problem(r.number() + " (" + r.state() + ") has " + all.size() + " process instances");
        continue;
      }
      String pid = all.get(0).getId();
      String trail = audit.getOrDefault(r.number(), List.of()).stream()
          .map(Audit::operation).toList().toString();
      switch (r.state()) {
        case "CLOSED", "CANCELLED" -> {
          if (!running.isEmpty() || all.get(0).getEndTime() == null) {
            problem(r.number() + " is " + r.state() + " but its process is still running");
            continue;
          }
          boolean auto = trail.contains("incident.closeAutomatically");
          String end = r.state().equals("CANCELLED") ? "EndEvent_IncidentCancelled"
              : auto ? "EndEvent_IncidentClosedAutomatically" : "EndEvent_IncidentClosed";
          long reached = history.createHistoricActivityInstanceQuery().processInstanceId(pid)
              .activityId(end).count();
          if (reached != 1) {
            problem(r.number() + " is " + r.state() + " " + trail + " but its process did not"
                + " end at " + end);
          }
        }
        default -> {
          if (running.size() != 1) {
            problem(r.number() + " is " + r.state() + " but its process has ended");
            continue;
          }
          String expected = switch (r.state()) {
            case "NEW" -> "Task_TriageIncident";
            case "IN_PROGRESS" -> "Task_ResolveIncident";
            case "ON_HOLD" -> "Event_Resumed";
            case "RESOLVED" -> "Gateway_AwaitConfirmation";
            default -> "?";
          };
          Set<String> waiting = waitingActivities(runtime.getActivityInstance(pid));
          if (!waiting.equals(Set.of(expected))) {
            problem(r.number() + " is " + r.state() + " but its process waits at " + waiting);
          }
          Object group = runtime.getVariable(pid, "assignmentGroup");
          if (!Objects.equals(group, r.group())) {
            problem(r.number() + " is assigned to " + r.group() + " but its process says "
                + group);
          }
          for (Task t : tasks.createTaskQuery().processInstanceId(pid).list()) {
            if (!Objects.equals(t.getAssignee(), r.assignee())) {
              problem(r.number() + " has assignee " + r.assignee() + " but task "
                  + t.getTaskDefinitionKey() + " has " + t.getAssignee());
            }
            if (t.getTaskDefinitionKey().equals("Task_ResolveIncident")) {
              Set<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                  .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                  .map(IdentityLink::getGroupId).filter(Objects::nonNull)
                  .collect(Collectors.toSet());
              if (!groups.equals(Set.of(r.group()))) {
                problem(r.number() + " is assigned to " + r.group()
                    + " but its resolve task's candidate groups are " + groups);
              }
            }
          }
        }
      }
      clocksMatchRecord(r);
    }
    Map<String, Long> clockProcesses = runtime.createProcessInstanceQuery()
        .processDefinitionKey(CLOCK_PROCESS).list().stream()
        .collect(Collectors.groupingBy(ProcessInstance::getBusinessKey, Collectors.counting()));
    Set<String> clockIds = clocks.values().stream().flatMap(Collection::stream).map(Clock::id)
        .collect(Collectors.toSet());
    clockProcesses.keySet().stream().filter(k -> !clockIds.contains(k))
        .forEach(k -> problem("a clock process runs for no clock: " + k));
    for (List<Clock> list : clocks.values()) {
      for (Clock k : list) {
        long n = clockProcesses.getOrDefault(k.id(), 0L);
        if (n != (k.stopped() ? 0 : 1)) {
          problem("clock " + k + " has " + n + " running processes");
        }
      }
    }
  }

  private void clocksMatchRecord(Row r) {
    List<Clock> own = clocks.getOrDefault(r.number(), List.of());
    Map<String, List<Clock>> byKind = own.stream().collect(Collectors.groupingBy(Clock::kind));
    if (!r.priority().equals("P2")) {
      if (!own.isEmpty()) {
        problem(r.number() + " is " + r.priority() + " (no targets) but has clocks " + own);
      }
      return;
    }
    if (byKind.getOrDefault("RESPONSE", List.of()).size() != 1
        || byKind.getOrDefault("RESOLUTION", List.of()).size() != 1 || own.size() != 2) {
      problem(r.number() + " should have one response and one resolution clock: " + own);
      return;
    }
    Clock response = byKind.get("RESPONSE").get(0);
    Clock resolution = byKind.get("RESOLUTION").get(0);
    boolean terminal = r.state().equals("CLOSED") || r.state().equals("CANCELLED");
    if (response.stopped() != (r.acknowledged() || terminal)) {
      problem(r.number() + " is " + r.state() + (r.acknowledged() ? " (acknowledged)" : "")
          + " but its response clock is " + response);
    }
    boolean resolvedOrLater = terminal || r.state().equals("RESOLVED");
    if (resolution.stopped() != resolvedOrLater) {
      problem(r.number() + " is " + r.state() + " but its resolution clock is " + resolution);
    }
  }

  private static Set<String> waitingActivities(ActivityInstance root) {
    Set<String> leaves = new TreeSet<>();
    if (root == null) {
      return leaves;
    }
    collect(root, leaves, true);
    return leaves;
  }

  private static void collect(ActivityInstance a, Set<String> leaves, boolean root) {
    if (!root && a.getChildActivityInstances().length == 0
        && a.getChildTransitionInstances().length == 0) {
      leaves.add(a.getActivityId());
    }
    for (ActivityInstance child : a.getChildActivityInstances()) {
      collect(child, leaves, false);
    }
    for (TransitionInstance t : a.getChildTransitionInstances()) {
      leaves.add("transition:" + t.getActivityId());
    }
  }

  /**
   * Every timer fired at most once: each threshold of a clock once in its history and in its
   * fired percents, a breach once and only with the breach on the record, an incident closed
   * once (by a user or by its auto-close timer).
   */
  void everyTimerFiredAtMostOnce() {
    for (List<Clock> list : clocks.values()) {
      for (Clock k : list) {
        List<String> fired = k.fired().isBlank() ? List.of()
            : Arrays.asList(k.fired().split(","));
        if (new HashSet<>(fired).size() != fired.size()) {
          problem("clock " + k + " fired a threshold twice: " + fired);
        }
        List<String> events = clockHistory.getOrDefault(k.id(), List.of());
        Map<String, Long> perThreshold = events.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        perThreshold.forEach((t, n) -> {
          if (n > 1) {
            problem("clock " + k + " has " + n + " history entries " + t);
          }
        });
        Set<String> fromHistory = events.stream().map(e -> e.substring(e.indexOf(' ') + 1))
            .collect(Collectors.toCollection(TreeSet::new));
        if (!fromHistory.equals(new TreeSet<>(fired))) {
          problem("clock " + k + " fired " + fired + " but its history says " + events);
        }
        if (events.contains("BREACHED 100") != fired.contains("100")
            || fired.contains("100") != k.breached()) {
          problem("clock " + k + ": breach, fired percents and history disagree " + events);
        }
        count("thresholds fired", fired.size());
        count("breaches", fired.contains("100") ? 1 : 0);
      }
    }
    for (Row r : rows.values()) {
      List<String> ops = audit.getOrDefault(r.number(), List.of()).stream()
          .map(Audit::operation).toList();
      long missed = ops.stream().filter(o -> o.equals("incident.targetMissed")).count();
      long breachedOnRecord = (r.responseBreached() ? 1 : 0) + (r.resolutionBreached() ? 1 : 0);
      if (missed != breachedOnRecord) {
        problem(r.number() + ": " + missed + " targetMissed changes for " + breachedOnRecord
            + " breaches on the record " + ops);
      }
      for (Clock k : clocks.getOrDefault(r.number(), List.of())) {
        boolean onRecord = k.kind().equals("RESPONSE") ? r.responseBreached()
            : k.kind().equals("RESOLUTION") && r.resolutionBreached();
        if (k.breached() != onRecord) {
          problem(r.number() + ": clock " + k + " but the record's breach is " + onRecord);
        }
      }
      long auto = ops.stream().filter(o -> o.equals("incident.closeAutomatically")).count();
      long closes = auto + ops.stream().filter(o -> o.equals("incident.close")).count();
      if (closes != (r.state().equals("CLOSED") ? 1 : 0)) {
        problem(r.number() + " is " + r.state() + " after " + closes + " closes " + ops);
      }
      count("auto-closes", auto);
    }
  }

  /**
   * Every timer that fell due fired: no job is left (nor failed, nor an incident), no incident is
   * still RESOLVED after its auto-close period, and every clock still counting has fired each
   * threshold it has passed. Call once the cluster has settled.
   */
  void everyTimerThatFellDueFired() {
    List<Job> left = engine.processEngine().getManagementService().createJobQuery().list();
    for (Job j : left) {
      problem("job left: " + j.getId() + " of " + j.getProcessDefinitionKey() + " due "
          + j.getDuedate() + " retries " + j.getRetries() + " exception "
          + j.getExceptionMessage());
    }
    long incidents = engine.processEngine().getRuntimeService().createIncidentQuery().count();
    if (incidents > 0) {
      problem(incidents + " Camunda incidents (failed jobs)");
    }
    for (Row r : rows.values()) {
      if (r.state().equals("RESOLVED")) {
        problem(r.number() + " is still RESOLVED after its auto-close period");
      }
      if (!r.priority().equals("P2")) {
        continue;
      }
      for (ClockStatus s : engine.serviceLevels().clocks(dev.itsm.core.Actor.of("dana", "service-desk"), r.number())) {
        List<Integer> thresholds = new ArrayList<>(s.clock().warningPercents());
        thresholds.add(100);
        for (int p : thresholds) {
          boolean fired = s.clock().firedPercents().contains(p);
          if (s.clock().isMeasuring() && p < s.percent() && !fired) {
            problem(r.number() + ": clock at " + s.percent() + " % never fired " + p + " %: "
                + s.clock());
          }
          if (fired && p > s.percent() + 1) {
            problem(r.number() + ": clock at " + s.percent() + " % fired " + p + " % early: "
                + s.clock());
          }
        }
      }
    }
  }

  /**
   * Lock-step rounds on {@code contended}: in each round exactly one node's assignment won and
   * every other node got the retryable conflict. On every incident in {@code contended} and
   * {@code free}: the version is the opening version plus one per acknowledged assignment, every
   * acknowledged assignment has a version of its own (no lost update), the last one is what is
   * stored.
   *
   * @param contended incidents assigned in lock-step rounds
   * @param rounds how many rounds
   * @param nodes the nodes taking part
   * @param free incidents assigned by all nodes as fast as they can
   */
  void conflictsHaveOneWinner(List<String> contended, int rounds, List<String> nodes,
      List<String> free) {
    List<Journal.Entry> assigns = journal.stream()
        .filter(e -> e.worker().equals("contend") && e.op().equals("assign")
            && (e.kind().equals("OK") || e.kind().equals("FAIL")))
        .toList();
    Map<String, String> groupOfCall = journal.stream()
        .filter(e -> e.worker().equals("contend") && e.kind().equals("BEGIN"))
        .collect(Collectors.toMap(Journal.Entry::call, Journal.Entry::detail));
    for (String number : contended) {
      for (int round = 0; round < rounds; round++) {
        String group = "team-[^-]+-" + round;
        List<Journal.Entry> outcomes = assigns.stream()
            .filter(e -> e.number().equals(number)
                && groupOfCall.getOrDefault(e.call(), "").matches(group))
            .toList();
        long wins = outcomes.stream().filter(e -> e.kind().equals("OK")).count();
        long conflicts = outcomes.stream().filter(e -> e.kind().equals("FAIL")
            && e.exception().equals(CONFLICT)).count();
        if (outcomes.size() != nodes.size() || wins != 1 || conflicts != nodes.size() - 1) {
          problem(number + " round " + round + ": expected one winner and "
              + (nodes.size() - 1) + " conflicts, got " + outcomes);
        }
      }
    }
    List<String> all = new ArrayList<>(contended);
    all.addAll(free);
    for (String number : all) {
      Row r = rows.get(number);
      List<Journal.Entry> wins = assigns.stream()
          .filter(e -> e.number().equals(number) && e.kind().equals("OK"))
          .sorted(Comparator.comparingLong(Journal.Entry::version)).toList();
      long before = outcomes("OK").stream()
          .filter(e -> e.number().equals(number) && !e.worker().equals("contend"))
          .mapToLong(Journal.Entry::version).max().orElse(0);
      List<Long> versions = wins.stream().map(Journal.Entry::version).toList();
      List<Long> expected = new ArrayList<>();
      for (long v = before + 1; v <= before + wins.size(); v++) {
        expected.add(v);
      }
      if (r == null || r.version() != before + wins.size() || !versions.equals(expected)) {
        problem(number + ": " + wins.size() + " acknowledged assignments after version "
            + before + " returned versions " + versions + ", record " + r);
        continue;
      }
      String lastGroup = wins.isEmpty() ? null : groupOfCall.get(wins.get(wins.size() - 1).call());
      if (lastGroup != null && !lastGroup.equals(r.group())) {
        problem(number + ": last acknowledged assignment was to " + lastGroup + " but the record"
            + " has " + r.group());
      }
      long audited = audit.getOrDefault(number, List.of()).stream()
          .filter(a -> a.operation().equals("incident.assign")).count();
      if (audited != wins.size()) {
        problem(number + ": " + audited + " audited assignments for " + wins.size()
            + " acknowledged");
      }
      count("contended assignments acknowledged", wins.size());
      count("contended assignments refused with a conflict", assigns.stream()
          .filter(e -> e.number().equals(number) && e.kind().equals("FAIL")).count());
    }
  }

  /**
   * Waits until every timer the load armed has fallen due and been run: the longest timer period
   * has passed since the last call, and no job of the ITSM processes is left.
   *
   * @param engine the checking engine
   * @param lastCallMillis when the last call of the load was made
   * @param timeout how long to wait at most (the checks then report what is left)
   * @return whether it settled
   */
  static boolean settle(ItsmEngine engine, long lastCallMillis, java.time.Duration timeout) {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    long quietFrom = lastCallMillis + ClusterFixture.LONGEST_TIMER.toMillis() + 500;
    while (System.currentTimeMillis() < deadline) {
      long jobs = engine.processEngine().getManagementService().createJobQuery().count();
      if (System.currentTimeMillis() > quietFrom && jobs == 0) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** @return the problems found and the figures counted, for failure messages */
  String describe() {
    return "problems (" + problems.size() + "):\n  " + String.join("\n  ",
        problems.subList(0, Math.min(problems.size(), 60))) + "\nstats: " + stats;
  }
}
