package dev.itsm.core.change;

import static dev.itsm.core.change.ApprovalPolicy.Outcome.APPROVED;
import static dev.itsm.core.change.ApprovalPolicy.Outcome.PENDING;
import static dev.itsm.core.change.ApprovalPolicy.Outcome.REJECTED;
import static dev.itsm.core.change.RejectionRule.FIRST_REJECTION;
import static dev.itsm.core.change.RejectionRule.WHEN_APPROVAL_IMPOSSIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Approval policy arithmetic, example by example. Properties: {@link ApprovalPolicyPropertiesTest}. */
class ApprovalPolicyTest {

  @ParameterizedTest(name = "{0} of {1} eligible needs {2}")
  @CsvSource({
      "ANY, 5, 1", "ANY, -1, 1",
      "ALL, 5, 5", "ALL, 1, 1",
      "QUORUM:2, 5, 2", "QUORUM:2, -1, 2",
      "QUORUM:60%, 5, 3", "QUORUM:60%, 3, 2", "QUORUM:50%, 4, 2", "QUORUM:50%, 5, 3",
      "QUORUM:1%, 5, 1", "QUORUM:100%, 7, 7", "QUORUM:34%, 3, 2", "QUORUM:33%, 3, 1"})
  void requiredApprovals(String policy, int eligible, int required) {
    assertThat(ApprovalPolicy.parse(policy).required(eligible)).isEqualTo(required);
  }

  @ParameterizedTest(name = "{0}: eligible {1}, {2} approvals, {3} rejections, {4} → {5}")
  @CsvSource({
      "ANY, 3, 1, 0, FIRST_REJECTION, APPROVED",
      "ANY, 3, 0, 1, FIRST_REJECTION, REJECTED",
      "ANY, 3, 0, 1, WHEN_APPROVAL_IMPOSSIBLE, PENDING",
      "ANY, 3, 0, 3, WHEN_APPROVAL_IMPOSSIBLE, REJECTED",
      "ANY, -1, 0, 5, WHEN_APPROVAL_IMPOSSIBLE, PENDING",
      "ANY, -1, 0, 1, FIRST_REJECTION, REJECTED",
      "ALL, 3, 2, 0, FIRST_REJECTION, PENDING",
      "ALL, 3, 3, 0, FIRST_REJECTION, APPROVED",
      "ALL, 3, 2, 1, WHEN_APPROVAL_IMPOSSIBLE, REJECTED",
      "QUORUM:2, 4, 1, 1, WHEN_APPROVAL_IMPOSSIBLE, PENDING",
      "QUORUM:2, 4, 1, 2, WHEN_APPROVAL_IMPOSSIBLE, PENDING",
      "QUORUM:2, 4, 0, 3, WHEN_APPROVAL_IMPOSSIBLE, REJECTED",
      "QUORUM:2, 4, 2, 1, FIRST_REJECTION, APPROVED",
      "QUORUM:2, 4, 1, 1, FIRST_REJECTION, REJECTED",
      "QUORUM:60%, 5, 3, 2, FIRST_REJECTION, APPROVED",
      "QUORUM:60%, 5, 2, 2, WHEN_APPROVAL_IMPOSSIBLE, PENDING",
      "QUORUM:60%, 5, 2, 3, WHEN_APPROVAL_IMPOSSIBLE, REJECTED"})
  void outcome(String policy, int eligible, int approvals, int rejections, RejectionRule rule,
      ApprovalPolicy.Outcome expected) {
    assertThat(ApprovalPolicy.parse(policy).evaluate(eligible, approvals, rejections, rule))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ANY", "ALL", "QUORUM:3", "QUORUM:60%"})
  void parsesWhatItPrints(String text) {
    assertThat(ApprovalPolicy.parse(text).toString()).isEqualTo(text);
    assertThat(ApprovalPolicy.parse(" " + text.toLowerCase() + " ")).isEqualTo(
        ApprovalPolicy.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SOME", "QUORUM:", "QUORUM:0", "QUORUM:x", "QUORUM:0%",
      "QUORUM:101%", "ANY:2"})
  void refusesWhatIsNotAPolicy(String text) {
    assertThatThrownBy(() -> ApprovalPolicy.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ALL", "QUORUM:50%"})
  void policiesCountingMembersNeedThem(String text) {
    assertThatThrownBy(() -> ApprovalPolicy.parse(text).required(-1))
        .hasMessageContaining("needs the members");
  }

  @ParameterizedTest
  @ValueSource(ints = {0})
  void allWithNoEligibleApproverCannotBeApproved(int eligible) {
    assertThat(ApprovalPolicy.all().evaluate(eligible, 0, 0, FIRST_REJECTION)).isEqualTo(REJECTED);
    assertThat(ApprovalPolicy.all().evaluate(eligible, 0, 0, FIRST_REJECTION)).isNotEqualTo(
        APPROVED);
    assertThat(ApprovalPolicy.any().evaluate(1, 0, 0, FIRST_REJECTION)).isEqualTo(PENDING);
  }
}
