package dev.itsm.core.change;

import java.util.Objects;

/**
 * How many approvals authorise a change: {@link #any() ANY} (one), {@link #all() ALL} (every
 * eligible approver), {@link #quorum(int) QUORUM:n} (n approvers) or
 * {@link #quorumPercent(int) QUORUM:p%} (p percent of the eligible approvers, rounded up).
 * Eligible approvers are the members of the authority's approver group, minus the change's
 * requester, owner and implementer (segregation of duties). ALL and percentages need the members
 * of the group, from the engine's {@code Directory}.
 *
 * <p>Written in DMN tables and files as {@code ANY}, {@code ALL}, {@code QUORUM:2},
 * {@code QUORUM:60%} ({@link #parse(String)}, {@link #toString()}).
 *
 * @param kind the kind
 * @param value n for {@link Kind#QUORUM}, p for {@link Kind#PERCENT}, otherwise 0
 */
public record ApprovalPolicy(Kind kind, int value) {

  /** The kinds of approval policy. */
  public enum Kind {
    /** One approval. */
    ANY,
    /** Every eligible approver. */
    ALL,
    /** A fixed number of approvals. */
    QUORUM,
    /** A percentage of the eligible approvers, rounded up. */
    PERCENT
  }

  /** The state of an authorisation round. */
  public enum Outcome {
    /** Still waiting for decisions. */
    PENDING,
    /** Enough approvals. */
    APPROVED,
    /** Rejected under the rejection rule. */
    REJECTED
  }

  /** Checks the components. */
  public ApprovalPolicy {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case ANY, ALL -> {
        if (value != 0) {
          throw new IllegalArgumentException(kind + " takes no number, was " + value);
        }
      }
      case QUORUM -> {
        if (value < 1) {
          throw new IllegalArgumentException("QUORUM needs at least 1 approval, was " + value);
        }
      }
      case PERCENT -> {
        if (value < 1 || value > 100) {
          throw new IllegalArgumentException("QUORUM percentage must be 1..100, was " + value);
        }
      }
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    }
  }

  /** @return one approval authorises */
  public static ApprovalPolicy any() {
    return new ApprovalPolicy(Kind.ANY, 0);
  }

  /** @return every eligible approver must approve */
  public static ApprovalPolicy all() {
    return new ApprovalPolicy(Kind.ALL, 0);
  }

  /** @param n approvals required, at least 1 @return the policy */
  public static ApprovalPolicy quorum(int n) {
    return new ApprovalPolicy(Kind.QUORUM, n);
  }

  /** @param percent of the eligible approvers, 1..100, rounded up @return the policy */
  public static ApprovalPolicy quorumPercent(int percent) {
    return new ApprovalPolicy(Kind.PERCENT, percent);
  }

  /**
   * @param text {@code ANY}, {@code ALL}, {@code QUORUM:n} or {@code QUORUM:p%} (case-insensitive)
   * @return the policy
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static ApprovalPolicy parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    try {
      if (t.equals("ANY")) {
        return any();
      }
      if (t.equals("ALL")) {
        return all();
      }
      if (t.startsWith("QUORUM:")) {
        String n = t.substring("QUORUM:".length()).strip();
        return n.endsWith("%") ? quorumPercent(Integer.parseInt(n.substring(0, n.length() - 1)
            .strip())) : quorum(Integer.parseInt(n));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("approval policy '" + text + "' is not one of ANY, ALL,"
        + " QUORUM:<n> (e.g. QUORUM:2) or QUORUM:<p>% (e.g. QUORUM:60%)");
  }

  /** @return whether the policy needs the number of eligible approvers */
  public boolean needsMembers() {
    return kind == Kind.ALL || kind == Kind.PERCENT;
  }

  /**
   * @param eligible the number of eligible approvers, or -1 when unknown
   * @return the approvals required
   * @throws IllegalArgumentException when the policy needs the number and it is unknown
   */
  public int required(int eligible) {
    if (needsMembers() && eligible < 0) {
      throw new IllegalArgumentException(this + " needs the members of the approver group");
    }
    return switch (kind) {
      case ANY -> 1;
      case QUORUM -> value;
      case ALL -> Math.max(1, eligible);
      case PERCENT -> Math.max(1, (int) ((long) value * eligible + 99) / 100);
    };
  }

  /**
   * Where a round stands.
   *
   * @param eligible the number of eligible approvers, or -1 when unknown
   * @param approvals approvals so far
   * @param rejections rejections so far
   * @param rule the rejection rule
   * @return the outcome
   */
  public Outcome evaluate(int eligible, int approvals, int rejections, RejectionRule rule) {
    if (approvals < 0 || rejections < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    int required = required(eligible);
    if (approvals >= required) {
      return Outcome.APPROVED;
    }
    if (rule == RejectionRule.FIRST_REJECTION && rejections > 0) {
      return Outcome.REJECTED;
    }
    if (eligible >= 0) {
      int undecided = Math.max(0, eligible - approvals - rejections);
      if (approvals + undecided < required) {
        return Outcome.REJECTED;
      }
    }
    return Outcome.PENDING;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ANY -> "ANY";
      case ALL -> "ALL";
      case QUORUM -> "QUORUM:" + value;
      case PERCENT -> "QUORUM:" + value + "%";
    };
  }
}
