package dev.itsm.core.policy;

import static dev.itsm.core.incident.IncidentFixtures.openCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.Actor;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.incident.internal.ServiceFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityMatrixTest {

  @ParameterizedTest(name = "impact {0} × urgency {1} = {2}")
  @CsvSource({
      "HIGH,   HIGH,   P1",
      "HIGH,   MEDIUM, P2",
      "HIGH,   LOW,    P3",
      "MEDIUM, HIGH,   P2",
      "MEDIUM, MEDIUM, P3",
      "MEDIUM, LOW,    P4",
      "LOW,    HIGH,   P3",
      "LOW,    MEDIUM, P4",
      "LOW,    LOW,    P5"})
  void itilMatrixGivesTheDocumentedPriority(Impact impact, Urgency urgency, Priority expected) {
    assertThat(PriorityMatrix.itil().priorityOf(impact, urgency)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "impact {0} × urgency {1} opens as {2}")
  @CsvSource({"HIGH, HIGH, P1", "MEDIUM, LOW, P4", "LOW, LOW, P5"})
  void serviceDerivesPriorityWithTheItilMatrixByDefault(Impact impact, Urgency urgency,
      Priority expected) {
    Incident i = ServiceFixture.inMemory().opened(openCommand().impact(impact).urgency(urgency)
        .build());

    assertThat(i.priority()).isEqualTo(expected);
  }

  @Test
  void customMatrixIsUsedByTheServiceForPriorityAndTargets() {
    List<String> asked = new ArrayList<>();
    PriorityMatrix vipFirst = (impact, urgency) -> {
      asked.add(impact + "/" + urgency);
      return impact == Impact.HIGH ? Priority.P1 : Priority.P4;
    };
    ServiceFixture f = ServiceFixture.builder().priorityMatrix(vipFirst).build();

    // ITIL would give P3 for LOW × HIGH
    Incident i = f.opened(openCommand().impact(Impact.LOW).urgency(Urgency.HIGH).build());

    assertThat(asked).containsExactly("LOW/HIGH");
    assertThat(i.priority()).isEqualTo(Priority.P4);
    assertThat(f.service.get(Actor.system(), i.number()).priority()).isEqualTo(Priority.P4);
    // the P4 targets of ServiceLevels.defaults() (24x7): 8 h response, 5 days resolution
    assertThat(i.milestones().responseDue())
        .isEqualTo(i.milestones().openedAt().plus(Duration.ofHours(8)));
    assertThat(i.milestones().resolutionDue())
        .isEqualTo(i.milestones().openedAt().plus(Duration.ofDays(5)));
  }
}
