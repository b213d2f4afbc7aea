package dev.itsm.core.problem;

import dev.itsm.core.incident.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Command: log a problem.
 *
 * @param title one-line summary (required, up to 200 characters)
 * @param description details (optional)
 * @param category category (optional)
 * @param service affected service (optional)
 * @param configurationItem affected configuration item (optional)
 * @param priority priority (required)
 * @param problemManager the problem manager (optional until assessed)
 * @param incidents incidents to link (must exist when incident management is deployed)
 */
public record CreateProblem(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 4000) String description,
    @Size(max = 100) String category,
    @Size(max = 100) String service,
    @Size(max = 100) String configurationItem,
    @NotNull Priority priority,
    @Size(max = 100) String problemManager,
    @NotNull List<@NotBlank @Size(max = 32) String> incidents) {

  /**
   * @param title the title
   * @param priority the priority
   * @param incidents incidents to link
   * @return a command with only these
   */
  public static CreateProblem of(String title, Priority priority, String... incidents) {
    return new CreateProblem(title, null, null, null, null, priority, null, List.of(incidents));
  }
}
