package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: cancel an incident that is not resolved (logged in error, a duplicate, withdrawn).
 *
 * @param number the incident number
 * @param reason why (required)
 */
public record CancelIncident(@NotBlank String number, @NotBlank @Size(max = 4000) String reason) {}
