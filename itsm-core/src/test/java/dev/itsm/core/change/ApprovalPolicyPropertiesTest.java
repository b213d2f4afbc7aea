package dev.itsm.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.change.ApprovalPolicy.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Quorum arithmetic over every policy, group size and decision sequence. */
class ApprovalPolicyPropertiesTest {

  @Provide
  Arbitrary<ApprovalPolicy> policies() {
    return Arbitraries.oneOf(
        Arbitraries.just(ApprovalPolicy.any()),
        Arbitraries.just(ApprovalPolicy.all()),
        Arbitraries.integers().between(1, 12).map(ApprovalPolicy::quorum),
        Arbitraries.integers().between(1, 100).map(ApprovalPolicy::quorumPercent));
  }

  @Provide
  Arbitrary<int[]> rounds() {
    // eligible 1..12, then approvals + rejections <= eligible
    return Arbitraries.integers().between(1, 12).flatMap(eligible ->
        Combinators.combine(Arbitraries.integers().between(0, eligible),
            Arbitraries.integers().between(0, eligible))
            .as((a, r) -> new int[] {eligible, Math.min(a, eligible),
                Math.min(r, eligible - Math.min(a, eligible))}));
  }

  @Property
  void approvedExactlyWhenTheRequiredApprovalsAreIn(@ForAll("policies") ApprovalPolicy p,
      @ForAll("rounds") int[] round, @ForAll RejectionRule rule) {
    int eligible = round[0];
    int approvals = round[1];
    int rejections = round[2];
    Outcome o = p.evaluate(eligible, approvals, rejections, rule);
    assertThat(o == Outcome.APPROVED).isEqualTo(approvals >= p.required(eligible));
  }

  @Property
  void requiredIsBetweenOneAndTheGroupForPoliciesThatCountIt(
      @ForAll @IntRange(min = 1, max = 100) int percent,
      @ForAll @IntRange(min = 1, max = 500) int eligible) {
    int required = ApprovalPolicy.quorumPercent(percent).required(eligible);
    assertThat(required).isBetween(1, eligible);
    // the smallest count that reaches the percentage
    assertThat((long) required * 100).isGreaterThanOrEqualTo((long) percent * eligible);
    assertThat((long) (required - 1) * 100).isLessThan((long) Math.max(1, percent * eligible));
    assertThat(ApprovalPolicy.all().required(eligible)).isEqualTo(eligible);
  }

  @Property
  void undecidedRoundsWithRoomLeftArePending(@ForAll("policies") ApprovalPolicy p,
      @ForAll("rounds") int[] round) {
    int eligible = round[0];
    int approvals = round[1];
    int rejections = round[2];
    int required = p.required(eligible);
    Outcome o = p.evaluate(eligible, approvals, rejections, RejectionRule.WHEN_APPROVAL_IMPOSSIBLE);
    if (approvals < required) {
      boolean stillPossible = approvals + (eligible - approvals - rejections) >= required;
      assertThat(o).isEqualTo(stillPossible ? Outcome.PENDING : Outcome.REJECTED);
    }
  }

  @Property
  void aRejectionIsAVetoUnderTheFirstRejectionRule(@ForAll("policies") ApprovalPolicy p,
      @ForAll("rounds") int[] round) {
    int eligible = round[0];
    int approvals = round[1];
    int rejections = round[2];
    Outcome o = p.evaluate(eligible, approvals, rejections, RejectionRule.FIRST_REJECTION);
    if (approvals < p.required(eligible) && rejections > 0) {
      assertThat(o).isEqualTo(Outcome.REJECTED);
    }
  }

  @Property
  void oneMoreApprovalNeverTurnsAnApprovalIntoSomethingElse(@ForAll("policies") ApprovalPolicy p,
      @ForAll("rounds") int[] round, @ForAll RejectionRule rule) {
    int eligible = round[0];
    int approvals = round[1];
    int rejections = round[2];
    if (approvals + rejections < eligible
        && p.evaluate(eligible, approvals, rejections, rule) == Outcome.APPROVED) {
      assertThat(p.evaluate(eligible, approvals + 1, rejections, rule))
          .isEqualTo(Outcome.APPROVED);
    }
  }

  @Property
  void withUnknownMembersOnlyApprovalsOrAVetoEndARound(
      @ForAll @IntRange(min = 1, max = 12) int quorum,
      @ForAll @IntRange(min = 0, max = 12) int approvals,
      @ForAll @IntRange(min = 0, max = 12) int rejections) {
    Outcome o = ApprovalPolicy.quorum(quorum).evaluate(-1, approvals, rejections,
        RejectionRule.WHEN_APPROVAL_IMPOSSIBLE);
    assertThat(o).isEqualTo(approvals >= quorum ? Outcome.APPROVED : Outcome.PENDING);
  }
}
