package dev.itsm.core.incident;

import dev.itsm.core.Actor;
import java.util.Objects;

/**
 * An incident record: an unplanned interruption or reduction in quality of an IT service. The ITSM
 * record is the source of truth for business data; the process instance only holds its number.
 *
 * <p>Immutable. The API returns a fresh copy on every call; {@link #version()} increases with every
 * change (optimistic locking).
 *
 * @param number human-readable number, e.g. {@code INC0000001}; unique, never reused
 * @param version optimistic-locking version, 1 after opening
 * @param state the lifecycle state
 * @param title a one-line summary
 * @param description the details, may be {@code null}
 * @param caller the user id of the person reporting the incident
 * @param channel how it was reported
 * @param category the category, e.g. {@code network}; may be {@code null}
 * @param subcategory the subcategory, e.g. {@code vpn}; may be {@code null}
 * @param service the affected service id, may be {@code null}
 * @param configurationItem the affected configuration item id, may be {@code null}
 * @param impact the impact
 * @param urgency the urgency
 * @param priority the priority derived from impact and urgency
 * @param assignmentGroup the group working on it, may be {@code null} only before assignment
 * @param assignee the individual working on it, may be {@code null}
 * @param holdReason why it is on hold; {@code null} unless {@link IncidentState#ON_HOLD}
 * @param resolutionCode how it was resolved; {@code null} before resolution
 * @param resolutionNotes what was done; {@code null} before resolution
 * @param reassignmentCount how often the assignment group changed after the first assignment
 * @param reopenCount how often it was reopened
 * @param milestones milestone times and service-level targets
 * @param tenant the tenant the incident belongs to (the tenant of the actor who opened it);
 *     {@code null} means {@link Actor#DEFAULT_TENANT}
 */
public record Incident(
    String number,
    long version,
    IncidentState state,
    String title,
    String description,
    String caller,
    Channel channel,
    String category,
    String subcategory,
    String service,
    String configurationItem,
    Impact impact,
    Urgency urgency,
    Priority priority,
    String assignmentGroup,
    String assignee,
    HoldReason holdReason,
    ResolutionCode resolutionCode,
    String resolutionNotes,
    int reassignmentCount,
    int reopenCount,
    Milestones milestones,
    String tenant) {

  /** Checks the required components; a {@code null} tenant is the default tenant. */
  public Incident {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(milestones, "milestones");
    tenant = tenant == null ? Actor.DEFAULT_TENANT : tenant;
  }

  /**
   * An incident of the {@link Actor#DEFAULT_TENANT default tenant} (the components of the
   * releases before tenants).
   *
   * @param number the number
   * @param version the version
   * @param state the state
   * @param title the title
   * @param description the description
   * @param caller the caller
   * @param channel the channel
   * @param category the category
   * @param subcategory the subcategory
   * @param service the service
   * @param configurationItem the configuration item
   * @param impact the impact
   * @param urgency the urgency
   * @param priority the priority
   * @param assignmentGroup the assignment group
   * @param assignee the assignee
   * @param holdReason the hold reason
   * @param resolutionCode the resolution code
   * @param resolutionNotes the resolution notes
   * @param reassignmentCount the reassignment count
   * @param reopenCount the reopen count
   * @param milestones the milestones
   */
  public Incident(String number, long version, IncidentState state, String title,
      String description, String caller, Channel channel, String category, String subcategory,
      String service, String configurationItem, Impact impact, Urgency urgency, Priority priority,
      String assignmentGroup, String assignee, HoldReason holdReason,
      ResolutionCode resolutionCode, String resolutionNotes, int reassignmentCount,
      int reopenCount, Milestones milestones) {
    this(number, version, state, title, description, caller, channel, category, subcategory,
        service, configurationItem, impact, urgency, priority, assignmentGroup, assignee,
        holdReason, resolutionCode, resolutionNotes, reassignmentCount, reopenCount, milestones,
        Actor.DEFAULT_TENANT);
  }

  /** @return a builder holding this incident's values, for making a changed copy */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** @return a builder for a new incident (used by stores and tests) */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Incident} values; used by stores and internally for changed copies. */
  public static final class Builder {
    private String number;
    private long version;
    private IncidentState state = IncidentState.NEW;
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
    private Priority priority;
    private String assignmentGroup;
    private String assignee;
    private HoldReason holdReason;
    private ResolutionCode resolutionCode;
    private String resolutionNotes;
    private int reassignmentCount;
    private int reopenCount;
    private Milestones milestones;
    private String tenant = Actor.DEFAULT_TENANT;

    private Builder() {}

    private Builder(Incident i) {
      number = i.number;
      version = i.version;
      state = i.state;
      title = i.title;
      description = i.description;
      caller = i.caller;
      channel = i.channel;
      category = i.category;
      subcategory = i.subcategory;
      service = i.service;
      configurationItem = i.configurationItem;
      impact = i.impact;
      urgency = i.urgency;
      priority = i.priority;
      assignmentGroup = i.assignmentGroup;
      assignee = i.assignee;
      holdReason = i.holdReason;
      resolutionCode = i.resolutionCode;
      resolutionNotes = i.resolutionNotes;
      reassignmentCount = i.reassignmentCount;
      reopenCount = i.reopenCount;
      milestones = i.milestones;
      tenant = i.tenant;
    }

    /** @param v the number @return this */
    public Builder number(String v) { number = v; return this; }
    /** @param v the version @return this */
    public Builder version(long v) { version = v; return this; }
    /** @param v the state @return this */
    public Builder state(IncidentState v) { state = v; return this; }
    /** @param v the title @return this */
    public Builder title(String v) { title = v; return this; }
    /** @param v the description @return this */
    public Builder description(String v) { description = v; return this; }
    /** @param v the caller @return this */
    public Builder caller(String v) { caller = v; return this; }
    /** @param v the channel @return this */
    public Builder channel(Channel v) { channel = v; return this; }
    /** @param v the category @return this */
    public Builder category(String v) { category = v; return this; }
    /** @param v the subcategory @return this */
    public Builder subcategory(String v) { subcategory = v; return this; }
    /** @param v the service @return this */
    public Builder service(String v) { service = v; return this; }
    /** @param v the configuration item @return this */
    public Builder configurationItem(String v) { configurationItem = v; return this; }
    /** @param v the impact @return this */
    public Builder impact(Impact v) { impact = v; return this; }
    /** @param v the urgency @return this */
    public Builder urgency(Urgency v) { urgency = v; return this; }
    /** @param v the priority @return this */
    public Builder priority(Priority v) { priority = v; return this; }
    /** @param v the assignment group @return this */
    public Builder assignmentGroup(String v) { assignmentGroup = v; return this; }
    /** @param v the assignee @return this */
    public Builder assignee(String v) { assignee = v; return this; }
    /** @param v the hold reason @return this */
    public Builder holdReason(HoldReason v) { holdReason = v; return this; }
    /** @param v the resolution code @return this */
    public Builder resolutionCode(ResolutionCode v) { resolutionCode = v; return this; }
    /** @param v the resolution notes @return this */
    public Builder resolutionNotes(String v) { resolutionNotes = v; return this; }
    /** @param v the reassignment count @return this */
    public Builder reassignmentCount(int v) { reassignmentCount = v; return this; }
    /** @param v the reopen count @return this */
    public Builder reopenCount(int v) { reopenCount = v; return this; }
    /** @param v the milestones @return this */
    public Builder milestones(Milestones v) { milestones = v; return this; }
    /** @param v the tenant @return this */
    public Builder tenant(String v) { tenant = v; return this; }

    /** @return the milestones set so far */
    public Milestones milestones() {
      return milestones;
    }

    /** @return the incident */
    public Incident build() {
      return new Incident(number, version, state, title, description, caller, channel, category,
          subcategory, service, configurationItem, impact, urgency, priority, assignmentGroup,
          assignee, holdReason, resolutionCode, resolutionNotes, reassignmentCount, reopenCount,
          milestones, tenant);
    }
  }
}
