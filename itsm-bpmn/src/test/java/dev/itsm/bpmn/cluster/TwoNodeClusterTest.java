package dev.itsm.bpmn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.core.Actor;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.testdb.ScratchDatabase;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes, each in a JVM of its own, on one PostgreSQL database: a lifecycle load runs
 * through both while service-level and auto-close timers fall due (and are run by either node's job
 * executor), and both nodes assign the same incidents at the same moment.
 *
 * <p>Checked afterwards on the database against the nodes' journals: every call returned or failed
 * with the typed, retryable {@code ConcurrentModificationException}; no incident lost or
 * duplicated; every acknowledged change stored once; no lost update among the concurrent
 * assignments (one winner per lock-step round); each record's state matches its process; every
 * timer fired, and at most once.
 */
@Tag("cluster")
class TwoNodeClusterTest {

  private static final List<String> NODES = List.of("A", "B");
  private static final int ROUNDS = 8;

  @Test
  void twoNodesShareLoadTimersAndConflictsWithoutLosingOrDuplicatingAnything() throws Exception {
    Path control = Path.of("target", "cluster", "two-nodes-" + System.currentTimeMillis())
        .toAbsolutePath();
    List<NodeProcess> nodes = new ArrayList<>();
    try (ScratchDatabase db = TestDatabase.POSTGRESQL.create("cluster_two_nodes");
        HikariDataSource pool = ClusterFixture.pool("checker", db.jdbcUrl(), db.user(),
            db.password());
        ItsmEngine checker = ClusterFixture.builder(pool).jobExecutor(false).build();
        Journal setup = Journal.open(NodeProcess.journalFile(control, "setup"), "setup")) {
      // created by the test before the nodes start: the schema, and three incidents in progress
      // without clocks (P5) for the nodes to fight over
      List<String> shared = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        shared.add(sharedIncident(checker, setup, i));
      }
      List<String> contended = shared.subList(0, 2);
      List<String> free = shared.subList(2, 3);
      for (String name : NODES) {
        nodes.add(NodeProcess.start(name, db, control, Map.of(
            "workers", "3", "loadSeconds", "12", "seed", Integer.toString(name.hashCode()),
            "contended", String.join(",", contended), "rounds", Integer.toString(ROUNDS),
            "peers", String.join(",", NODES),
            "free", String.join(",", free), "freeCalls", "25")));
      }
      try {
        for (NodeProcess n : nodes) {
          n.awaitControl("READY", Duration.ofSeconds(120));
        }
        Files.writeString(control.resolve("go"), "");
        for (NodeProcess n : nodes) {
          n.awaitControl("LOAD-DONE", Duration.ofSeconds(120));
        }
        long lastCall = nodes.stream().flatMap(n -> n.journal().stream())
            .filter(e -> !e.kind().equals("FIRE") && !e.kind().equals("CTRL"))
            .mapToLong(Journal.Entry::at).max().orElseThrow();
        ClusterChecks.settle(checker, lastCall, Duration.ofSeconds(45));
        Files.writeString(control.resolve("stop"), "");
        for (NodeProcess n : nodes) {
          assertThat(n.awaitExit(Duration.ofSeconds(60))).as("exit code of node " + n.name())
              .isZero();
        }
      } finally {
        nodes.forEach(NodeProcess::close);
      }

      List<Journal.Entry> journal = Stream.concat(
          Journal.read(NodeProcess.journalFile(control, "setup")).stream(),
          nodes.stream().flatMap(n -> n.journal().stream())).toList();
      ClusterChecks checks = new ClusterChecks(checker, db, journal, Set.of());
      checks.everyCallSucceededOrFailedWithARetryableConflict();
      checks.noIncidentLostOrDuplicated();
      checks.everyAcknowledgedChangeIsStoredOnce();
      checks.recordStateMatchesProcessState();
      checks.everyTimerFiredAtMostOnce();
      checks.everyTimerThatFellDueFired();
      checks.conflictsHaveOneWinner(contended, ROUNDS, NODES, free);
      Map<String, Long> timerJobsPerNode = journal.stream()
          .filter(e -> e.kind().equals("FIRE"))
          .collect(Collectors.groupingBy(Journal.Entry::node, Collectors.counting()));
      String report = checks.describe() + "\ntimer jobs run per node: " + timerJobsPerNode + "\n"
          + nodes.stream().map(NodeProcess::diagnostics).collect(Collectors.joining("\n"));
      System.out.println("[two nodes] " + checks.stats() + " timer jobs per node "
          + timerJobsPerNode);

      assertThat(checks.problems()).as(report).isEmpty();
      // the load was what it claims: both nodes worked, timers fired on both, and it conflicted
      assertThat(timerJobsPerNode).as(report).containsOnlyKeys(NODES)
          .allSatisfy((node, n) -> assertThat(n).isPositive());
      assertThat(checks.stats()).as(report)
          .hasEntrySatisfying("incidents", n -> assertThat(n).isGreaterThan(20))
          .hasEntrySatisfying("breaches", n -> assertThat(n).isPositive())
          .hasEntrySatisfying("auto-closes", n -> assertThat(n).isPositive())
          .hasEntrySatisfying("calls failed with a retryable conflict",
              n -> assertThat(n).isGreaterThanOrEqualTo(ROUNDS * contended.size()));
      assertThat(journal).as(report).filteredOn(e -> e.kind().equals("OK"))
          .extracting(Journal.Entry::node).contains("A", "B");
    }
  }

  private static String sharedIncident(ItsmEngine engine, Journal setup, int i) {
    Actor agent = Actor.of("setup", "service-desk");
    String token = "shared-" + i;
    setup.begin("setup", 2L * i + 1, "open", null, token);
    Incident inc = engine.incidents().open(agent, OpenIncident.builder()
        .title(ClusterFixture.title(token)).caller("caller-" + token).channel(Channel.EMAIL)
        .impact(Impact.LOW).urgency(Urgency.LOW).assignmentGroup("network").build());
    setup.ok("setup", 2L * i + 1, "open", inc, token);
    setup.begin("setup", 2L * i + 2, "acknowledge", inc.number(), "");
    Incident acked = engine.incidents().acknowledge(agent,
        new AcknowledgeIncident(inc.number()));
    setup.ok("setup", 2L * i + 2, "acknowledge", acked, "");
    return inc.number();
  }
}
