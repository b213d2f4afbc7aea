package dev.itsm.core.major;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * Command: promote an open incident to a major incident (it must meet the major incident
 * criteria; default: priority P1).
 *
 * @param number the incident
 * @param manager the major incident manager (required)
 * @param cadence how often stakeholders get an update; {@code null} for the policy's default
 */
public record PromoteToMajor(@NotBlank String number, @NotBlank @Size(max = 100) String manager,
    Duration cadence) {}
