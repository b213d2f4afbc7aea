package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: send a normal change in assessment to its change authority.
 *
 * @param number the change
 * @param note optional note for the approvers
 */
public record SubmitChange(@NotBlank String number, @Size(max = 4000) String note) {}
