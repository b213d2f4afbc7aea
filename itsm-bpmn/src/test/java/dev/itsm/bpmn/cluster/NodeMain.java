package dev.itsm.bpmn.cluster;

import com.zaxxer.hikari.HikariDataSource;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.ItsmException;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.sla.ServiceLevelEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One node of the cluster tests, run in a JVM of its own by {@link NodeProcess}: builds an
 * {@link ItsmEngine} (job executor on) on the given PostgreSQL database, says READY in its
 * {@link Journal}, waits for the test's {@code go} file, runs the load, says LOAD-DONE, and keeps
 * executing jobs until the test's {@code stop} file appears (or it is killed).
 *
 * <p>Arguments are {@code key=value}: {@code node}, {@code url}, {@code user}, {@code password},
 * {@code journal}, {@code control} (directory of the go/stop files and the barrier),
 * {@code workers} and {@code loadSeconds} (lifecycle load), {@code seed}, optional
 * {@code lockTimeMs} (job lock time) and {@code holdFirstBreach} (ms the first breach job waits
 * half done, after writing the clock and before writing the record), and for the conflict part {@code contended} (numbers both
 * nodes assign in lock-step rounds through a file barrier), {@code rounds}, {@code peers} (node
 * names at the barrier), {@code free} (numbers both nodes assign as fast as they can) and
 * {@code freeCalls}.
 *
 * <p>Every call is journaled before it is made (BEGIN) and after it returned (OK with the state
 * and version, or FAIL with the exception, its code and whether it is retryable). A lifecycle
 * worker repeats a call that failed with a retryable exception; any other failure abandons the
 * incident (and fails the test).
 */
public final class NodeMain {

  /** Round of the lock-step conflict the calling thread is in, if any. */
  private static final ThreadLocal<String> ROUND = new ThreadLocal<>();

  private final Map<String, String> args;
  private final String node;
  private final Journal journal;
  private final Path control;
  private final java.util.concurrent.atomic.AtomicBoolean holding =
      new java.util.concurrent.atomic.AtomicBoolean();
  private IncidentService incidents;

  private NodeMain(Map<String, String> args, Journal journal) {
    this.args = args;
    this.node = args.get("node");
    this.journal = journal;
    this.control = Path.of(args.get("control"));
  }

  /**
   * @param argv {@code key=value} arguments, see the class comment
   */
  public static void main(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (String a : argv) {
      int eq = a.indexOf('=');
      args.put(a.substring(0, eq), a.substring(eq + 1));
    }
    // a node outlives neither the test JVM nor a build that was stopped
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
        .thenRun(() -> Runtime.getRuntime().halt(3)));
    Journal journal = Journal.open(Path.of(args.get("journal")), args.get("node"));
    int status = 0;
    try {
      new NodeMain(args, journal).run();
    } catch (Throwable t) {
      t.printStackTrace();
      journal.control("ERROR", t.toString());
      status = 1;
    }
    journal.control("EXIT", Integer.toString(status));
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(status);
  }

  /** A job locked by a killed node waits this long for another node. */
  private ItsmEngine.Builder lockTime(ItsmEngine.Builder builder) {
    return args.containsKey("lockTimeMs")
        ? builder.jobLockTime(java.time.Duration.ofMillis(Long.parseLong(args.get("lockTimeMs"))))
        : builder;
  }

  private void run() throws Exception {
    try (HikariDataSource ds = ClusterFixture.pool("node-" + node, args.get("url"),
            args.get("user"), args.getOrDefault("password", ""));
        ItsmEngine engine = lockTime(ClusterFixture.builder(ds).beforeHook(this::before))
            .build()) {
      incidents = engine.incidents();
      journal.control("READY", engine.processEngine().getName());
      awaitFile("go", 180_000);
      journal.control("GO", "");

      List<Thread> threads = new ArrayList<>();
      int workers = Integer.parseInt(args.getOrDefault("workers", "0"));
      long deadline = System.currentTimeMillis()
          + Long.parseLong(args.getOrDefault("loadSeconds", "0")) * 1000;
      long seed = Long.parseLong(args.getOrDefault("seed", "1"));
      for (int w = 0; w < workers; w++) {
        Worker worker = new Worker("w" + w, new Random(seed * 31 + w));
        threads.add(new Thread(() -> worker.lifecycleLoad(deadline), node + "-w" + w));
      }
      if (args.containsKey("contended") || args.containsKey("free")) {
        Worker worker = new Worker("contend", new Random(seed));
        threads.add(new Thread(worker::contend, node + "-contend"));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      journal.control("LOAD-DONE", "");
      awaitFile("stop", 300_000);
      journal.control("STOPPING", "");
    }
  }

  /** Before-hook: the lock-step barrier of the conflict rounds; notes what timer jobs do. */
  private void before(ItsmEvent event) {
    String round = ROUND.get();
    if (round != null && event instanceof IncidentEvent.Assigned) {
      barrier(round);
    } else if (event instanceof ServiceLevelEvent.Warning w) {
      journal.fire("sla.warning", w.clock().recordNumber(), w.clock().id() + " " + w.percent());
    } else if (event instanceof ServiceLevelEvent.Breached b) {
      journal.fire("sla.breached", b.clock().recordNumber(), b.clock().id() + " 100");
    } else if (event instanceof IncidentEvent.Closed c && c.automatically()) {
      journal.fire("incident.closeAutomatically", c.recordNumber(), "");
    } else if (event instanceof IncidentEvent.TargetMissed t) {
      journal.fire("incident.targetMissed", t.recordNumber(), t.target().name());
      if (args.containsKey("holdFirstBreach") && holding.compareAndSet(false, true)) {
        // a breach job half done: it has written the clock, not yet the record; held until the
        // node is killed
        journal.fire("holding", t.recordNumber(), t.target().name());
        sleep(Long.parseLong(args.get("holdFirstBreach")));
      }
    }
  }

  /** Both nodes have read the record before either writes it. */
  private void barrier(String round) {
    Path dir = control.resolve("barrier");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(round + "." + node), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> peers = Arrays.asList(args.get("peers").split(","));
    long deadline = System.currentTimeMillis() + 20_000;
    while (!peers.stream().allMatch(p -> Files.exists(dir.resolve(round + "." + p)))) {
      if (System.currentTimeMillis() > deadline) {
        journal.control("BARRIER-TIMEOUT", round);
        return;
      }
      sleep(1);
    }
  }

  private void awaitFile(String name, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!Files.exists(control.resolve(name))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("no " + name + " file after " + timeoutMs + " ms");
      }
      sleep(20);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A call failed with a non-retryable exception: the worker gives up on the incident. */
  private static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned(RuntimeException cause) {
      super(cause);
    }
  }

  /** One thread of load. */
  private final class Worker {
    private final String name;
    private final Random rnd;
    private final Actor agent = Actor.of("agent", "service-desk");
    private final Actor resolver = Actor.of("resolver", "network", "network-2");
    private long seq;
    private int opened;

    Worker(String name, Random rnd) {
      this.name = name;
      this.rnd = rnd;
    }

    /** One attempt of a call, journaled before and after. */
    Incident once(String op, String number, String detail, Supplier<Incident> call) {
      long s = ++seq;
      journal.begin(name, s, op, number, detail);
      try {
        Incident result = call.get();
        journal.ok(name, s, op, result, detail);
        return result;
      } catch (RuntimeException e) {
        journal.fail(name, s, op, number, e);
        throw e;
      }
    }

    /** A call, repeated (a new call each time) while it fails with a retryable exception. */
    Incident call(String op, String number, String detail, Supplier<Incident> call) {
      for (int attempt = 1; ; attempt++) {
        try {
          return once(op, number, detail, call);
        } catch (RuntimeException e) {
          if (!(e instanceof ItsmException i && i.isRetryable()) || attempt >= 20) {
            throw new Abandoned(e);
          }
          sleep(10 + rnd.nextInt(40));
        }
      }
    }

    /** Lifecycles of P2 incidents with pauses, so SLA and auto-close timers fall due. */
    void lifecycleLoad(long deadline) {
      while (System.currentTimeMillis() < deadline) {
        try {
          oneIncident();
        } catch (Abandoned e) {
          e.getCause().printStackTrace();
        }
      }
      try {
        // left open: its clocks keep running after the load
        Incident inc = open();
        if (rnd.nextBoolean()) {
          call("acknowledge", inc.number(), "", () -> incidents.acknowledge(resolver,
              new AcknowledgeIncident(inc.number())));
        }
      } catch (Abandoned e) {
        e.getCause().printStackTrace();
      }
    }

    private Incident open() {
      String token = node + "-" + name + "-" + (++opened);
      return call("open", null, token, () -> incidents.open(agent, OpenIncident.builder()
          .title(ClusterFixture.title(token)).caller("caller-" + token).channel(Channel.PORTAL)
          .category("network").impact(Impact.MEDIUM).urgency(Urgency.HIGH) // P2
          .assignmentGroup("network").build()));
    }

    private void oneIncident() {
      Incident inc = open();
      String n = inc.number();
      // response target 2 s: some breach it, some are acknowledged just as it falls due
      pause(0, 500, 1950 + rnd.nextInt(300), 2500);
      if (rnd.nextInt(10) == 0) {
        call("cancel", n, "", () -> incidents.cancel(agent, new CancelIncident(n, "Duplicate")));
        return;
      }
      call("acknowledge", n, "", () -> incidents.acknowledge(resolver, new AcknowledgeIncident(n)));
      if (rnd.nextInt(10) < 4) {
        call("putOnHold", n, "", () -> incidents.putOnHold(resolver,
            new PutIncidentOnHold(n, HoldReason.AWAITING_CALLER, "Waiting for logs")));
        pause(300, 700);
        call("resume", n, "", () -> incidents.resume(resolver, new ResumeIncident(n, "Logs")));
      }
      if (rnd.nextInt(10) < 2) {
        call("assign", n, "network-2", () -> incidents.assign(agent,
            new AssignIncident(n, "network-2", "ravi")));
      }
      pause(0, 800, 3000); // resolution target 5 s: some breach it
      if (rnd.nextInt(10) == 0) {
        call("cancel", n, "", () -> incidents.cancel(agent, new CancelIncident(n, "Not needed")));
        return;
      }
      call("resolve", n, "", () -> incidents.resolve(resolver,
          new ResolveIncident(n, ResolutionCode.SOLVED_WORKAROUND, "Restarted the router")));
      int after = rnd.nextInt(10);
      if (after < 3) {
        call("close", n, "", () -> incidents.close(agent, new CloseIncident(n, "Confirmed")));
      } else if (after < 5) {
        call("reopen", n, "", () -> incidents.reopen(agent, new ReopenIncident(n, "Again")));
        pause(100, 300);
        call("resolve", n, "", () -> incidents.resolve(resolver,
            new ResolveIncident(n, ResolutionCode.SOLVED_PERMANENTLY, "Replaced the router")));
      }
      // otherwise (and after a reopen) the auto-close timer closes it
    }

    private void pause(long... choices) {
      long ms = choices[rnd.nextInt(choices.length)];
      if (ms > 0) {
        sleep(ms);
      }
    }

    /**
     * Both nodes assign the same incidents: in lock-step rounds (both have read the record
     * before either writes, so exactly one wins each round), then as fast as they can. One
     * attempt per call: the outcome is what is checked.
     */
    void contend() {
      int rounds = Integer.parseInt(args.getOrDefault("rounds", "0"));
      List<String> contended = list("contended");
      for (int r = 0; r < rounds; r++) {
        for (String number : contended) {
          String group = "team-" + node + "-" + r;
          ROUND.set(number + "-r" + r);
          try {
            once("assign", number, group, () -> incidents.assign(agent,
                new AssignIncident(number, group, null)));
          } catch (RuntimeException e) {
            // journaled
          } finally {
            ROUND.remove();
          }
        }
      }
      int calls = Integer.parseInt(args.getOrDefault("freeCalls", "0"));
      List<String> free = list("free");
      for (int i = 0; i < calls; i++) {
        for (String number : free) {
          String group = "free-" + node + "-" + i;
          try {
            once("assign", number, group, () -> incidents.assign(agent,
                new AssignIncident(number, group, node + "-agent")));
          } catch (RuntimeException e) {
            // journaled
          }
        }
      }
    }

    private List<String> list(String key) {
      String v = args.get(key);
      return v == null || v.isBlank() ? List.of() : Arrays.asList(v.split(","));
    }
  }
}
