package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: add a work note to a change's timeline.
 *
 * @param number the change
 * @param text the note (required)
 */
public record AddChangeNote(@NotBlank String number, @NotBlank @Size(max = 4000) String text) {}
