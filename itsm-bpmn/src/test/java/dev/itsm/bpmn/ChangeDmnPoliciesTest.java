package dev.itsm.bpmn;

import static dev.itsm.bpmn.DmnPoliciesTest.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.ContractViolationException;
import dev.itsm.core.ContractViolationException.Problem;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.ChangeAuthority;
import dev.itsm.core.change.ChangeAuthorityPolicy;
import dev.itsm.core.change.ChangeRisk;
import dev.itsm.core.change.ChangeRiskPolicy;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.change.RiskFactors;
import dev.itsm.core.incident.Impact;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Change risk and change authority as replaceable DMN tables, checked when loaded. */
class ChangeDmnPoliciesTest {

  @TempDir Path dir;

  private static final ChangeRiskPolicy RISK = DmnPolicies.changeRisk();
  private static final ChangeAuthorityPolicy AUTHORITY = DmnPolicies.changeAuthority();

  // ------------------------------------------------------------------ shipped risk table

  /** One case per row of change-risk.dmn, in order, named after the row's annotation. */
  static Stream<Arguments> riskRows() {
    return Stream.of(
        row("Two or more similar changes failed in the look-back period: high risk, whatever"
            + " else is known", factors(Impact.LOW, 0, false, true, true, 2), ChangeRisk.HIGH),
        row("High business impact and a service outage: high risk",
            factors(Impact.HIGH, 1, true, true, true, 0), ChangeRisk.HIGH),
        row("More than 20 configuration items touched: high risk",
            factors(Impact.LOW, 21, false, true, true, 0), ChangeRisk.HIGH),
        row("Not tested in a production-like environment and the impact is not low: high risk",
            factors(Impact.MEDIUM, 1, false, false, true, 0), ChangeRisk.HIGH),
        row("High business impact: medium risk",
            factors(Impact.HIGH, 1, false, true, true, 0), ChangeRisk.MEDIUM),
        row("More than 5 configuration items touched: medium risk",
            factors(Impact.LOW, 6, false, true, true, 0), ChangeRisk.MEDIUM),
        row("A service outage is needed: medium risk",
            factors(Impact.MEDIUM, 1, true, true, true, 0), ChangeRisk.MEDIUM),
        row("Not tested in a production-like environment (low impact): medium risk",
            factors(Impact.LOW, 1, false, false, true, 0), ChangeRisk.MEDIUM),
        row("One similar change failed in the look-back period: medium risk",
            factors(Impact.LOW, 1, false, true, true, 1), ChangeRisk.MEDIUM),
        row("The backout plan was not tested: medium risk",
            factors(Impact.LOW, 1, false, true, false, 0), ChangeRisk.MEDIUM),
        row("Otherwise (tested, backout tested, no outage, at most 5 items, impact not high, no"
            + " similar failure): low risk", factors(Impact.MEDIUM, 5, false, true, true, 0),
            ChangeRisk.LOW));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("riskRows")
  void shippedRiskTableRow(String annotation, RiskFactors factors, ChangeRisk expected) {
    assertThat(RISK.riskOf(factors)).as(annotation).isEqualTo(expected);
  }

  @Test
  void theShippedRiskTablePassesTheChecksOfAReplacement() throws Exception {
    // changeRisk() leaves the grid check of its own table to this test
    ChangeRiskPolicy copy = DmnPolicies.changeRisk(write("risk.dmn", shipped("change-risk.dmn")));
    assertThat(copy.riskOf(factors(Impact.HIGH, 25, true, false, false, 2)))
        .isEqualTo(ChangeRisk.HIGH);
  }

  @Test
  void everyRiskRowHasACase() {
    assertThat(annotations("change-risk.dmn")).containsExactlyElementsOf(
        riskRows().map(a -> (String) a.get()[0]).collect(Collectors.toList()));
  }

  // ------------------------------------------------------------- shipped authority table

  /** One case per row of change-authority.dmn, in order, named after the row's annotation. */
  static Stream<Arguments> authorityRows() {
    ChangeAuthority ecab = new ChangeAuthority("ecab", "ecab", ApprovalPolicy.any(),
        Duration.ofHours(4));
    return Stream.of(
        row("Emergency change, any risk: the emergency CAB, one approval within 4 hours",
            List.of(ChangeType.EMERGENCY, ChangeRisk.LOW, ChangeType.EMERGENCY,
                ChangeRisk.MEDIUM, ChangeType.EMERGENCY, ChangeRisk.HIGH), ecab),
        row("Normal change, low risk: the change manager, one approval within 2 days",
            List.of(ChangeType.NORMAL, ChangeRisk.LOW), new ChangeAuthority("change-manager",
                "change-managers", ApprovalPolicy.any(), Duration.ofDays(2))),
        row("Normal change, medium risk: the change managers, two approvals within 3 days",
            List.of(ChangeType.NORMAL, ChangeRisk.MEDIUM), new ChangeAuthority("change-manager",
                "change-managers", ApprovalPolicy.quorum(2), Duration.ofDays(3))),
        row("Normal change, high risk: the change advisory board, 60% of its members within 5"
            + " days", List.of(ChangeType.NORMAL, ChangeRisk.HIGH), new ChangeAuthority("cab",
                "cab", ApprovalPolicy.quorumPercent(60), Duration.ofDays(5))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authorityRows")
  void shippedAuthorityTableRow(String annotation, List<Object> typeRiskPairs,
      ChangeAuthority expected) {
    for (int i = 0; i < typeRiskPairs.size(); i += 2) {
      assertThat(AUTHORITY.authorityFor((ChangeType) typeRiskPairs.get(i),
          (ChangeRisk) typeRiskPairs.get(i + 1)))
          .as(annotation + " (" + typeRiskPairs.get(i) + ", " + typeRiskPairs.get(i + 1) + ")")
          .isEqualTo(expected);
    }
  }

  @Test
  void everyAuthorityRowHasACase() {
    assertThat(annotations("change-authority.dmn")).containsExactlyElementsOf(
        authorityRows().map(a -> (String) a.get()[0]).collect(Collectors.toList()));
  }

  @Test
  void aStandardChangeHasNoAuthorityInTheShippedTable() {
    assertThatThrownBy(() -> AUTHORITY.authorityFor(ChangeType.STANDARD, ChangeRisk.LOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("changeType STANDARD and risk LOW give no change authority");
  }

  // ---------------------------------------------------------------- replacement tables

  @Test
  void aReplacementRiskTableIsCheckedForInputsAndOutput() throws Exception {
    Path broken = write("risk.dmn", shipped("change-risk.dmn")
        .replace("<text>backoutTested</text>", "<text>backout</text>")
        .replace("name=\"risk\"", "name=\"level\""));
    assertThatThrownBy(() -> DmnPolicies.changeRisk(broken))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          assertThat(e.getMessage())
              .contains("no input with the expression 'backoutTested'")
              .contains("no output named 'risk'");
        });

    Path wrongId = write("id.dmn", shipped("change-risk.dmn")
        .replace("id=\"itsm-change-risk\"", "id=\"risk\""));
    assertThatThrownBy(() -> DmnPolicies.changeRisk(wrongId))
        .hasMessageContaining("no decision with the id itsm-change-risk (found: [risk])");
  }

  @Test
  void aRiskTableWithoutTheCatchAllNamesTheInputsWithoutRisk() throws Exception {
    Path gap = write("gap.dmn", shipped("change-risk.dmn")
        .replaceFirst("(?s)<rule id=\"Rule_Otherwise\">.*?</rule>", ""));
    assertThatThrownBy(() -> DmnPolicies.changeRisk(gap))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          // of the grid, only a change of medium or low impact that passes every other rule
          // reaches the catch-all
          assertThat(e.problems()).extracting(Problem::message).containsExactly(
              "impact MEDIUM, affectedItems 0, requiresOutage false, tested true, backoutTested"
                  + " true and failedSimilarChanges 0 give no risk (no rule matches).",
              "impact LOW, affectedItems 0, requiresOutage false, tested true, backoutTested"
                  + " true and failedSimilarChanges 0 give no risk (no rule matches).");
          assertThat(e.problems().get(0).fix()).contains("a last rule with empty (-) inputs");
        });
  }

  @Test
  void aRiskTableWithUnknownValuesNamesFiveCombinationsAndCountsTheRest() throws Exception {
    Path unknown = write("unknown.dmn", shipped("change-risk.dmn")
        .replace("<outputEntry id=\"Rule_RepeatedFailures_Risk\"><text>\"HIGH\"</text>",
            "<outputEntry id=\"Rule_RepeatedFailures_Risk\"><text>\"CRITICAL\"</text>"));
    assertThatThrownBy(() -> DmnPolicies.changeRisk(unknown))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          // 72 of the 216 grid points have 2 failed similar changes
          assertThat(e.problems()).hasSize(6);
          assertThat(e.problems().get(0).message()).isEqualTo("impact HIGH, affectedItems 0,"
              + " requiresOutage false, tested false, backoutTested false and"
              + " failedSimilarChanges 2 give the risk 'CRITICAL', which is not LOW, MEDIUM or"
              + " HIGH.");
          assertThat(e.problems().get(5).message())
              .isEqualTo("67 more input combinations of the 216 checked give no valid risk.");
        });
  }

  @Test
  void aHostRiskTableReplacesTheShippedOne() throws Exception {
    // the host's policy: more than 10 items is already high risk
    Path table = write("risk.dmn", shipped("change-risk.dmn")
        .replace("<inputEntry id=\"Rule_ManyItems_AffectedItems\"><text>&gt; 20</text>",
            "<inputEntry id=\"Rule_ManyItems_AffectedItems\"><text>&gt; 10</text>"));
    ChangeRiskPolicy host = DmnPolicies.changeRisk(table);
    assertThat(host.riskOf(factors(Impact.LOW, 11, false, true, true, 0)))
        .isEqualTo(ChangeRisk.HIGH);
    assertThat(RISK.riskOf(factors(Impact.LOW, 11, false, true, true, 0)))
        .isEqualTo(ChangeRisk.MEDIUM);
  }

  @Test
  void anUnexpectedRiskOutsideTheCheckedGridFailsNamingTheInputs() throws Exception {
    Path table = write("risk.dmn", shipped("change-risk.dmn")
        .replace("<outputEntry id=\"Rule_RepeatedFailures_Risk\"><text>\"HIGH\"</text>",
            "<outputEntry id=\"Rule_RepeatedFailures_Risk\"><text>if failedSimilarChanges"
                + " &gt; 5 then \"SEVERE\" else \"HIGH\"</text>"));
    ChangeRiskPolicy host = DmnPolicies.changeRisk(table);
    assertThat(host.riskOf(factors(Impact.LOW, 0, false, true, true, 2)))
        .isEqualTo(ChangeRisk.HIGH);
    assertThatThrownBy(() -> host.riskOf(factors(Impact.LOW, 0, false, true, true, 6)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("impact LOW, affectedItems 0, requiresOutage false, tested true,"
            + " backoutTested true and failedSimilarChanges 6 give the risk 'SEVERE'");
  }

  @Test
  void aReplacementAuthorityTableIsCheckedForInputsAndOutputs() throws Exception {
    Path broken = write("authority.dmn", shipped("change-authority.dmn")
        .replace("<text>risk</text>", "<text>riskLevel</text>")
        .replace("name=\"deadline\"", "name=\"due\""));
    assertThatThrownBy(() -> DmnPolicies.changeAuthority(broken))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          assertThat(e.problems()).extracting(Problem::message).satisfiesExactly(
              m -> assertThat(m).startsWith("The table has no input with the expression 'risk'")
                  .contains("riskLevel"),
              m -> assertThat(m).startsWith("The table has no output named 'deadline' (outputs:")
                  .contains("due"));
          assertThat(e.problems().get(1).fix()).isEqualTo("Add an output column named deadline.");
          assertThat(e.problems()).extracting(Problem::elementId)
              .containsOnly(DmnPolicies.AUTHORITY_DECISION);
        });
  }

  @Test
  void anAuthorityTableMissingACombinationNamesItAndTheFix() throws Exception {
    Path gap = write("authority.dmn", shipped("change-authority.dmn")
        .replaceFirst("(?s)<rule id=\"Rule_NormalMedium\">.*?</rule>", ""));
    assertThatThrownBy(() -> DmnPolicies.changeAuthority(gap))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).message())
              .isEqualTo("changeType NORMAL and risk MEDIUM give no change authority (no rule"
                  + " matches).");
          assertThat(e.problems().get(0).fix()).contains("Add a rule for this combination");
        });
  }

  @Test
  void anAuthorityTableMatchingTwiceNamesTheCombinations() throws Exception {
    // the emergency row made to match every change type: it overlaps the three normal rows
    Path overlap = write("authority.dmn", shipped("change-authority.dmn")
        .replace("<inputEntry id=\"Rule_Emergency_ChangeType\"><text>\"EMERGENCY\"</text>",
            "<inputEntry id=\"Rule_Emergency_ChangeType\"><text></text>"));
    assertThatThrownBy(() -> DmnPolicies.changeAuthority(overlap))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          assertThat(e.problems()).extracting(Problem::message).containsExactly(
              "changeType NORMAL and risk LOW give no single change authority (2 rules match:"
                  + " row 1 (Rule_Emergency), row 2 (Rule_NormalLow); the hit policy UNIQUE"
                  + " does not allow that).",
              "changeType NORMAL and risk MEDIUM give no single change authority (2 rules match:"
                  + " row 1 (Rule_Emergency), row 3 (Rule_NormalMedium); the hit policy UNIQUE"
                  + " does not allow that).",
              "changeType NORMAL and risk HIGH give no single change authority (2 rules match:"
                  + " row 1 (Rule_Emergency), row 4 (Rule_NormalHigh); the hit policy UNIQUE"
                  + " does not allow that).");
          assertThat(e.problems().get(0).fix()).contains("exactly one rule");
        });
  }

  @Test
  void anUnparseableApprovalPolicyOrDeadlineIsNamed() throws Exception {
    Path bad = write("authority.dmn", shipped("change-authority.dmn")
        .replace("<text>\"QUORUM:60%\"</text>", "<text>\"MAJORITY\"</text>")
        .replace("<outputEntry id=\"Rule_NormalLow_Deadline\"><text>\"P2D\"</text>",
            "<outputEntry id=\"Rule_NormalLow_Deadline\"><text>\"2 days\"</text>")
        .replace("<outputEntry id=\"Rule_NormalMedium_Deadline\"><text>\"P3D\"</text>",
            "<outputEntry id=\"Rule_NormalMedium_Deadline\"><text>\"PT0S\"</text>"));
    assertThatThrownBy(() -> DmnPolicies.changeAuthority(bad))
        .isInstanceOfSatisfying(ContractViolationException.class, e -> {
          assertThat(e.problems()).extracting(Problem::message).containsExactly(
              "changeType NORMAL and risk LOW give the deadline '2 days', which is not a"
                  + " positive ISO-8601 duration.",
              "changeType NORMAL and risk MEDIUM give the deadline 'PT0S', which is not a"
                  + " positive ISO-8601 duration.",
              "changeType NORMAL and risk HIGH give an invalid approvalPolicy: approval policy"
                  + " 'MAJORITY' is not one of ANY, ALL, QUORUM:<n> (e.g. QUORUM:2) or"
                  + " QUORUM:<p>% (e.g. QUORUM:60%).");
          assertThat(e.problems().get(2).fix()).contains("\"QUORUM:2\"");
        });
  }

  @Test
  void aHostAuthorityTableReplacesTheShippedOne() throws Exception {
    // the host's policy: every high-risk normal change needs the whole CAB within a week
    Path table = write("authority.dmn", shipped("change-authority.dmn")
        .replace("<text>\"QUORUM:60%\"</text>", "<text>\"ALL\"</text>")
        .replace("<outputEntry id=\"Rule_NormalHigh_Deadline\"><text>\"P5D\"</text>",
            "<outputEntry id=\"Rule_NormalHigh_Deadline\"><text>\"P7D\"</text>"));
    ChangeAuthorityPolicy host = DmnPolicies.changeAuthority(table);
    assertThat(host.authorityFor(ChangeType.NORMAL, ChangeRisk.HIGH)).isEqualTo(
        new ChangeAuthority("cab", "cab", ApprovalPolicy.all(), Duration.ofDays(7)));
    assertThat(host.authorityFor(ChangeType.EMERGENCY, ChangeRisk.HIGH).name())
        .isEqualTo("ecab");
  }

  // ------------------------------------------------------------------------------ helpers

  private static Arguments row(String annotation, Object input, Object expected) {
    return Arguments.of(annotation, input, expected);
  }

  private static RiskFactors factors(Impact impact, int items, boolean outage, boolean tested,
      boolean backoutTested, int failures) {
    return new RiskFactors(impact, items, outage, tested, backoutTested, failures);
  }

  /** @return the annotations (rule descriptions) of a shipped table, in row order */
  private static List<String> annotations(String name) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(shipped(name)
            .getBytes(StandardCharsets.UTF_8)))
        .getModelElementsByType(Rule.class).stream()
        .map(r -> r.getDescription() == null ? "" : r.getDescription().getTextContent().strip())
        .collect(Collectors.toList());
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
