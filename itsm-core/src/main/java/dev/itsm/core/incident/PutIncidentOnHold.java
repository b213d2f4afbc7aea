package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: put an incident in progress on hold.
 *
 * @param number the incident number
 * @param reason why (required)
 * @param note a note for the timeline (optional)
 */
public record PutIncidentOnHold(
    @NotBlank String number, @NotNull HoldReason reason, @Size(max = 4000) String note) {}
