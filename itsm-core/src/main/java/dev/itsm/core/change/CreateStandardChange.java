package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Command: raise a standard change from a pre-authorised template of the catalog
 * ({@code ChangePolicies.Builder#standardChange}). It is authorised at once and goes straight to
 * scheduling. The actor is recorded as the requester.
 *
 * @param template the template id (required)
 * @param title a title; {@code null} for the template's
 * @param services affected services
 * @param configurationItems affected configuration items
 * @param owner the change owner (required)
 * @param implementer the individual implementing it (optional)
 * @param incidents incidents it addresses
 */
public record CreateStandardChange(
    @NotBlank @Size(max = 100) String template,
    @Size(max = 200) String title,
    @NotNull List<@NotBlank @Size(max = 100) String> services,
    @NotNull List<@NotBlank @Size(max = 100) String> configurationItems,
    @NotBlank @Size(max = 100) String owner,
    @Size(max = 100) String implementer,
    @NotNull List<@NotBlank @Size(max = 32) String> incidents) {

  /**
   * @param template the template id
   * @param owner the change owner
   * @param configurationItems affected configuration items
   * @return the command, with no title override, services, implementer or incidents
   */
  public static CreateStandardChange of(String template, String owner,
      String... configurationItems) {
    return new CreateStandardChange(template, null, List.of(), List.of(configurationItems), owner,
        null, List.of());
  }
}
