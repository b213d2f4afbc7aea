package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: publish the problem's root cause and workaround (both must be recorded) as a known
 * error.
 *
 * @param number the problem
 * @param title the known error's title; {@code null} for the problem's
 */
public record PublishKnownError(@NotBlank String number, @Size(max = 200) String title) {}
