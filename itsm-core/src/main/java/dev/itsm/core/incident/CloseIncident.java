package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: close a resolved incident, typically when the caller confirms the fix.
 *
 * @param number the incident number
 * @param note a note for the timeline (optional)
 */
public record CloseIncident(@NotBlank String number, @Size(max = 4000) String note) {}
