package dev.itsm.examples.adapt;

import dev.itsm.bpmn.DmnPolicies;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.bpmn.MigrationPlan;
import dev.itsm.bpmn.MigrationReport;
import dev.itsm.core.Actor;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * "Adapt" in four small examples, each run by {@code AdaptExamplesTest}:
 * <ol>
 *   <li>{@link #vendorEscalationStep}: the incident diagram with an added step that calls host
 *       code through a named hook point;</li>
 *   <li>{@link #hostPriorityTable}: the priority matrix replaced by the host's own DMN table;</li>
 *   <li>{@link #incidentManagementAlone}: only incident management deployed;</li>
 *   <li>{@link #migrateRunningIncidents}: running incidents moved to a new diagram version.</li>
 * </ol>
 */
public final class AdaptExamples {

  static final Actor AGENT = Actor.of("dana", "service-desk");

  private AdaptExamples() {}

  /**
   * Deploys {@code examples/incident-with-vendor-step.bpmn} (a "Notify vendor" service task on
   * the hold path with {@code itsm.hook = notify-vendor}) and registers the hook.
   *
   * @param dataDir an empty directory
   * @return the records for which the vendor was notified
   */
  public static List<String> vendorEscalationStep(Path dataDir) {
    List<String> notified = new CopyOnWriteArrayList<>();
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(dataDir.resolve("db"))
        .processes(ItsmProcess.INCIDENT)
        .diagram(ItsmProcess.INCIDENT, copy("examples/incident-with-vendor-step.bpmn", dataDir))
        .hookPoint("notify-vendor", ctx -> notified.add(ctx.recordNumber()))
        .build()) {
      Incident inc = open(engine, Impact.MEDIUM, Urgency.HIGH);
      engine.incidents().acknowledge(AGENT, new AcknowledgeIncident(inc.number()));
      engine.incidents().putOnHold(AGENT, new PutIncidentOnHold(inc.number(),
          HoldReason.AWAITING_VENDOR, "Case 4711 with the storage vendor"));
    }
    return notified;
  }

  /**
   * Replaces the priority matrix with {@code examples/acme-priority.dmn}, in which a medium
   * impact with high urgency is P1 (the ITIL matrix says P2).
   *
   * @param dataDir an empty directory
   * @return the priority of a medium-impact, high-urgency incident
   */
  public static Incident hostPriorityTable(Path dataDir) {
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(dataDir.resolve("db"))
        .processes(ItsmProcess.INCIDENT)
        .priorityMatrix(DmnPolicies.priorityMatrix(copy("examples/acme-priority.dmn", dataDir)))
        .build()) {
      return open(engine, Impact.MEDIUM, Urgency.HIGH);
    }
  }

  /**
   * Adopts incident management only: the one practice deployed (the service-level clock process
   * comes with every practice).
   *
   * @param dataDir an empty directory
   * @return the process keys deployed
   */
  public static List<String> incidentManagementAlone(Path dataDir) {
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(dataDir.resolve("db"))
        .processes(ItsmProcess.INCIDENT).build()) {
      return engine.processEngine().getRepositoryService().createProcessDefinitionQuery()
          .orderByProcessDefinitionKey().asc().list().stream().map(d -> d.getKey()).toList();
    }
  }

  /**
   * Opens incidents on the shipped diagram, deploys a version in which the triage task is renamed,
   * and migrates the running incidents to it.
   *
   * @param dataDir an empty directory
   * @return the migration report
   */
  public static MigrationReport migrateRunningIncidents(Path dataDir) {
    Path db = dataDir.resolve("db");
    try (ItsmEngine v1 = ItsmEngine.builder().dataDirectory(db)
        .processes(ItsmProcess.INCIDENT).build()) {
      open(v1, Impact.LOW, Urgency.LOW);
      open(v1, Impact.LOW, Urgency.MEDIUM);
    }
    Path v2 = write(dataDir.resolve("incident-v2.bpmn"), resource("itsm/processes/incident.bpmn")
        .replace("Task_TriageIncident", "Task_FirstLook")
        .replace("camunda:versionTag=\"1.0.0\"", "camunda:versionTag=\"1.1.0\""));
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(db)
        .processes(ItsmProcess.INCIDENT).diagram(ItsmProcess.INCIDENT, v2).build()) {
      return engine.versions().migrate(ItsmProcess.INCIDENT,
          MigrationPlan.sameIds().map("Task_TriageIncident", "Task_FirstLook"));
    }
  }

  private static Incident open(ItsmEngine engine, Impact impact, Urgency urgency) {
    return engine.incidents().open(AGENT, OpenIncident.builder().title("Storage array degraded")
        .caller("carol").channel(Channel.MONITORING).impact(impact).urgency(urgency)
        .assignmentGroup("storage").build());
  }

  private static Path copy(String resource, Path dir) {
    return write(dir.resolve(Path.of(resource).getFileName()), resource(resource));
  }

  private static String resource(String name) {
    try (InputStream in = AdaptExamples.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, String content) {
    try {
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
