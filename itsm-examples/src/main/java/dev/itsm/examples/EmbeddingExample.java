package dev.itsm.examples;

import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.core.Actor;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.policy.AssignmentRule;
import java.nio.file.Path;
import java.util.Map;

/** The minimal host application: embed the engine, log an incident, work it, resolve it. */
public final class EmbeddingExample {

  private EmbeddingExample() {}

  /** @param dataDir where the H2 database lives @return the resolved incident */
  public static Incident run(Path dataDir) {
    try (ItsmEngine engine = ItsmEngine.builder()
        .dataDirectory(dataDir)
        .processes(ItsmProcess.INCIDENT)
        .assignmentRule(AssignmentRule.byCategory(Map.of("email", "messaging")))
        .build()) {
      Actor agent = Actor.of("dana", "service-desk");
      Incident inc = engine.incidents().open(agent, OpenIncident.builder()
          .title("Outlook cannot connect").caller("bob").channel(Channel.PHONE)
          .category("email").impact(Impact.MEDIUM).urgency(Urgency.MEDIUM).build());
      Actor resolver = Actor.of("mo", "messaging");
      engine.incidents().acknowledge(resolver, new AcknowledgeIncident(inc.number()));
      return engine.incidents().resolve(resolver, new ResolveIncident(inc.number(),
          ResolutionCode.SOLVED_PERMANENTLY, "Recreated the mail profile"));
    }
  }

  /** @param args optional data directory (default {@code ./itsm-data}) */
  public static void main(String[] args) {
    Incident inc = run(Path.of(args.length > 0 ? args[0] : "itsm-data"));
    System.out.println(inc.number() + " " + inc.priority() + " " + inc.state());
  }
}
