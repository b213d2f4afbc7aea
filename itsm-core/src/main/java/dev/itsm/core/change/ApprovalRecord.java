package dev.itsm.core.change;

import java.time.Instant;

/**
 * One recorded approver decision.
 *
 * @param changeNumber the change
 * @param round the authorisation round (1 for the first submission)
 * @param approver who decided
 * @param decision approve or reject
 * @param comment the comment, or {@code null}
 * @param decidedAt when
 * @param escalated whether it was made by the escalation group after the deadline (final)
 */
public record ApprovalRecord(String changeNumber, int round, String approver, Decision decision,
    String comment, Instant decidedAt, boolean escalated) {}
