package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;

/**
 * Command: accept a new incident for work (NEW → IN_PROGRESS); records the response time.
 *
 * @param number the incident number
 */
public record AcknowledgeIncident(@NotBlank String number) {}
