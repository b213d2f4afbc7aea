package dev.itsm.bpmn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.core.Actor;
import dev.itsm.core.ContractViolationException;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.spi.HookContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team deploys its own version of the incident diagram: a valid one runs (and calls the host's
 * named hook); an invalid one is refused at build time with the whole report and nothing starts.
 */
class CustomDiagramTest {

  static final Actor AGENT = Actor.of("dana", "service-desk");
  static final Actor RESOLVER = Actor.of("sven", "storage");

  @TempDir Path dir;

  private ItsmEngine.Builder builder(Path diagram) {
    return ItsmEngine.builder().dataDirectory(dir.resolve("db"))
        .processes(ItsmProcess.INCIDENT).diagram(ItsmProcess.INCIDENT, diagram)
        .jobPollInterval(Duration.ofMillis(100));
  }

  private Path write(String name, String xml) throws Exception {
    return Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
  }

  @Test
  void aCustomisedDiagramRunsAndCallsTheNamedHook() throws Exception {
    Path custom = write("incident.bpmn", DiagramValidatorTest.vendorStep());
    List<HookContext> calls = new CopyOnWriteArrayList<>();
    try (ItsmEngine engine = builder(custom).hookPoint("notify-vendor", calls::add).build()) {
      Incident inc = engine.incidents().open(AGENT, OpenIncident.builder().title("SAN slow")
          .caller("alice").channel(Channel.PHONE).impact(Impact.MEDIUM).urgency(Urgency.HIGH)
          .assignmentGroup("storage").build());
      engine.incidents().acknowledge(RESOLVER, new AcknowledgeIncident(inc.number()));
      engine.incidents().putOnHold(RESOLVER, new PutIncidentOnHold(inc.number(),
          HoldReason.AWAITING_VENDOR, "Case opened with the vendor"));

      assertThat(calls).singleElement().satisfies(c -> {
        assertThat(c.hook()).isEqualTo("notify-vendor");
        assertThat(c.recordNumber()).isEqualTo(inc.number());
        assertThat(c.elementId()).isEqualTo("Task_NotifyVendor");
        assertThat(c.variable("assignmentGroup")).isEqualTo("storage");
      });
      engine.incidents().resume(RESOLVER, new ResumeIncident(inc.number(), null));
      assertThat(engine.processEngine().getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("itsm-incident").singleResult().getVersionTag())
          .isEqualTo("1.0.0-acme");
    }
  }

  @Test
  void aDiagramNamingAnUnregisteredHookIsRefusedAtBuildTime() throws Exception {
    Path custom = write("incident.bpmn", DiagramValidatorTest.vendorStep());
    assertThatThrownBy(() -> builder(custom).build())
        .isInstanceOf(ContractViolationException.class)
        .hasMessageContaining("Task_NotifyVendor")
        .hasMessageContaining("'notify-vendor', which nobody registered")
        .hasMessageContaining("hookPoint(\"notify-vendor\"");
    assertThat(dir.resolve("db")).doesNotExist();
  }

  @Test
  void aDiagramBreakingTheContractIsRefusedWithEveryProblem() throws Exception {
    Path broken = write("incident.bpmn", DiagramValidatorTest.shipped("incident.bpmn")
        .replace("<camunda:property name=\"itsm.stage\" value=\"resolution\" />", "")
        .replace("name=\"itsm.incident.cancel\"", "name=\"cancel\""));
    assertThatThrownBy(() -> builder(broken).build())
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          assertThat(e.code()).isEqualTo("ITSM-CONTRACT");
          assertThat(e.problems()).hasSize(2);
          assertThat(e.getMessage()).contains("stage 'resolution'")
              .contains("itsm.incident.cancel").doesNotContain("Exception");
        });
  }
}
