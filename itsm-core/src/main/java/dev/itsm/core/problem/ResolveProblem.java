package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: the fix is in. Linked incidents are resolved or notified, as the policy says.
 *
 * @param number the problem
 * @param notes how it was fixed (required)
 */
public record ResolveProblem(@NotBlank String number, @NotBlank @Size(max = 4000) String notes) {}
