package dev.itsm.core.request;

import dev.itsm.core.change.Decision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: an approver's decision on a request awaiting approval. The actor must be the manager
 * the request waits for, or a member of the item's approver group, and must not be the requester
 * or the person the request is for. A rejection needs a comment.
 *
 * @param number the request
 * @param decision approve or reject
 * @param comment the reason (required for a rejection)
 */
public record DecideRequest(@NotBlank String number, @NotNull Decision decision,
    @Size(max = 4000) String comment) {

  /** @param number the request @param comment optional comment @return an approval */
  public static DecideRequest approve(String number, String comment) {
    return new DecideRequest(number, Decision.APPROVE, comment);
  }

  /** @param number the request @param comment the reason @return a rejection */
  public static DecideRequest reject(String number, String comment) {
    return new DecideRequest(number, Decision.REJECT, comment);
  }
}
