package dev.itsm.core.problem;

import dev.itsm.core.incident.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: take on a new problem.
 *
 * @param number the problem
 * @param problemManager who manages it (required)
 * @param priority its priority (required)
 */
public record AssessProblem(@NotBlank String number,
    @NotBlank @Size(max = 100) String problemManager, @NotNull Priority priority) {}
