package dev.itsm.core.change;

import dev.itsm.core.incident.Impact;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Command: raise a normal or emergency change (standard changes come from a template, see
 * {@link CreateStandardChange}). The actor is recorded as the requester. Build it with
 * {@link #builder()}; the API validates it and reports every broken rule at once.
 *
 * <pre>{@code
 * Change chg = engine.changes().create(requester, CreateChange.builder()
 *     .type(ChangeType.NORMAL)
 *     .title("Upgrade core switch firmware").justification("Vendor security advisory")
 *     .category("network").services("network").configurationItems("core-sw-1")
 *     .implementationPlan("Stage, reload, verify").backoutPlan("Boot previous image")
 *     .owner("olivia").implementerGroup("network")
 *     .impact(Impact.HIGH).requiresOutage(true).tested(true).backoutTested(true)
 *     .build());
 * }</pre>
 *
 * @param type {@link ChangeType#NORMAL} or {@link ChangeType#EMERGENCY} (required)
 * @param title one-line summary (required, up to 200 characters)
 * @param description details (optional, up to 4000 characters)
 * @param justification why it is needed (required, up to 4000 characters)
 * @param category category (optional; changes of one category are "similar" for the risk)
 * @param services affected services
 * @param configurationItems affected configuration items
 * @param implementationPlan how it will be done (required)
 * @param backoutPlan how it will be undone (required)
 * @param testPlan how it will be verified (optional)
 * @param plannedStart a proposed window start (optional; fixed by {@code schedule})
 * @param plannedEnd a proposed window end (optional)
 * @param owner the change owner (required)
 * @param implementerGroup the group that implements it (required)
 * @param implementer the individual implementing it (optional)
 * @param impact impact if it goes wrong (required)
 * @param requiresOutage questionnaire: needs a service outage
 * @param tested questionnaire: tested in a production-like environment
 * @param backoutTested questionnaire: backout plan tested
 * @param incidents incidents it addresses (must exist when incident management is deployed)
 * @param problems problems it addresses
 */
public record CreateChange(
    @NotNull ChangeType type,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 4000) String description,
    @NotBlank @Size(max = 4000) String justification,
    @Size(max = 100) String category,
    @NotNull List<@NotBlank @Size(max = 100) String> services,
    @NotNull List<@NotBlank @Size(max = 100) String> configurationItems,
    @NotBlank @Size(max = 4000) String implementationPlan,
    @NotBlank @Size(max = 4000) String backoutPlan,
    @Size(max = 4000) String testPlan,
    Instant plannedStart,
    Instant plannedEnd,
    @NotBlank @Size(max = 100) String owner,
    @NotBlank @Size(max = 100) String implementerGroup,
    @Size(max = 100) String implementer,
    @NotNull Impact impact,
    boolean requiresOutage,
    boolean tested,
    boolean backoutTested,
    @NotNull List<@NotBlank @Size(max = 32) String> incidents,
    @NotNull List<@NotBlank @Size(max = 32) String> problems) {

  /** @return a builder; nothing is checked until the API validates the built command */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CreateChange} commands. */
  public static final class Builder {
    private ChangeType type;
    private String title;
    private String description;
    private String justification;
    private String category;
    private List<String> services = List.of();
    private List<String> configurationItems = List.of();
    private String implementationPlan;
    private String backoutPlan;
    private String testPlan;
    private Instant plannedStart;
    private Instant plannedEnd;
    private String owner;
    private String implementerGroup;
    private String implementer;
    private Impact impact;
    private boolean requiresOutage;
    private boolean tested;
    private boolean backoutTested;
    private List<String> incidents = List.of();
    private List<String> problems = List.of();

    private Builder() {}

    /** @param v the type @return this */
    public Builder type(ChangeType v) { type = v; return this; }
    /** @param v the title @return this */
    public Builder title(String v) { title = v; return this; }
    /** @param v the description @return this */
    public Builder description(String v) { description = v; return this; }
    /** @param v the justification @return this */
    public Builder justification(String v) { justification = v; return this; }
    /** @param v the category @return this */
    public Builder category(String v) { category = v; return this; }
    /** @param v affected services @return this */
    public Builder services(String... v) { services = java.util.Arrays.asList(v); return this; }
    /** @param v affected configuration items @return this */
    public Builder configurationItems(String... v) {
      configurationItems = java.util.Arrays.asList(v);
      return this;
    }
    /** @param v the implementation plan @return this */
    public Builder implementationPlan(String v) { implementationPlan = v; return this; }
    /** @param v the backout plan @return this */
    public Builder backoutPlan(String v) { backoutPlan = v; return this; }
    /** @param v the test plan @return this */
    public Builder testPlan(String v) { testPlan = v; return this; }
    /** @param start proposed start @param end proposed end @return this */
    public Builder plannedWindow(Instant start, Instant end) {
      plannedStart = start;
      plannedEnd = end;
      return this;
    }
    /** @param v the change owner @return this */
    public Builder owner(String v) { owner = v; return this; }
    /** @param v the implementing group @return this */
    public Builder implementerGroup(String v) { implementerGroup = v; return this; }
    /** @param v the implementer @return this */
    public Builder implementer(String v) { implementer = v; return this; }
    /** @param v the impact @return this */
    public Builder impact(Impact v) { impact = v; return this; }
    /** @param v needs an outage @return this */
    public Builder requiresOutage(boolean v) { requiresOutage = v; return this; }
    /** @param v tested in a production-like environment @return this */
    public Builder tested(boolean v) { tested = v; return this; }
    /** @param v backout plan tested @return this */
    public Builder backoutTested(boolean v) { backoutTested = v; return this; }
    /** @param v incident numbers it addresses @return this */
    public Builder incidents(String... v) { incidents = java.util.Arrays.asList(v); return this; }
    /** @param v problem numbers it addresses @return this */
    public Builder problems(String... v) { problems = java.util.Arrays.asList(v); return this; }

    /** @return the command */
    public CreateChange build() {
      return new CreateChange(type, title, description, justification, category, services,
          configurationItems, implementationPlan, backoutPlan, testPlan, plannedStart, plannedEnd,
          owner, implementerGroup, implementer, impact, requiresOutage, tested, backoutTested,
          incidents, problems);
    }
  }
}
