package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: add a work note.
 *
 * @param number the problem
 * @param text the note (required)
 */
public record AddProblemNote(@NotBlank String number, @NotBlank @Size(max = 4000) String text) {}
