package dev.itsm.examples;

import dev.itsm.bpmn.EngineClock;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.core.Actor;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.metrics.HtmlReport;
import dev.itsm.core.metrics.Metrics;
import dev.itsm.core.metrics.MetricsQuery;
import dev.itsm.core.policy.AssignmentRule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * The continual improvement report of the README: runs the {@link Demo} into a data directory,
 * then three more weeks of ordinary service-desk traffic on the same database (so the weekly
 * trends have something to show), and writes {@code engine.metrics()} for the whole span as a
 * self-contained HTML page ({@link HtmlReport}).
 *
 * <pre>
 * mvn -q -B -DskipTests package exec:java@report -pl itsm-examples -am
 * </pre>
 *
 * <p>writes {@code itsm-examples/target/itsm-report.html} (the data goes to a temporary directory
 * that is deleted afterwards).
 */
public final class Report {

  private static final Actor DESK = Actor.of("dana", "service-desk");
  private static final Actor NETWORK = Actor.of("raj", "network");
  private static final Actor MESSAGING = Actor.of("mo", "messaging");
  private static final Actor CALLER = Actor.of("alice");
  private static final int EXTRA_DAYS = 21;

  private Report() {}

  /**
   * @param args the HTML file to write; optionally first a data directory to keep the database in
   *     (it must not hold one yet); without it, a temporary directory is used and deleted
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: Report [<empty data directory>] <report.html>");
      System.exit(2);
    }
    Path html = Path.of(args[args.length - 1]);
    Path dataDir;
    boolean temporary = args.length == 1;
    try {
      dataDir = temporary ? Files.createTempDirectory("itsm-report-") : Path.of(args[0]);
      if (!temporary && Files.exists(dataDir.resolve("itsm.mv.db"))) {
        System.err.println("The data directory " + dataDir + " already holds a database;"
            + " give an empty one, or none to use a temporary directory");
        System.exit(2);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Metrics m = run(dataDir, html, System.out);
      System.out.println("Report written to " + html.toAbsolutePath() + " ("
          + m.sections().size() + " practices)");
    } finally {
      if (temporary) {
        deleteQuietly(dataDir);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  /**
   * Runs the demo and the extra traffic into {@code dataDir}, then writes the report.
   *
   * @param dataDir an empty directory for the database
   * @param html the file to write
   * @param out where the demo prints its story
   * @return the figures the report shows
   */
  public static Metrics run(Path dataDir, Path html, PrintStream out) {
    Instant start = EngineClock.now();
    Demo.run(dataDir, out);
    try (ItsmEngine engine = ItsmEngine.builder()
        .dataDirectory(dataDir)
        .processes(ItsmProcess.INCIDENT, ItsmProcess.CHANGE, ItsmProcess.PROBLEM,
            ItsmProcess.MAJOR_INCIDENT, ItsmProcess.REQUEST)
        .assignmentRule(AssignmentRule.byCategory(Map.of("network", "network", "email",
            "messaging")))
        .jobPollInterval(Duration.ofMillis(200))
        .build()) {
      // the demo moved its clock about three days on; continue after it
      EngineClock.advance(Duration.ofDays(4));
      traffic(engine);
      Instant from = start.atOffset(ZoneOffset.UTC).toLocalDate()
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
          .atStartOfDay().toInstant(ZoneOffset.UTC);
      Instant to = EngineClock.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      // metrics.read: the incident, problem and change managers and administrators
      Metrics metrics = engine.metrics().compute(Actor.of("ines", "incident-managers"),
          MetricsQuery.between(from, to));
      Files.createDirectories(html.toAbsolutePath().getParent());
      Files.writeString(html, HtmlReport.render(metrics, "Demo service desk"),
          StandardCharsets.UTF_8);
      return metrics;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + html, e);
    } finally {
      EngineClock.reset();
    }
  }

  /**
   * Three weeks of traffic: every day three incidents (network, e-mail, and one the desk routes
   * on); most are resolved the same day, some take longer than their target, some are reassigned
   * or reopened, and a few stay open for the backlog.
   */
  private static void traffic(ItsmEngine engine) {
    IncidentService incidents = engine.incidents();
    Impact[] impacts = {Impact.MEDIUM, Impact.LOW, Impact.HIGH, Impact.MEDIUM};
    Urgency[] urgencies = {Urgency.MEDIUM, Urgency.MEDIUM, Urgency.MEDIUM, Urgency.LOW};
    for (int day = 0; day < EXTRA_DAYS; day++) {
      String[] open = new String[3];
      for (int k = 0; k < 3; k++) {
        int n = day * 3 + k;
        Incident inc = incidents.open(DESK, OpenIncident.builder()
            .title("Day " + (day + 1) + " call " + (k + 1)).caller(CALLER.id())
            .channel(k == 0 ? Channel.PHONE : Channel.EMAIL)
            .category(k == 0 ? "network" : k == 1 ? "email" : "desktop")
            .service(k == 0 ? "lan" : k == 1 ? "mail" : "workplace")
            .impact(impacts[n % impacts.length]).urgency(urgencies[n % urgencies.length])
            .build());
        open[k] = inc.number();
      }
      later(engine, Duration.ofMinutes(20 + day % 4 * 10));
      incidents.acknowledge(NETWORK, new AcknowledgeIncident(open[0]));
      incidents.acknowledge(MESSAGING, new AcknowledgeIncident(open[1]));
      if (day % 3 == 0) {
        // the e-mail call turns out to be a network fault
        incidents.assign(MESSAGING, new AssignIncident(open[1], "network", "raj"));
      }
      later(engine, Duration.ofHours(1 + day % 5));
      incidents.resolve(NETWORK, new ResolveIncident(open[0], ResolutionCode.SOLVED_PERMANENTLY,
          "Port re-patched"));
      Actor second = day % 3 == 0 ? NETWORK : MESSAGING;
      if (day % 4 != 3) {
        incidents.resolve(second, new ResolveIncident(open[1],
            ResolutionCode.SOLVED_WORKAROUND, "Profile rebuilt"));
        if (day % 5 == 1) {
          later(engine, Duration.ofHours(2));
          incidents.reopen(CALLER, new ReopenIncident(open[1], "Happened again"));
          incidents.resolve(second, new ResolveIncident(open[1],
              ResolutionCode.SOLVED_PERMANENTLY, "Root cause fixed"));
        }
      }
      if (day < EXTRA_DAYS - 10 && day % 2 == 0) {
        // the desk's own call: resolved by the desk the next morning (some stay open)
        incidents.acknowledge(DESK, new AcknowledgeIncident(open[2]));
        later(engine, Duration.ofHours(6));
        incidents.resolve(DESK, new ResolveIncident(open[2], ResolutionCode.SOLVED_PERMANENTLY,
            "Reinstalled"));
      }
      later(engine, Duration.ofHours(24).minus(Duration.ofHours(2 + day % 5)));
    }
  }

  private static void later(ItsmEngine engine, Duration amount) {
    EngineClock.advance(amount);
    engine.awaitDueJobs(Duration.ofSeconds(30));
  }
}
