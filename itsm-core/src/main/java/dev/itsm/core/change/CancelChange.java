package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: withdraw a change before implementation.
 *
 * @param number the change
 * @param reason why (required)
 */
public record CancelChange(@NotBlank String number, @NotBlank @Size(max = 4000) String reason) {}
