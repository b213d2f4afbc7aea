package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: reopen a resolved incident because the fault came back or the fix did not work.
 *
 * @param number the incident number
 * @param reason why (required)
 */
public record ReopenIncident(@NotBlank String number, @NotBlank @Size(max = 4000) String reason) {}
