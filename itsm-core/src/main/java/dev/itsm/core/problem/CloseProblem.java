package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: close a resolved problem.
 *
 * @param number the problem
 * @param note optional note
 */
public record CloseProblem(@NotBlank String number, @Size(max = 4000) String note) {}
