package dev.itsm.core.major;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: post a stakeholder update; the next one falls due one cadence later.
 *
 * @param number the major incident
 * @param text the update (required)
 */
public record PostStakeholderUpdate(@NotBlank String number,
    @NotBlank @Size(max = 4000) String text) {}
