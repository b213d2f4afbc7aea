package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: begin root cause analysis.
 *
 * @param number the problem
 * @param note optional note
 */
public record StartAnalysis(@NotBlank String number, @Size(max = 4000) String note) {}
