package dev.itsm.core.request;

import dev.itsm.core.change.Decision;
import java.time.Instant;

/**
 * One recorded approver decision on a service request.
 *
 * @param requestNumber the request
 * @param approver who decided
 * @param decision approve or reject
 * @param comment the comment, or {@code null}
 * @param decidedAt when
 */
public record RequestDecision(String requestNumber, String approver, Decision decision,
    String comment, Instant decidedAt) {}
