package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: record or replace the workaround.
 *
 * @param number the problem
 * @param workaround the workaround (required)
 */
public record RecordWorkaround(@NotBlank String number,
    @NotBlank @Size(max = 4000) String workaround) {}
