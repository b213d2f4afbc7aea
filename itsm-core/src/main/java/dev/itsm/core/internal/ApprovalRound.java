package dev.itsm.core.internal;

import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.Decision;
import dev.itsm.core.change.RejectionRule;
import dev.itsm.core.spi.Directory;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The approval arithmetic that change authorisation and service request approval share: who is
 * eligible to decide (the approver group's members minus those with a conflict of interest), and
 * where a round stands after its decisions. Internal: no compatibility guarantees.
 */
public final class ApprovalRound {

  private ApprovalRound() {}

  /**
   * How many may decide, or why the round cannot be opened.
   *
   * @param count eligible approvers, -1 when unknown (the directory does not know the group)
   * @param code {@code null} when the round can open, else {@code ITSM-APPROVERS-UNKNOWN} or
   *     {@code ITSM-NOT-ENOUGH-APPROVERS}
   * @param problem what is wrong, or {@code null}
   */
  public record Eligibility(int count, String code, String problem) {
    /** @return whether the round can open */
    public boolean ok() {
      return code == null;
    }
  }

  /**
   * Counts the eligible approvers of a group: its members (from the directory) minus the
   * conflicted, and checks the policy can be met by them.
   *
   * @param directory the group members
   * @param group the approver group
   * @param policy the approval policy
   * @param conflicted who may not decide (segregation of duties)
   * @param subject what asks for approval, for messages, e.g. {@code change authority cab}
   * @param excluded who the conflicted are, for messages, e.g. {@code the change's requester}
   * @return the count, or the problem
   */
  public static Eligibility eligible(Directory directory, String group, ApprovalPolicy policy,
      Collection<String> conflicted, String subject, String excluded) {
    Optional<Set<String>> members = directory.members(group);
    if (members.isEmpty()) {
      if (policy.needsMembers()) {
        return new Eligibility(-1, "ITSM-APPROVERS-UNKNOWN", "The approval policy " + policy
            + " of " + subject + " counts the members of group " + group + ", but the directory"
            + " does not know that group; register a Directory with"
            + " ItsmEngine.builder().directory(...) or use ANY or QUORUM:n");
      }
      return new Eligibility(-1, null, null);
    }
    Set<String> eligible = new HashSet<>(members.get());
    eligible.removeAll(conflicted);
    int required = policy.required(eligible.size());
    if (eligible.isEmpty() || required > eligible.size()) {
      return new Eligibility(eligible.size(), "ITSM-NOT-ENOUGH-APPROVERS",
          Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " needs "
          + required + " approval(s) (" + policy + ") but group " + group + " has "
          + eligible.size() + " eligible member(s) once " + excluded + " are excluded");
    }
    return new Eligibility(eligible.size(), null, null);
  }

  /**
   * Where a round stands after its decisions.
   *
   * @param policy the approval policy
   * @param eligible eligible approvers, -1 when unknown
   * @param decisions the decisions of the round
   * @param rule the rejection rule
   * @return the approvals, rejections and outcome
   */
  public static Tally tally(ApprovalPolicy policy, int eligible, Collection<Decision> decisions,
      RejectionRule rule) {
    int approvals = (int) decisions.stream().filter(d -> d == Decision.APPROVE).count();
    int rejections = decisions.size() - approvals;
    return new Tally(approvals, rejections,
        policy.evaluate(eligible, approvals, rejections, rule));
  }

  /**
   * The count of a round.
   *
   * @param approvals approvals so far
   * @param rejections rejections so far
   * @param outcome where the round stands
   */
  public record Tally(int approvals, int rejections, ApprovalPolicy.Outcome outcome) {
    /** @param policy the policy, for the text @return e.g. {@code 1 approval(s), 0 rejection(s); ANY} */
    public String describe(ApprovalPolicy policy) {
      return approvals + " approval(s), " + rejections + " rejection(s); " + policy;
    }
  }
}
