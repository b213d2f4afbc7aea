package dev.itsm.core.major;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: record the post-incident review of a resolved major incident; the incident closes.
 *
 * @param number the major incident
 * @param notes the review's findings (required)
 */
public record CompletePostIncidentReview(@NotBlank String number,
    @NotBlank @Size(max = 4000) String notes) {}
