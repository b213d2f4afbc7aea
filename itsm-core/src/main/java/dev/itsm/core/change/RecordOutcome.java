package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: record how the implementation went. The change moves to REVIEW when the review rule
 * requires a post-implementation review (by default: failed, emergency and high-risk changes),
 * otherwise it closes.
 *
 * @param number the change
 * @param outcome successful, successful with issues, or failed (backout carried out)
 * @param notes what happened (required)
 */
public record RecordOutcome(@NotBlank String number, @NotNull ChangeOutcome outcome,
    @NotBlank @Size(max = 4000) String notes) {}
