package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: an approver's decision. The actor must belong to the change authority's approver group
 * (or, once the authorisation is escalated, to the escalation group, whose decision is final) and
 * must not be the change's requester, owner or implementer. A rejection needs a comment.
 *
 * @param number the change
 * @param decision approve or reject
 * @param comment the reason (required for a rejection)
 */
public record DecideChange(@NotBlank String number, @NotNull Decision decision,
    @Size(max = 4000) String comment) {

  /** @param number the change @param comment optional comment @return an approval */
  public static DecideChange approve(String number, String comment) {
    return new DecideChange(number, Decision.APPROVE, comment);
  }

  /** @param number the change @param comment the reason @return a rejection */
  public static DecideChange reject(String number, String comment) {
    return new DecideChange(number, Decision.REJECT, comment);
  }
}
