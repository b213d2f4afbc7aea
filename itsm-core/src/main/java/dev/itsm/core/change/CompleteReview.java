package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: record the post-implementation review; the change closes.
 *
 * @param number the change
 * @param notes the review's findings (required)
 */
public record CompleteReview(@NotBlank String number, @NotBlank @Size(max = 4000) String notes) {}
