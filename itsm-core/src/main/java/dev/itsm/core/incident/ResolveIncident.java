package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: record that service is restored.
 *
 * @param number the incident number
 * @param code how it was resolved (required)
 * @param notes what was done (required, up to 4000 characters)
 */
public record ResolveIncident(
    @NotBlank String number,
    @NotNull ResolutionCode code,
    @NotBlank @Size(max = 4000) String notes) {}
