package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: implementation of a scheduled change begins.
 *
 * @param number the change
 * @param note optional note
 */
public record StartImplementation(@NotBlank String number, @Size(max = 4000) String note) {}
