package dev.itsm.core.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Command: link incidents to a problem.
 *
 * @param number the problem
 * @param incidents incident numbers (at least one; must exist when incident management is
 *     deployed)
 */
public record LinkIncidents(@NotBlank String number,
    @NotEmpty List<@NotBlank @Size(max = 32) String> incidents) {

  /** @param number the problem @param incidents the incidents @return the command */
  public static LinkIncidents of(String number, String... incidents) {
    return new LinkIncidents(number, List.of(incidents));
  }
}
