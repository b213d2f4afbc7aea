package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: record the root cause; the problem moves to FIX_IN_PROGRESS.
 *
 * @param number the problem
 * @param rootCause the root cause (required)
 * @param workaround a workaround (optional; keeps the current one when null)
 */
public record IdentifyRootCause(@NotBlank String number,
    @NotBlank @Size(max = 4000) String rootCause, @Size(max = 4000) String workaround) {}
