package dev.itsm.examples.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.bpmn.MigrationReport;
import dev.itsm.core.incident.Priority;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "adapt" examples do what their javadoc promises. */
class AdaptExamplesTest {

  @TempDir Path dir;

  @Test
  void vendorEscalationStepCallsTheHostHook() {
    assertThat(AdaptExamples.vendorEscalationStep(dir)).containsExactly("INC0000001");
  }

  @Test
  void hostPriorityTableOverridesTheItilMatrix() {
    assertThat(AdaptExamples.hostPriorityTable(dir).priority()).isEqualTo(Priority.P1);
  }

  @Test
  void incidentManagementAloneDeploysItsProcessAndTheClock() {
    assertThat(AdaptExamples.incidentManagementAlone(dir))
        .containsExactly("itsm-incident", "itsm-sla-clock");
  }

  @Test
  void runningIncidentsMoveToTheNewVersion() {
    MigrationReport report = AdaptExamples.migrateRunningIncidents(dir);
    assertThat(report.toVersion()).isEqualTo(2);
    assertThat(report.records()).extracting(MigrationReport.Migrated::recordNumber)
        .containsExactly("INC0000001", "INC0000002");
    assertThat(report.records()).allMatch(r -> r.fromVersion() == 1);
  }
}
