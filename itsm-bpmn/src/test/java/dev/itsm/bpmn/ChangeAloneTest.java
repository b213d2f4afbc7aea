package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.DecideChange;
import dev.itsm.core.change.RecordOutcome;
import dev.itsm.core.change.ScheduleChange;
import dev.itsm.core.change.StartImplementation;
import dev.itsm.core.change.SubmitChange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change enablement adopted alone: no incident process needed, incident links kept as given, a
 * clear error for the practice not deployed, and a change that survives a restart half-way.
 */
class ChangeAloneTest {

  @TempDir Path dir;

  private ItsmEngine changeOnly() {
    return ItsmEngine.builder().dataDirectory(dir).processes(ItsmProcess.CHANGE)
        .jobPollInterval(Duration.ofMillis(100)).build();
  }

  @Test
  void runsWithoutIncidentManagementAndSurvivesARestart() {
    String number;
    try (ItsmEngine engine = changeOnly()) {
      assertThatThrownBy(engine::incidents).isInstanceOf(ItsmConfigurationException.class)
          .hasMessageContaining("ItsmProcess.INCIDENT");
      Change c = engine.changes().create(ChangeProcessFlowTest.RITA,
          ChangeProcessFlowTest.lowRisk().incidents("INC0000042").build());
      assertThat(c.incidents()).containsExactly("INC0000042");
      number = c.number();
      engine.changes().submitForAuthorization(ChangeProcessFlowTest.OLIVIA,
          new SubmitChange(number, null));
    }
    try (ItsmEngine engine = changeOnly()) {
      Actor max = ChangeProcessFlowTest.MAX;
      engine.changes().decide(max, DecideChange.approve(number, "after the restart"));
      Instant start = EngineClock.now().plus(Duration.ofDays(1));
      engine.changes().schedule(max, ScheduleChange.window(number, start,
          start.plusSeconds(600)));
      engine.changes().startImplementation(ChangeProcessFlowTest.IVAN,
          new StartImplementation(number, null));
      Change done = engine.changes().recordOutcome(ChangeProcessFlowTest.IVAN,
          new RecordOutcome(number, ChangeOutcome.SUCCESSFUL, "done"));
      assertThat(done.state()).isEqualTo(ChangeState.CLOSED);
      assertThat(engine.processEngine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(number).count()).isZero();
    }
  }

  @Test
  void incidentManagementAloneRefusesChangeCallsClearly() {
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(dir)
        .processes(ItsmProcess.INCIDENT).build()) {
      assertThatThrownBy(engine::changes).isInstanceOf(ItsmConfigurationException.class)
          .hasMessage("Change enablement is not enabled: add ItsmProcess.CHANGE to"
              + " ItsmEngine.builder().processes(...)");
    }
  }
}
