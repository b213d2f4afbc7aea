package dev.itsm.bpmn;

import dev.itsm.core.Actor;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.Urgency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Test data and engines, built one way for every test. */
final class TestEngines {

  static final Actor AGENT = Actor.of("dana", "service-desk");
  static final Actor RESOLVER = Actor.of("raj", "network");
  /** Holds metrics.read. */
  static final Actor MANAGER = Actor.of("ines", "incident-managers");
  /** Holds every permission, audit.verify included. */
  static final Actor ADMIN = Actor.of("ada", "itsm-admins");

  private TestEngines() {}

  /** @return a builder on a fresh H2 file database in {@code dir}, with a fast job executor */
  static ItsmEngine.Builder builder(Path dir) {
    return ItsmEngine.builder()
        .dataDirectory(dir)
        .processes(ItsmProcess.INCIDENT)
        .jobPollInterval(Duration.ofMillis(100));
  }

  /** @return a builder on {@code database}, with a fast job executor */
  static ItsmEngine.Builder builder(EngineDatabase database) {
    return database.configure(ItsmEngine.builder())
        .processes(ItsmProcess.INCIDENT)
        .jobPollInterval(Duration.ofMillis(100));
  }

  static OpenIncident.Builder vpnOutage() {
    return OpenIncident.builder()
        .title("VPN drops every ten minutes")
        .description("Since this morning the VPN client disconnects")
        .caller("alice")
        .channel(Channel.PHONE)
        .category("network").subcategory("vpn")
        .impact(Impact.MEDIUM).urgency(Urgency.HIGH)
        .assignmentGroup("network");
  }

  static Incident open(ItsmEngine engine) {
    return engine.incidents().open(AGENT, vpnOutage().build());
  }

  static Incident openAndAcknowledge(ItsmEngine engine) {
    Incident inc = open(engine);
    return engine.incidents().acknowledge(RESOLVER, new AcknowledgeIncident(inc.number()));
  }

  static Incident resolved(ItsmEngine engine) {
    Incident inc = openAndAcknowledge(engine);
    return engine.incidents().resolve(RESOLVER, new ResolveIncident(inc.number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Replaced the VPN concentrator's power supply"));
  }

  /** Waits (up to {@code timeout}) for a condition that the job executor makes true. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
