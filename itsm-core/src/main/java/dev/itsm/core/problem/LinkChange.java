package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: name the change that fixes the problem (must exist when change enablement is
 * deployed). When that change closes successfully the problem is resolved (a policy).
 *
 * @param number the problem
 * @param change the change number
 */
public record LinkChange(@NotBlank String number, @NotBlank @Size(max = 32) String change) {}
