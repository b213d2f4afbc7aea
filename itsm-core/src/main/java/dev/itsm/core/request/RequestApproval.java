package dev.itsm.core.request;

import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.RejectionRule;

/**
 * Who approves requests for a catalog item: nobody, the requester's manager (from the engine's
 * {@code Directory}), or members of a group under an {@link ApprovalPolicy} (the same arithmetic
 * as change authorisation). The requester and the person the request is for never approve it
 * (segregation of duties).
 *
 * @param kind none, manager or group
 * @param group {@link Kind#GROUP}: the approver group; otherwise {@code null}
 * @param policy {@link Kind#GROUP}: how many approvals are needed; {@link ApprovalPolicy#any()}
 *     otherwise
 * @param rejectionRule when rejections end the approval with the request rejected
 */
public record RequestApproval(Kind kind, String group, ApprovalPolicy policy,
    RejectionRule rejectionRule) {

  /** Who approves. */
  public enum Kind {
    /** No approval: fulfilment starts at once. */
    NONE,
    /** The requester's manager ({@code Directory.managerOf}). */
    MANAGER,
    /** Members of a group. */
    GROUP
  }

  /** Fills the defaults: policy ANY, rule FIRST_REJECTION. */
  public RequestApproval {
    kind = kind == null ? Kind.NONE : kind;
    policy = policy == null ? ApprovalPolicy.any() : policy;
    rejectionRule = rejectionRule == null ? RejectionRule.FIRST_REJECTION : rejectionRule;
  }

  /** @return no approval needed */
  public static RequestApproval none() {
    return new RequestApproval(Kind.NONE, null, null, null);
  }

  /** @return approval by the requester's manager */
  public static RequestApproval manager() {
    return new RequestApproval(Kind.MANAGER, null, null, null);
  }

  /** @param group the approver group @return approval by one member of the group */
  public static RequestApproval group(String group) {
    return new RequestApproval(Kind.GROUP, group, ApprovalPolicy.any(), null);
  }

  /**
   * @param group the approver group
   * @param policy how many approvals are needed
   * @return approval by members of the group
   */
  public static RequestApproval group(String group, ApprovalPolicy policy) {
    return new RequestApproval(Kind.GROUP, group, policy, null);
  }

  /** @param rule when rejections end the approval @return a copy with that rule */
  public RequestApproval withRejectionRule(RejectionRule rule) {
    return new RequestApproval(kind, group, policy, rule);
  }

  /** @return whether a request needs approval before fulfilment */
  public boolean needed() {
    return kind != Kind.NONE;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "none";
      case MANAGER -> "manager";
      case GROUP -> "group " + group + " " + policy
          + (rejectionRule == RejectionRule.FIRST_REJECTION ? "" : " " + rejectionRule);
    };
  }
}
