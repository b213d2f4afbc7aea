package dev.itsm.core.change;

import dev.itsm.core.incident.Impact;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Command: answer the risk questionnaire of a change in assessment again; the risk is computed
 * anew.
 *
 * @param number the change
 * @param impact impact if it goes wrong
 * @param requiresOutage needs a service outage
 * @param tested tested in a production-like environment
 * @param backoutTested backout plan tested
 */
public record AssessChange(@NotBlank String number, @NotNull Impact impact,
    boolean requiresOutage, boolean tested, boolean backoutTested) {}
