package dev.itsm.bpmn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.bpmn.MigrationPlan;
import dev.itsm.bpmn.MigrationReport;
import dev.itsm.core.Actor;
import dev.itsm.core.ContractViolationException;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.Urgency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed diagram is a new version; running records stay on theirs and keep working (stages are
 * found per version), until they are migrated atomically with a validated plan.
 */
class VersionMigrationTest {

  static final Actor AGENT = Actor.of("dana", "service-desk");
  @TempDir Path dir;

  ItsmEngine.Builder builder() {
    return ItsmEngine.builder().dataDirectory(dir.resolve("db")).processes(ItsmProcess.INCIDENT)
        .jobPollInterval(Duration.ofMillis(100));
  }

  Incident open(ItsmEngine engine, String title) {
    return engine.incidents().open(AGENT, OpenIncident.builder().title(title).caller("bob")
        .channel(Channel.PORTAL).impact(Impact.LOW).urgency(Urgency.LOW).build());
  }

  String taskOf(ItsmEngine engine, Incident inc) {
    return engine.processEngine().getTaskService().createTaskQuery()
        .processInstanceBusinessKey(inc.number()).singleResult().getTaskDefinitionKey();
  }

  @Test
  void recordsStayOnTheirVersionUntilMigrated() throws Exception {
    Incident old1;
    Incident old2;
    try (ItsmEngine v1 = builder().build()) {
      old1 = open(v1, "Old one");
      old2 = open(v1, "Old two");
    }
    // version 2 renames the triage task: the stage property moves with it
    Path v2 = Files.writeString(dir.resolve("incident-v2.bpmn"),
        DiagramValidatorTest.shipped("incident.bpmn").replace("Task_TriageIncident",
            "Task_FirstLook").replace("camunda:versionTag=\"1.0.0\"", "camunda:versionTag=\"2\""));
    try (ItsmEngine engine = builder().diagram(ItsmProcess.INCIDENT, v2).build()) {
      Incident fresh = open(engine, "New one");
      assertThat(taskOf(engine, fresh)).isEqualTo("Task_FirstLook");
      assertThat(engine.versions().list(ItsmProcess.INCIDENT))
          .extracting(v -> v.version() + ":" + v.runningRecords()).containsExactly("1:2", "2:1");

      // an old record still works on version 1
      engine.incidents().acknowledge(AGENT, new AcknowledgeIncident(old1.number()));

      // a plan that forgets the renamed element is refused for every record, nothing moves
      assertThatThrownBy(() -> engine.versions().migrate(ItsmProcess.INCIDENT,
          MigrationPlan.sameIds()))
          .isInstanceOf(ContractViolationException.class)
          .hasMessageContaining(old2.number()).hasMessageContaining("Task_TriageIncident")
          .hasMessageContaining("nothing was migrated");
      assertThat(engine.versions().list(ItsmProcess.INCIDENT))
          .extracting(v -> v.version() + ":" + v.runningRecords()).containsExactly("1:2", "2:1");

      MigrationReport report = engine.versions().migrate(ItsmProcess.INCIDENT,
          MigrationPlan.sameIds().map("Task_TriageIncident", "Task_FirstLook"));

      assertThat(report.toVersion()).isEqualTo(2);
      assertThat(report.records()).extracting(MigrationReport.Migrated::recordNumber)
          .containsExactly(old1.number(), old2.number());
      assertThat(taskOf(engine, old2)).isEqualTo("Task_FirstLook");
      assertThat(engine.incidents().acknowledge(AGENT, new AcknowledgeIncident(old2.number()))
          .state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(engine.versions().list(ItsmProcess.INCIDENT))
          .extracting(v -> v.version() + ":" + v.runningRecords()).containsExactly("1:0", "2:3");
    }
  }

  @Test
  void withOneVersionThereIsNothingToMigrate() {
    try (ItsmEngine engine = builder().build()) {
      open(engine, "Only version");
      // one version only: nothing to migrate, an empty report
      assertThat(engine.versions().migrate(ItsmProcess.INCIDENT, MigrationPlan.sameIds())
          .records()).isEmpty();
    }
  }

  @Test
  void eachTenantHasItsOwnVersionsAndMigratesOnItsOwn() throws Exception {
    try (ItsmEngine v1 = builder().tenants("acme").build()) {
      open(v1, "Default tenant");
      v1.incidents().open(AGENT.inTenant("acme"), OpenIncident.builder().title("Acme")
          .caller("bob").channel(Channel.PORTAL).impact(Impact.LOW).urgency(Urgency.LOW)
          .build());
    }
    Path v2 = Files.writeString(dir.resolve("incident-v2.bpmn"),
        DiagramValidatorTest.shipped("incident.bpmn").replace("camunda:versionTag=\"1.0.0\"",
            "camunda:versionTag=\"2\""));
    try (ItsmEngine engine = builder().tenants("acme").diagram(ItsmProcess.INCIDENT, v2)
        .build()) {
      assertThat(engine.versions().list(ItsmProcess.INCIDENT))
          .extracting(v -> v.version() + "/" + v.runningRecords()).containsExactly("1/1", "2/0");
      assertThat(engine.versions().list(ItsmProcess.INCIDENT, "acme"))
          .extracting(v -> v.version() + "/" + v.runningRecords()).containsExactly("1/1", "2/0");
      assertThat(engine.versions().migrate(ItsmProcess.INCIDENT, MigrationPlan.sameIds(), "acme")
          .records()).extracting(MigrationReport.Migrated::recordNumber)
          .containsExactly("ACME-INC0000001");
      assertThat(engine.versions().list(ItsmProcess.INCIDENT, "acme"))
          .extracting(v -> v.version() + "/" + v.runningRecords()).containsExactly("1/0", "2/1");
      assertThat(engine.versions().list(ItsmProcess.INCIDENT))
          .extracting(v -> v.version() + "/" + v.runningRecords()).containsExactly("1/1", "2/0");
      assertThatThrownBy(() -> engine.versions().list(ItsmProcess.INCIDENT, "globex"))
          .hasMessageContaining("tenant globex is not served");
    }
  }
}
