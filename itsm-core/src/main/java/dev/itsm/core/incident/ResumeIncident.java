package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: resume work on an incident on hold.
 *
 * @param number the incident number
 * @param note a note for the timeline (optional)
 */
public record ResumeIncident(@NotBlank String number, @Size(max = 4000) String note) {}
