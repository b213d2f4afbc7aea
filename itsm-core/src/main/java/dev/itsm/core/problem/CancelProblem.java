package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: withdraw a problem.
 *
 * @param number the problem
 * @param reason why (required)
 */
public record CancelProblem(@NotBlank String number, @NotBlank @Size(max = 4000) String reason) {}
