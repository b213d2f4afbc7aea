package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: log a new incident. Build it with {@link #builder()}; the API validates it and reports
 * every broken rule at once.
 *
 * <pre>{@code
 * Incident inc = engine.incidents().open(agent, OpenIncident.builder()
 *     .title("VPN drops every 10 minutes")
 *     .caller("alice")
 *     .channel(Channel.PHONE)
 *     .category("network").subcategory("vpn")
 *     .impact(Impact.MEDIUM).urgency(Urgency.HIGH)
 *     .build());
 * }</pre>
 *
 * @param title one-line summary (required, up to 200 characters)
 * @param description details (optional, up to 4000 characters)
 * @param caller the user id of the person reporting it (required)
 * @param channel how it was reported (required)
 * @param category category, e.g. {@code network} (optional; drives the assignment rule)
 * @param subcategory subcategory (optional)
 * @param service affected service id (optional)
 * @param configurationItem affected configuration item id (optional)
 * @param impact impact (required)
 * @param urgency urgency (required)
 * @param assignmentGroup the group to assign; when {@code null} the assignment rule chooses
 * @param assignee an individual to assign (optional)
 */
public record OpenIncident(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 4000) String description,
    @NotBlank @Size(max = 100) String caller,
    @NotNull Channel channel,
    @Size(max = 100) String category,
    @Size(max = 100) String subcategory,
    @Size(max = 100) String service,
    @Size(max = 100) String configurationItem,
    @NotNull Impact impact,
    @NotNull Urgency urgency,
    @Size(max = 100) String assignmentGroup,
    @Size(max = 100) String assignee) {

  /** @return a builder; nothing is checked until the API validates the built command */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OpenIncident} commands. */
  public static final class Builder {
    private String title;
    private String description;
    private String caller;
    private Channel channel;
    private String category;
    private String subcategory;
    private String service;
    private String configurationItem;
    private Impact impact;
    private Urgency urgency;
    private String assignmentGroup;
    private String assignee;

    private Builder() {}

    /** @param v one-line summary @return this */
    public Builder title(String v) { title = v; return this; }
    /** @param v details @return this */
    public Builder description(String v) { description = v; return this; }
    /** @param v the caller's user id @return this */
    public Builder caller(String v) { caller = v; return this; }
    /** @param v the channel @return this */
    public Builder channel(Channel v) { channel = v; return this; }
    /** @param v the category @return this */
    public Builder category(String v) { category = v; return this; }
    /** @param v the subcategory @return this */
    public Builder subcategory(String v) { subcategory = v; return this; }
    /** @param v the affected service id @return this */
    public Builder service(String v) { service = v; return this; }
    /** @param v the affected configuration item id @return this */
    public Builder configurationItem(String v) { configurationItem = v; return this; }
    /** @param v the impact @return this */
    public Builder impact(Impact v) { impact = v; return this; }
    /** @param v the urgency @return this */
    public Builder urgency(Urgency v) { urgency = v; return this; }
    /** @param v the assignment group @return this */
    public Builder assignmentGroup(String v) { assignmentGroup = v; return this; }
    /** @param v the assignee @return this */
    public Builder assignee(String v) { assignee = v; return this; }

    /** @return the command (validated when passed to the API) */
    public OpenIncident build() {
      return new OpenIncident(title, description, caller, channel, category, subcategory, service,
          configurationItem, impact, urgency, assignmentGroup, assignee);
    }
  }
}
