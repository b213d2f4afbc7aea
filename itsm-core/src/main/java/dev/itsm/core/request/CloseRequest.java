package dev.itsm.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: confirm that a fulfilled request was received; closes it. Without it the request
 * closes automatically after the engine's auto-close period.
 *
 * @param number the request
 * @param note a closing note (optional)
 */
public record CloseRequest(@NotBlank String number, @Size(max = 4000) String note) {}
