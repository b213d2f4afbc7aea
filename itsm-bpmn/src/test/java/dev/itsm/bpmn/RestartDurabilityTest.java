package dev.itsm.bpmn;

import static dev.itsm.bpmn.TestEngines.AGENT;
import static dev.itsm.bpmn.TestEngines.RESOLVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records, processes and timers survive closing the engine and starting it again on the same
 * database (H2 files, PostgreSQL).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class RestartDurabilityTest {

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;
  @TempDir Path dir;
  EngineDatabase database;

  @BeforeEach
  void createDatabase() {
    database = EngineDatabase.create(kind, dir, "restart");
  }

  @AfterEach
  void cleanUp() {
    EngineClock.reset();
    database.close();
  }

  @Test
  void lifecycleContinuesAfterRestart() {
    Incident inc;
    try (ItsmEngine first = TestEngines.builder(database).build()) {
      inc = TestEngines.openAndAcknowledge(first);
      first.incidents().putOnHold(RESOLVER,
          new PutIncidentOnHold(inc.number(), HoldReason.AWAITING_VENDOR, "Ticket with ACME"));
      first.incidents().addWorkNote(RESOLVER, new AddWorkNote(inc.number(), "ACME case 4711",
          AddWorkNote.Visibility.INTERNAL));
    }

    try (ItsmEngine second = TestEngines.builder(database).build()) {
      Incident reloaded = second.incidents().get(AGENT, inc.number());
      assertThat(reloaded.state()).isEqualTo(IncidentState.ON_HOLD);
      assertThat(reloaded.holdReason()).isEqualTo(HoldReason.AWAITING_VENDOR);
      assertThat(second.incidents().timeline(AGENT, inc.number()))
          .anyMatch(t -> t.text().equals("ACME case 4711"));
      assertThat(second.processEngine().getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("itsm-incident").count())
          .as("an unchanged diagram is not deployed again").isOne();

      second.incidents().resume(RESOLVER, new ResumeIncident(inc.number(), "ACME fixed it"));
      second.incidents().resolve(RESOLVER, new ResolveIncident(inc.number(),
          ResolutionCode.SOLVED_PERMANENTLY, "Vendor patch applied"));
      Incident closed = second.incidents().close(AGENT, new CloseIncident(inc.number(), null));
      assertThat(closed.state()).isEqualTo(IncidentState.CLOSED);
      assertThat(second.processEngine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(inc.number()).count()).isZero();

      Incident next = TestEngines.open(second);
      assertThat(next.number()).isEqualTo("INC0000002");
    }
  }

  @Test
  void timerArmedBeforeRestartFiresAfterIt() {
    Incident inc;
    try (ItsmEngine first = TestEngines.builder(database).build()) {
      inc = TestEngines.resolved(first);
    }
    EngineClock.advance(Duration.ofDays(4));
    try (ItsmEngine second = TestEngines.builder(database).build()) {
      TestEngines.await(Duration.ofSeconds(30), "auto-close after restart",
          () -> second.incidents().get(AGENT, inc.number()).state() == IncidentState.CLOSED);
    }
  }
}
