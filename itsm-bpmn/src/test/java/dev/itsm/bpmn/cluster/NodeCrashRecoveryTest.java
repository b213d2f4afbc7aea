package dev.itsm.bpmn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.Actor;
import com.zaxxer.hikari.HikariDataSource;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.core.testdb.ScratchDatabase;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A node is killed with SIGKILL ({@code kill -9}) in the middle of a load of incidents and
 * changes, then restarted on the same PostgreSQL database.
 *
 * <p>Checked right after the kill: every call the node acknowledged (journaled after it returned,
 * forced to disk) is in the database, nothing is there that no call made (a call in flight at the
 * kill either committed whole or not at all), and every record's state matches its process (no
 * half-done change). Checked after the restart: the timers that were pending at the kill, those
 * the killed node had locked included (one of them a breach job held half done at the kill: clock
 * written, record not yet), fired, each once, and the same record and process checks hold for
 * the restarted node's own calls.
 */
@Tag("cluster")
class NodeCrashRecoveryTest {

  /** The killed node's job locks expire this soon (the engine's default is 5 minutes). */
  private static final String LOCK_TIME_MS = "3000";

  @Test
  void aKilledNodeLosesNoAcknowledgedCallLeavesNothingHalfDoneAndItsTimersFireAfterRestart()
      throws Exception {
    Path control = Path.of("target", "cluster", "crash-" + System.currentTimeMillis())
        .toAbsolutePath();
    List<NodeProcess> nodes = new ArrayList<>();
    try (ScratchDatabase db = TestDatabase.POSTGRESQL.create("cluster_crash");
        HikariDataSource pool = ClusterFixture.pool("checker", db.jdbcUrl(), db.user(),
            db.password());
        ItsmEngine checker = ClusterFixture.builder(pool).jobExecutor(false).build()) {
      NodeProcess a = NodeProcess.start("A", db, control, Map.of("workers", "4",
          "loadSeconds", "300", "seed", "7", "lockTimeMs", LOCK_TIME_MS,
          "holdFirstBreach", "300000"));
      nodes.add(a);
      int exit;
      long killedAt;
      try {
        a.awaitControl("READY", Duration.ofSeconds(120));
        Files.writeString(control.resolve("go"), "");
        // mid-load: enough acknowledged calls, timers have fired on the node, one breach job is
        // half done (clock written, record not yet), and an incident was just resolved and left
        // for its auto-close timer, which falls due after the kill
        a.awaitJournal(Duration.ofSeconds(120), "40 acknowledged calls, 5 timer jobs, a breach"
            + " job held half done and a fresh resolution", lines -> count(lines, "OK") >= 40
            && count(lines, "FIRE") >= 5 && held(lines) != null && justResolved(lines));
        long pid = a.process().pid();
        exit = a.kill();
        killedAt = System.currentTimeMillis();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
            .as("node A after SIGKILL").isFalse();
      } finally {
        a.close();
      }
      assertThat(exit).as("exit code of the killed node (128 + SIGKILL)\n" + a.diagnostics())
          .isEqualTo(137);
      assertThat(a.journal()).as("node A was killed, it did not stop")
          .noneMatch(e -> e.kind().equals("CTRL") && e.op().equals("EXIT"));

      // ---- right after the kill: nothing acknowledged lost, nothing half done
      ClusterChecks atKill = new ClusterChecks(checker, db, a.journal(), Set.of("A"));
      atKill.everyCallSucceededOrFailedWithARetryableConflict();
      atKill.noIncidentLostOrDuplicated();
      atKill.everyAcknowledgedChangeIsStoredOnce();
      atKill.recordStateMatchesProcessState();
      atKill.everyTimerFiredAtMostOnce();
      List<Job> pending = checker.processEngine().getManagementService().createJobQuery()
          .timers().list();
      Set<String> pendingIds = pending.stream().map(Job::getId).collect(Collectors.toSet());
      long dueAfterKill = pending.stream()
          .filter(j -> j.getDuedate().after(new Date(killedAt))).count();
      int lockedByKilled = lockedJobs(db);
      String heldRecord = held(a.journal());
      Set<String> resolvedAtKill = atKill.rows().values().stream()
          .filter(r -> r.state().equals("RESOLVED")).map(ClusterChecks.Row::number)
          .collect(Collectors.toSet());
      String atKillReport = atKill.describe() + "\nin flight: " + atKill.inFlight() + "\n"
          + a.diagnostics();
      assertThat(atKill.problems()).as(atKillReport).isEmpty();
      assertThat(dueAfterKill).as("timers falling due after the kill\n" + atKillReport)
          .isPositive();
      assertThat(resolvedAtKill).as("incidents waiting for auto-close at the kill\n"
          + atKillReport).isNotEmpty();
      assertThat(lockedByKilled).as("jobs locked by the killed node (the held breach job)\n"
          + atKillReport).isPositive();
      assertThat(breachesRecorded(checker, a.journal())).as("breach of the held job's record")
          .isZero();

      // ---- restart: the node comes back (and does a little work of its own)
      NodeProcess restarted = NodeProcess.start("A2", db, control, Map.of("workers", "2",
          "loadSeconds", "3", "seed", "8", "lockTimeMs", LOCK_TIME_MS));
      nodes.add(restarted);
      try {
        restarted.awaitControl("READY", Duration.ofSeconds(120));
        restarted.awaitControl("LOAD-DONE", Duration.ofSeconds(120));
        long lastCall = restarted.journal().stream()
            .filter(e -> !e.kind().equals("FIRE") && !e.kind().equals("CTRL"))
            .mapToLong(Journal.Entry::at).max().orElse(killedAt);
        ClusterChecks.settle(checker, Math.max(lastCall, killedAt), Duration.ofSeconds(45));
        Files.writeString(control.resolve("stop"), "");
        assertThat(restarted.awaitExit(Duration.ofSeconds(60))).as("exit code of node A2\n"
            + restarted.diagnostics()).isZero();
      } finally {
        restarted.close();
      }

      // ---- after the restart: the pending timers fired, once; everything still consistent
      List<Journal.Entry> journal = Stream.concat(a.journal().stream(),
          restarted.journal().stream()).toList();
      ClusterChecks after = new ClusterChecks(checker, db, journal, Set.of("A"));
      after.everyCallSucceededOrFailedWithARetryableConflict();
      after.noIncidentLostOrDuplicated();
      after.everyAcknowledgedChangeIsStoredOnce();
      after.recordStateMatchesProcessState();
      after.everyTimerFiredAtMostOnce();
      after.everyTimerThatFellDueFired();
      Set<String> stillThere = new HashSet<>(pendingIds);
      stillThere.retainAll(checker.processEngine().getManagementService().createJobQuery().list()
          .stream().map(Job::getId).collect(Collectors.toSet()));
      for (String number : resolvedAtKill) {
        ClusterChecks.Row r = after.rows().get(number);
        List<String> ops = checker.incidents().auditTrail(Actor.system(), number).stream()
            .map(x -> x.operation()).toList();
        if (!r.state().equals("CLOSED") || !ops.contains("incident.closeAutomatically")) {
          after.problems().add(number + " was RESOLVED at the kill; after the restart it is "
              + r.state() + " " + ops + " (its auto-close timer did not fire)");
        }
      }
      Map<String, Long> timerJobsPerNode = journal.stream()
          .filter(e -> e.kind().equals("FIRE"))
          .collect(Collectors.groupingBy(Journal.Entry::node, Collectors.counting()));
      String report = after.describe() + "\nin flight at the kill: " + atKill.inFlight()
          + "\ntimers pending at the kill: " + pending.size() + " (due after it: " + dueAfterKill
          + ", locked by the killed node: " + lockedByKilled + "), not run since: " + stillThere
          + "\nbreach job held half done at the kill: " + heldRecord
          + "\nresolved at the kill: " + resolvedAtKill + "\ntimer jobs run per node: "
          + timerJobsPerNode + "\n" + a.diagnostics() + "\n" + restarted.diagnostics();
      System.out.println("[crash] " + after.stats() + " in flight at the kill "
          + atKill.inFlight() + ", timers pending at the kill " + pending.size()
          + " (due after it " + dueAfterKill + ", locked by the killed node " + lockedByKilled
          + "), resolved at the kill " + resolvedAtKill.size() + ", timer jobs per node "
          + timerJobsPerNode);

      assertThat(after.problems()).as(report).isEmpty();
      assertThat(stillThere).as(report).isEmpty();
      // the breach the killed node left half done was done again after the restart, once
      assertThat(breachesRecorded(checker, a.journal())).as(report).isOne();
      assertThat(timerJobsPerNode).as(report).containsKey("A2");
    } finally {
      nodes.forEach(NodeProcess::close);
    }
  }

  /**
   * @return whether an incident was resolved between 0.1 and 1.5 s ago and left so (its worker
   *     made no call on it since): its auto-close timer (3 s) is pending
   */
  private static boolean justResolved(List<Journal.Entry> lines) {
    long now = System.currentTimeMillis();
    Map<String, Journal.Entry> last = new java.util.HashMap<>();
    for (Journal.Entry e : lines) {
      if (e.kind().equals("BEGIN") || e.kind().equals("OK") || e.kind().equals("FAIL")) {
        last.put(e.number(), e);
      }
    }
    return last.values().stream().anyMatch(e -> e.kind().equals("OK") && e.op().equals("resolve")
        && e.at() < now - 100 && e.at() > now - 1500);
  }

  /** @return the record whose breach job the node holds half done, or {@code null} */
  private static String held(List<Journal.Entry> lines) {
    return lines.stream().filter(e -> e.kind().equals("FIRE") && e.op().equals("holding"))
        .map(Journal.Entry::number).findFirst().orElse(null);
  }

  /** @return how often the breach of the held job (its record and target) was stored */
  private static long breachesRecorded(ItsmEngine engine, List<Journal.Entry> lines) {
    Journal.Entry holding = lines.stream()
        .filter(e -> e.kind().equals("FIRE") && e.op().equals("holding")).findFirst()
        .orElseThrow();
    String field = holding.field(0).equals("RESPONSE") ? "milestones.responseBreachedAt"
        : "milestones.resolutionBreachedAt";
    return engine.incidents().auditTrail(Actor.system(), holding.number()).stream()
        .filter(x -> x.operation().equals("incident.targetMissed"))
        .filter(x -> x.changes().stream().anyMatch(c -> c.field().equals(field)))
        .count();
  }

  private static long count(List<Journal.Entry> lines, String kind) {
    return lines.stream().filter(e -> e.kind().equals(kind)).count();
  }

  /** @return jobs locked by a job executor (the killed node's, as nothing else runs) */
  private static int lockedJobs(ScratchDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
