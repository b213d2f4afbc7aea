package dev.itsm.examples.bench;

import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.core.Actor;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentQuery;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.sla.ServiceLevels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * What embedding the library costs, measured against a hand-written integration on the same
 * engine in the same run (issue 9). Run it with the command in the README's "Performance"
 * section; it prints its figures and ends with one line to track from release to release:
 *
 * <pre>
 * benchmark: itsm=&lt;flows/s&gt; raw=&lt;flows/s&gt; ratio=&lt;itsm/raw&gt; p99_ms=&lt;worst API p99&gt; queue_query_ms=&lt;worst queue-query p99&gt; boot_ms=&lt;boot on existing db&gt;
 * </pre>
 *
 * <ol>
 *   <li>The incident lifecycle (open, assign, acknowledge, resolve, close; service-level timers
 *       armed) through the ITSM API and through {@link RawIncidentIntegration} (plain BPMN driven
 *       through RuntimeService and TaskService), same engine settings, history level and
 *       database, one thread each, after a warm-up, interleaved in rounds: throughput of both and
 *       their ratio, the SQL statements a lifecycle runs on each side ({@link SqlStatements}), then
 *       p50/p95/p99 of each API operation.
 *   <li>A service desk's work-queue queries through {@code engine.incidents().query(actor)} with
 *       100,000 incidents (1,000,000 with {@code --long}) loaded by {@link BulkLoader}.
 *   <li>Boot time on an empty and on the existing database (each in a fresh JVM, as a restart
 *       would be, and in this warm JVM), and the heap in use after the load.
 * </ol>
 *
 * <p>Options: {@code --flows N} (measured lifecycles per side, default 2000), {@code --warmup N}
 * (default 500), {@code --incidents N} (default 100000), {@code --long} (1,000,000 incidents),
 * {@code --query-runs N} (measured runs per query, default 300), {@code --tiny} (a few flows and
 * 1,000 incidents: checks that the program works, the figures mean nothing), {@code --dir PATH}
 * (data directory, default a new temporary one, deleted at the end), {@code --keep} (keep it),
 * {@code --without-clocks} (also runs the lifecycle on a third engine without service-level
 * clocks, to show what they cost; not part of the tracked line).
 */
public final class Benchmark {

  /** Operations of the lifecycle, in order. */
  static final List<String> OPERATIONS = List.of("open", "assign", "acknowledge", "resolve",
      "close");

  private static final Actor DESK = Actor.of("dana", "service-desk");
  private static final List<String> GROUPS = BulkLoader.GROUPS.subList(0, 9);
  private static final Duration AT_RISK_HORIZON = Duration.ofHours(2);

  /** The run's settings. */
  record Options(int warmup, int flows, int incidents, int queryRuns, Path dir, boolean keep,
      boolean tiny, boolean withoutClocks) {

    static Options parse(String... args) {
      int warmup = 500;
      int flows = 2000;
      int incidents = 100_000;
      int queryRuns = 300;
      Path dir = null;
      boolean keep = false;
      boolean tiny = false;
      boolean withoutClocks = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--flows" -> flows = Integer.parseInt(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--incidents" -> incidents = Integer.parseInt(args[++i]);
          case "--query-runs" -> queryRuns = Integer.parseInt(args[++i]);
          case "--long" -> incidents = 1_000_000;
          case "--dir" -> dir = Path.of(args[++i]);
          case "--keep" -> keep = true;
          case "--without-clocks" -> withoutClocks = true;
          case "--tiny" -> {
            tiny = true;
            warmup = 3;
            flows = 6;
            incidents = 1000;
            queryRuns = 10;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --flows N --warmup N --incidents N --long --query-runs N --tiny"
              + " --dir PATH --keep --without-clocks");
        }
      }
      if (flows < 1 || warmup < 0 || incidents < 1 || queryRuns < 1) {
        throw new IllegalArgumentException("flows, incidents and query runs must be positive");
      }
      return new Options(warmup, flows, incidents, queryRuns, dir, keep, tiny, withoutClocks);
    }
  }

  private final Options options;
  private final PrintStream out;

  private Benchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Runs the benchmark and prints its figures to standard output.
   *
   * @param args see the class description
   */
  public static void main(String[] args) {
    quietLogging();
    run(Options.parse(args), System.out);
  }

  /** Keeps the engines' start-up lines and the library's INFO lines out of the figures. */
  static void quietLogging() {
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.dev.itsm.bpmn.ItsmEngine", "warn");
  }

  /**
   * @param options the settings
   * @param out where the figures go
   * @return the last line printed
   */
  static String run(Options options, PrintStream out) {
    Path dir = options.dir();
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("itsm-bench-");
      } else {
        Files.createDirectories(dir);
      }
      return new Benchmark(options, out).runIn(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null && !options.keep() && options.dir() == null) {
        deleteQuietly(dir);
      }
    }
  }

  private String runIn(Path dir) {
    out.printf("ITSM benchmark (issue 9)%n");
    out.printf("machine: %d cores, %s %s, Java %s (%s), max heap %d MB, %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20,
        LocalDate.now());
    out.printf("settings: %d warm-up + %d measured flows per side, %,d incidents for the"
        + " queue queries, %d runs per query, data in %s%s%n", options.warmup(), options.flows(),
        options.incidents(), options.queryRuns(), dir, options.tiny() ? " (tiny mode: the"
            + " figures mean nothing)" : "");

    out.printf("%n== Boot on an empty database (fresh JVM)%n");
    long bootEmptyCold = childBoot(dir.resolve("empty"));
    out.printf("boot, empty database, fresh JVM:    %6d ms%n", bootEmptyCold);

    Lifecycle lifecycle = lifecycle(dir);
    Queues queues = queues(dir.resolve("itsm"));

    out.printf("%n== Boot on the existing database (%,d incidents; fresh JVM)%n",
        queues.incidents());
    long bootExistingCold = childBoot(dir.resolve("itsm"));
    long rawBootCold = childBoot(dir.resolve("raw"), true);
    out.printf("boot, existing database, fresh JVM: %6d ms   (in this warm JVM: %d ms)%n",
        bootExistingCold, queues.warmBootMs());
    out.printf("boot, empty database, fresh JVM:    %6d ms%n", bootEmptyCold);
    out.printf("for comparison, the hand-written integration's plain engine on its existing"
        + " database, fresh JVM: %d ms%n", rawBootCold);
    out.printf("heap in use after the %,d-incident load: %d MB%n", queues.incidents(),
        queues.heapMb());

    String last = String.format(Locale.ROOT,
        "benchmark: itsm=%.1f raw=%.1f ratio=%.2f p99_ms=%.1f queue_query_ms=%.1f boot_ms=%d",
        lifecycle.itsmPerSecond(), lifecycle.rawPerSecond(),
        lifecycle.itsmPerSecond() / lifecycle.rawPerSecond(), lifecycle.worstP99(),
        queues.worstP99(), bootExistingCold);
    out.println();
    out.println(last);
    out.flush();
    return last;
  }

  // ------------------------------------------------------------------------------ 1. lifecycle

  /** Results of part 2. */
  private record Lifecycle(double itsmPerSecond, double rawPerSecond, double worstP99) {}

  /** The data of one lifecycle, the same for both sides. */
  private record FlowData(String title, String description, String caller, Channel channel,
      String category, Impact impact, Urgency urgency, String group, String assignee) {

    static FlowData of(SplittableRandom r) {
      String group = GROUPS.get(r.nextInt(GROUPS.size()));
      Impact impact = Impact.values()[1 + r.nextInt(2)];     // MEDIUM or LOW
      Urgency urgency = Urgency.values()[r.nextInt(3)];
      return new FlowData(TITLES[r.nextInt(TITLES.length)],
          "Reported by phone; the user tried a restart. Host pc-" + r.nextInt(9000) + ".",
          BulkLoader.caller(r.nextInt(20_000)), Channel.values()[r.nextInt(4)], group, impact,
          urgency, group, "agent-" + group + "-" + r.nextInt(12));
    }
  }

  private static final String[] TITLES = {"VPN drops every few minutes", "Outlook cannot connect",
      "Printer on floor 3 is offline", "Laptop very slow after update", "Cannot log in to SAP",
      "Shared drive not reachable", "Teams calls drop after a minute", "Mailbox full"};

  /** One way of running the lifecycle, with its figures. */
  private static final class Side {
    final String name;
    final Flow flow;
    final Path database;
    final List<Latencies> latencies = OPERATIONS.stream().map(Latencies::new).toList();
    final List<Latencies> warmup = OPERATIONS.stream().map(Latencies::new).toList();
    long cpuNanos;
    String last;

    Side(String name, Flow flow, Path database) {
      this.name = name;
      this.flow = flow;
      this.database = database;
    }

    double perSecond(int flows) {
      return flows / (latencies.stream().mapToLong(Latencies::totalNanos).sum() / 1e9);
    }
  }

  /** Runs one lifecycle and records the latency of each operation; returns the number. */
  @FunctionalInterface
  private interface Flow {
    String run(FlowData data, List<Latencies> latencies);
  }

  private Lifecycle lifecycle(Path dir) {
    out.printf("%n== Incident lifecycle: open, assign, acknowledge, resolve, close%n");
    out.printf("ITSM API (ItsmEngine: itsm-incident + 2 itsm-sla-clock instances per incident,"
        + " record, audit trail, timeline, clocks) vs hand-written (raw-incident.bpmn via"
        + " RuntimeService/TaskService, ticket data in process variables); H2 file database,"
        + " history AUDIT, job executor on, one thread%n");
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    SplittableRandom random = new SplittableRandom(9);
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(dir.resolve("itsm"))
            .processes(ItsmProcess.INCIDENT).build();
        RawIncidentIntegration hand = RawIncidentIntegration.start(dir.resolve("raw"));
        ItsmEngine noClocks = options.withoutClocks() ? ItsmEngine.builder()
            .dataDirectory(dir.resolve("itsm-no-clocks")).processes(ItsmProcess.INCIDENT)
            .serviceLevels(ServiceLevels.builder().build()).build() : null) {
      Side itsm = new Side("ITSM API", (d, lat) -> itsmFlow(engine.incidents(), d, lat),
          dir.resolve("itsm").resolve("itsm"));
      Side raw = new Side("hand-written", (d, lat) -> rawFlow(hand, d, lat),
          dir.resolve("raw").resolve("raw"));
      List<Side> sides = new ArrayList<>(List.of(itsm, raw));
      if (noClocks != null) {
        sides.add(new Side("ITSM API, no SLA clocks",
            (d, lat) -> itsmFlow(noClocks.incidents(), d, lat),
            dir.resolve("itsm-no-clocks").resolve("itsm")));
      }
      long warmStart = System.nanoTime();
      for (int i = 0; i < options.warmup(); i++) {
        FlowData d = FlowData.of(random);
        for (Side side : sides) {
          side.flow.run(d, side.warmup);
        }
      }
      out.printf("warm-up: %d flows per side in %.1f s%n", options.warmup(),
          (System.nanoTime() - warmStart) / 1e9);
      int rounds = Math.min(10, options.flows());
      for (int round = 0; round < rounds; round++) {
        int size = options.flows() / rounds + (round < options.flows() % rounds ? 1 : 0);
        List<FlowData> batch = Stream.generate(() -> FlowData.of(random)).limit(size).toList();
        for (int k = 0; k < sides.size(); k++) {
          Side side = sides.get((round + k) % sides.size());   // each round starts elsewhere
          long cpuStart = threads.getCurrentThreadCpuTime();
          for (FlowData d : batch) {
            side.last = side.flow.run(d, side.latencies);
          }
          side.cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
        }
      }
      check(engine, hand, itsm.last, raw.last);

      out.printf("%nthroughput (%d flows per side, %d interleaved rounds):%n", options.flows(),
          rounds);
      for (Side side : sides) {
        double rate = side.perSecond(options.flows());
        out.printf(Locale.ROOT, "  %-24s %8.1f flows/s  (%.2f ms per flow, of which %.2f ms CPU"
            + " of the calling thread)%n", side.name, rate, 1000 / rate,
            side.cpuNanos / 1e6 / options.flows());
      }
      double itsmRate = itsm.perSecond(options.flows());
      double rawRate = raw.perSecond(options.flows());
      out.printf(Locale.ROOT, "  ratio itsm/raw %.2f%n", itsmRate / rawRate);
      if (sides.size() > 2) {
        out.printf(Locale.ROOT, "  ratio itsm without SLA clocks/raw %.2f%n",
            sides.get(2).perSecond(options.flows()) / rawRate);
      }

      // not timed: what each side asks of the database, a figure the machine's load cannot move
      int counted = Math.min(100, options.flows());
      List<FlowData> batch = Stream.generate(() -> FlowData.of(random)).limit(counted).toList();
      out.printf("%nSQL statements per lifecycle (H2 query statistics over %d more lifecycles;"
          + " commits not counted):%n", counted);
      for (Side side : sides) {
        List<Latencies> ignored = OPERATIONS.stream().map(Latencies::new).toList();
        SqlStatements n = SqlStatements.of(side.database,
            () -> batch.forEach(d -> side.flow.run(d, ignored)));
        out.printf(Locale.ROOT, "  %-24s %8.1f  (%.1f inserts, updates and deletes)%n", side.name,
            n.statements() / (double) counted, n.writes() / (double) counted);
      }

      out.printf("%n== Latency per operation, ms (ITSM API; hand-written for comparison)%n");
      out.printf("%-12s %8s %8s %8s %8s   %8s %8s %8s%n", "operation", "p50", "p95", "p99",
          "mean", "raw p50", "raw p95", "raw p99");
      double worst = 0;
      for (int k = 0; k < OPERATIONS.size(); k++) {
        Latencies a = itsm.latencies.get(k);
        Latencies b = raw.latencies.get(k);
        out.printf(Locale.ROOT, "%-12s %8.2f %8.2f %8.2f %8.2f   %8.2f %8.2f %8.2f%n", a.name(),
            a.percentileMs(50), a.percentileMs(95), a.percentileMs(99), a.meanMs(),
            b.percentileMs(50), b.percentileMs(95), b.percentileMs(99));
        worst = Math.max(worst, a.percentileMs(99));
      }
      return new Lifecycle(itsmRate, rawRate, worst);
    }
  }

  private static String itsmFlow(IncidentService incidents, FlowData d, List<Latencies> lat) {
    Actor agent = Actor.of(d.assignee(), d.group());
    long t0 = System.nanoTime();
    Incident inc = incidents.open(DESK, OpenIncident.builder().title(d.title())
        .description(d.description()).caller(d.caller()).channel(d.channel())
        .category(d.category()).impact(d.impact()).urgency(d.urgency()).build());
    long t1 = System.nanoTime();
    String n = inc.number();
    incidents.assign(DESK, new AssignIncident(n, d.group(), d.assignee()));
    long t2 = System.nanoTime();
    incidents.acknowledge(agent, new AcknowledgeIncident(n));
    long t3 = System.nanoTime();
    incidents.resolve(agent, new ResolveIncident(n, ResolutionCode.SOLVED_PERMANENTLY,
        "Recreated the profile"));
    long t4 = System.nanoTime();
    incidents.close(Actor.of(d.caller()), new CloseIncident(n, "Works again, thanks"));
    long t5 = System.nanoTime();
    record(lat, t0, t1, t2, t3, t4, t5);
    return n;
  }

  private static String rawFlow(RawIncidentIntegration hand, FlowData d, List<Latencies> lat) {
    long t0 = System.nanoTime();
    String n = hand.open(new RawIncidentIntegration.NewTicket(d.title(), d.description(),
        d.caller(), d.channel().name(), d.category(), d.impact().level(), d.urgency().level()));
    long t1 = System.nanoTime();
    hand.assign(n, d.group(), d.assignee());
    long t2 = System.nanoTime();
    hand.acknowledge(n);
    long t3 = System.nanoTime();
    hand.resolve(n, ResolutionCode.SOLVED_PERMANENTLY.name(), "Recreated the profile");
    long t4 = System.nanoTime();
    hand.close(n);
    long t5 = System.nanoTime();
    record(lat, t0, t1, t2, t3, t4, t5);
    return n;
  }

  private static void record(List<Latencies> lat, long... t) {
    for (int k = 0; k < lat.size(); k++) {
      lat.get(k).add(t[k + 1] - t[k]);
    }
  }

  /** Both sides really did the work: the last incidents are closed and no process waits. */
  private void check(ItsmEngine engine, RawIncidentIntegration hand, String itsmNumber,
      String rawNumber) {
    IncidentState state = engine.incidents().get(DESK, itsmNumber).state();
    long itsmActive = engine.processEngine().getRuntimeService().createProcessInstanceQuery()
        .active().count();
    long rawActive = hand.engine().getRuntimeService().createProcessInstanceQuery().count();
    Object rawState = hand.engine().getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(hand.engine().getHistoryService()
            .createHistoricProcessInstanceQuery().processInstanceBusinessKey(rawNumber)
            .singleResult().getId()).variableName("state").singleResult().getValue();
    long itsmTimers = engine.processEngine().getManagementService().createJobQuery().timers()
        .count();
    long rawTimers = hand.engine().getManagementService().createJobQuery().timers().count();
    out.printf("check: last ITSM incident %s is %s, last hand-written ticket %s is %s; process"
        + " instances still running: itsm=%d raw=%d; timers left: itsm=%d raw=%d%n", itsmNumber,
        state, rawNumber, rawState, itsmActive, rawActive, itsmTimers, rawTimers);
    if (state != IncidentState.CLOSED || !"CLOSED".equals(rawState) || itsmActive != 0
        || rawActive != 0) {
      throw new IllegalStateException("a lifecycle did not finish as expected");
    }
  }

  // ------------------------------------------------------------------------------ 2. queues

  /** Results of part 3. */
  private record Queues(int incidents, double worstP99, long warmBootMs, long heapMb) {}

  /** A work-queue query, run through the public API with its {@code k}-th parameter. */
  private record QueueQuery(String name, IntFunction<IncidentQuery> query) {}

  private Queues queues(Path itsmDir) {
    out.printf("%n== Work-queue queries with %,d incidents%n", options.incidents());
    Instant loadedAt = Instant.now();
    long loadStart = System.nanoTime();
    double loadSeconds;
    double compactSeconds;
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:"
        + itsmDir.toAbsolutePath().resolve("itsm") + RawIncidentIntegration.H2_SETTINGS, "sa",
        "")) {
      c.setAutoCommit(false);
      BulkLoader.load(c, options.incidents(), loadedAt, 42);
      loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      // A burst of a million inserts into five indexes leaves the H2 file many times the size of
      // its data (copy-on-write pages not yet reused); a database filled over a year would have
      // been compacted by H2 in the background meanwhile.
      long compactStart = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
      compactSeconds = (System.nanoTime() - compactStart) / 1e9;
    } catch (SQLException e) {
      throw new IllegalStateException("loading the incidents failed: " + e.getMessage(), e);
    }
    out.printf("loaded %,d incidents with JDBC batch inserts into itsm_incident in %.1f s"
        + " (%,.0f rows/s), then compacted the database file in %.1f s (%,d MB)%n",
        options.incidents(), loadSeconds, options.incidents() / loadSeconds, compactSeconds,
        sizeMb(itsmDir));

    long bootStart = System.nanoTime();
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(itsmDir)
        .processes(ItsmProcess.INCIDENT).build()) {
      long warmBootMs = (System.nanoTime() - bootStart) / 1_000_000;
      IncidentService incidents = engine.incidents();
      int callers = BulkLoader.callers(options.incidents());
      IncidentState[] open = {IncidentState.NEW, IncidentState.IN_PROGRESS,
          IncidentState.ON_HOLD};
      List<QueueQuery> queries = List.of(
          new QueueQuery("open incidents of a group by priority (first 50)",
              k -> incidents.query(DESK).state(open).assignmentGroup(GROUPS.get(k % GROUPS.size()))
                  .orderBy(IncidentSort.PRIORITY, true).page(0, 50)),
          new QueueQuery("at risk of breach in a group: resolution due < now+2h (first 50)",
              k -> incidents.query(DESK).state(open).assignmentGroup(GROUPS.get(k % GROUPS.size()))
                  .resolutionDueBefore(Instant.now().plus(AT_RISK_HORIZON))
                  .orderBy(IncidentSort.RESOLUTION_DUE, true).page(0, 50)),
          new QueueQuery("a caller's incidents, newest first (first 50)",
              k -> incidents.query(DESK).caller(BulkLoader.caller((k * 7919) % callers))
                  .orderBy(IncidentSort.OPENED_AT, false).page(0, 50)),
          new QueueQuery("text search, newest first (first 20)",
              k -> incidents.query(DESK).text(BulkLoader.COMMON_WORDS.get(
                  k % BulkLoader.COMMON_WORDS.size()))
                  .orderBy(IncidentSort.OPENED_AT, false).page(0, 20)));
      out.printf("%-66s %7s %7s %7s %7s %9s%n", "query (through engine.incidents().query())",
          "p50", "p95", "p99", "rows", "matching");
      double worst = 0;
      for (QueueQuery q : queries) {
        Latencies lat = new Latencies(q.name());
        long rows = 0;
        for (int k = 0; k < options.queryRuns() / 5 + 5; k++) {
          q.query().apply(k).list();
        }
        for (int k = 0; k < options.queryRuns(); k++) {
          IncidentQuery query = q.query().apply(k);
          long t0 = System.nanoTime();
          rows += query.list().size();
          lat.add(System.nanoTime() - t0);
        }
        long matching = q.query().apply(0).count();
        out.printf(Locale.ROOT, "%-66s %7.2f %7.2f %7.2f %7.1f %9d%n", q.name(),
            lat.percentileMs(50), lat.percentileMs(95), lat.percentileMs(99),
            rows / (double) options.queryRuns(), matching);
        worst = Math.max(worst, lat.percentileMs(99));
      }
      out.printf("(p50/p95/p99 in ms over %d runs each with varying group, caller or word;"
          + " rows: mean page size; matching: count() for the first parameter)%n",
          options.queryRuns());
      long heapMb = heapInUseMb();
      // not one of the tracked queue queries: a substring that occurs in almost no incident
      // makes the search read every row; no portable index helps a LIKE '%...%'
      QueueQuery rare = new QueueQuery("text search for a rare host name (reads every row)",
          k -> incidents.query(DESK).text(String.format("srv-%s-%04d",
                  BulkLoader.GROUPS.get(k % BulkLoader.GROUPS.size()).substring(0, 3),
                  (k * 37) % 5000))
              .orderBy(IncidentSort.OPENED_AT, false).page(0, 20));
      int rareRuns = options.incidents() > 200_000 ? 5 : Math.max(5, options.queryRuns() / 10);
      Latencies rareLat = new Latencies(rare.name());
      long rareRows = 0;
      rare.query().apply(0).list();
      for (int k = 0; k < rareRuns; k++) {
        IncidentQuery query = rare.query().apply(k + 1);
        long t0 = System.nanoTime();
        rareRows += query.list().size();
        rareLat.add(System.nanoTime() - t0);
      }
      out.printf(Locale.ROOT, "not tracked: %-53s %7.2f %7.2f %7.2f %7.1f%n", rare.name(),
          rareLat.percentileMs(50), rareLat.percentileMs(95), rareLat.percentileMs(99),
          rareRows / (double) rareRuns);
      out.printf("(%d runs; a full-text index would be needed, which portable SQL does not"
          + " have)%n", rareRuns);
      return new Queues(options.incidents(), worst, warmBootMs, heapMb);
    }
  }

  private static long sizeMb(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(p -> p.toFile().length()).sum() >> 20;
    } catch (IOException e) {
      return -1;
    }
  }

  private static long heapInUseMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }

  // ------------------------------------------------------------------------------ 3. boot

  /** Starts the engine on {@code dir} in a fresh JVM ({@link BootProbe}); its build() time. */
  private long childBoot(Path dir) {
    return childBoot(dir, false);
  }

  private long childBoot(Path dir, boolean raw) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp",
        System.getProperty("java.class.path"), BootProbe.class.getName()));
    if (raw) {
      command.add("--raw");
    }
    command.add(dir.toAbsolutePath().toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      Process p = pb.start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      }
      int exit = p.waitFor();
      return lines.stream().filter(l -> l.startsWith("boot_ms=")).findFirst()
          .map(l -> Long.parseLong(l.substring("boot_ms=".length())))
          .orElseThrow(() -> new IllegalStateException("the boot probe failed (exit " + exit
              + "): " + String.join(System.lineSeparator(), lines)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }
}
