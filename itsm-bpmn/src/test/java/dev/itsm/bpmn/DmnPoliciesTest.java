package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.ContractViolationException;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.policy.AssignmentRule;
import dev.itsm.core.policy.PriorityMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Priority matrix and assignment rule as replaceable DMN tables, checked when loaded. */
class DmnPoliciesTest {

  @TempDir Path dir;

  static String shipped(String name) {
    try (InputStream in = DmnPoliciesTest.class.getClassLoader()
        .getResourceAsStream("itsm/policies/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shippedPriorityTableIsTheItilMatrix() {
    PriorityMatrix dmn = DmnPolicies.priorityMatrix();
    for (Impact i : Impact.values()) {
      for (Urgency u : Urgency.values()) {
        assertThat(dmn.priorityOf(i, u)).as(i + "/" + u)
            .isEqualTo(PriorityMatrix.itil().priorityOf(i, u));
      }
    }
  }

  @Test
  void aHostTableReplacesTheMatrixInTheEngine() throws Exception {
    // the host's policy: every medium-urgency incident is at least P2
    Path table = Files.writeString(dir.resolve("priority.dmn"), shipped("incident-priority.dmn")
        .replace("<outputEntry id=\"Rule_Impact2_Urgency2_Priority\"><text>\"P3\"</text>",
            "<outputEntry id=\"Rule_Impact2_Urgency2_Priority\"><text>\"P2\"</text>"));
    try (ItsmEngine engine = TestEngines.builder(dir.resolve("db"))
        .priorityMatrix(DmnPolicies.priorityMatrix(table)).build()) {
      Incident inc = engine.incidents().open(TestEngines.AGENT, TestEngines.vpnOutage()
          .impact(Impact.MEDIUM).urgency(Urgency.MEDIUM).build());
      assertThat(inc.priority()).isEqualTo(Priority.P2);
    }
  }

  @Test
  void aReplacementIsCheckedForInputsOutputAndCompleteness() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.dmn"), shipped("incident-priority.dmn")
        .replace("<text>urgency</text>", "<text>urgence</text>")
        .replace("name=\"priority\"", "name=\"prio\""));
    assertThatThrownBy(() -> DmnPolicies.priorityMatrix(broken))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          assertThat(e.getMessage()).contains("no input with the expression 'urgency'")
              .contains("no output named 'priority'");
        });

    Path gap = Files.writeString(dir.resolve("gap.dmn"), shipped("incident-priority.dmn")
        .replaceFirst("(?s)<rule id=\"Rule_Impact3_Urgency3\">.*?</rule>", ""));
    assertThatThrownBy(() -> DmnPolicies.priorityMatrix(gap))
        .isInstanceOf(ContractViolationException.class)
        .hasMessageContaining("impact 3 and urgency 3 give no valid priority");

    Path wrongId = Files.writeString(dir.resolve("id.dmn"), shipped("incident-priority.dmn")
        .replace("id=\"itsm-incident-priority\"", "id=\"prio\""));
    assertThatThrownBy(() -> DmnPolicies.priorityMatrix(wrongId))
        .hasMessageContaining("no decision with the id itsm-incident-priority (found: [prio])");
  }

  @Test
  void shippedAssignmentTableRoutesByCategory() {
    AssignmentRule rule = DmnPolicies.assignmentRule();
    assertThat(rule.groupFor("network", "vpn")).contains("network");
    assertThat(rule.groupFor("email", null)).contains("messaging");
    assertThat(rule.groupFor("facilities", null)).isEqualTo(Optional.empty());
    assertThat(rule.groupFor(null, null)).isEmpty();
  }

  @Test
  void aHostAssignmentTableIsChecked() throws Exception {
    Path noGroup = Files.writeString(dir.resolve("routing.dmn"), shipped("incident-assignment.dmn")
        .replace("name=\"group\"", "name=\"team\""));
    assertThatThrownBy(() -> DmnPolicies.assignmentRule(noGroup))
        .isInstanceOf(ContractViolationException.class)
        .hasMessageContaining("no output named 'group'");
  }
}
