package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: change an incident's impact and urgency (and so its priority).
 *
 * @param number the incident number
 * @param impact the new impact (required)
 * @param urgency the new urgency (required)
 * @param reason why (required)
 */
public record ChangeIncidentPriority(
    @NotBlank String number,
    @NotNull Impact impact,
    @NotNull Urgency urgency,
    @NotBlank @Size(max = 4000) String reason) {}
