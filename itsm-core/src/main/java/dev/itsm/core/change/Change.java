package dev.itsm.core.change;

import dev.itsm.core.Actor;
import dev.itsm.core.incident.Impact;
import java.time.Instant;
import java.util.List;

/**
 * A change record ({@code CHG0000001}): what is changed, why, how and when, its risk and
 * authorisation, its links to incidents and problems, and its outcome. Immutable; the API returns
 * a new one after every change. The timeline, audit trail and approval decisions are read
 * separately ({@link ChangeService#timeline}, {@link ChangeService#auditTrail},
 * {@link ChangeService#decisions}).
 *
 * @param number the change number, e.g. {@code CHG0000001}
 * @param version optimistic-locking version, 1 on creation
 * @param type standard, normal or emergency
 * @param state the current state
 * @param title one-line summary
 * @param description details, or {@code null}
 * @param justification why the change is needed
 * @param category category, e.g. {@code network}; similar changes share it
 * @param services affected services
 * @param configurationItems affected configuration items
 * @param implementationPlan how it will be done
 * @param backoutPlan how it will be undone if it fails
 * @param testPlan how it will be verified, or {@code null}
 * @param plannedStart start of the planned window, or {@code null}
 * @param plannedEnd end of the planned window, or {@code null}
 * @param requester who asked for it (the creating actor)
 * @param owner the change owner, accountable for it
 * @param implementerGroup the group implementing it
 * @param implementer the individual implementing it, or {@code null}
 * @param impact impact if it goes wrong
 * @param requiresOutage questionnaire: needs a service outage
 * @param tested questionnaire: tested in a production-like environment
 * @param backoutTested questionnaire: backout plan tested
 * @param risk the computed risk
 * @param template the standard change template id, or {@code null}
 * @param authority the change authority's name, e.g. {@code cab}; {@code pre-authorised} for standard changes; {@code null} before submission
 * @param approverGroup the group whose members decide, or {@code null}
 * @param approvalPolicy how many approvals are needed, or {@code null}
 * @param eligibleApprovers members of the approver group who may decide (segregation of duties applied), -1 when unknown
 * @param authorizationRound how many times it was submitted for authorisation
 * @param authorizationDue when the authorisation escalates, or {@code null}
 * @param authorizationEscalated whether the deadline passed and the escalation group may decide
 * @param incidents numbers of the incidents it addresses
 * @param problems numbers of the problems it addresses
 * @param collisions numbers of scheduled changes whose window overlaps on a shared service or configuration item
 * @param freezeOverride the justification for scheduling an emergency change in a freeze window, or {@code null}
 * @param outcome how implementation went, or {@code null}
 * @param outcomeNotes notes on the outcome, or {@code null}
 * @param reviewRequired whether a post-implementation review is required (set with the outcome)
 * @param reviewNotes the post-implementation review, or {@code null}
 * @param createdAt when it was created
 * @param submittedAt when it was last submitted for authorisation, or {@code null}
 * @param authorizedAt when it was authorised, or {@code null}
 * @param scheduledAt when it was last scheduled, or {@code null}
 * @param implementationStartedAt when implementation began, or {@code null}
 * @param implementedAt when the outcome was recorded, or {@code null}
 * @param closedAt when it closed, or {@code null}
 * @param rejectedAt when it was rejected, or {@code null}
 * @param cancelledAt when it was cancelled, or {@code null}
 * @param tenant the tenant the change belongs to (the requester's); {@code null} means
 *     {@link Actor#DEFAULT_TENANT}
 */
public record Change(
    String number,
    long version,
    ChangeType type,
    ChangeState state,
    String title,
    String description,
    String justification,
    String category,
    List<String> services,
    List<String> configurationItems,
    String implementationPlan,
    String backoutPlan,
    String testPlan,
    Instant plannedStart,
    Instant plannedEnd,
    String requester,
    String owner,
    String implementerGroup,
    String implementer,
    Impact impact,
    boolean requiresOutage,
    boolean tested,
    boolean backoutTested,
    ChangeRisk risk,
    String template,
    String authority,
    String approverGroup,
    ApprovalPolicy approvalPolicy,
    int eligibleApprovers,
    int authorizationRound,
    Instant authorizationDue,
    boolean authorizationEscalated,
    List<String> incidents,
    List<String> problems,
    List<String> collisions,
    String freezeOverride,
    ChangeOutcome outcome,
    String outcomeNotes,
    boolean reviewRequired,
    String reviewNotes,
    Instant createdAt,
    Instant submittedAt,
    Instant authorizedAt,
    Instant scheduledAt,
    Instant implementationStartedAt,
    Instant implementedAt,
    Instant closedAt,
    Instant rejectedAt,
    Instant cancelledAt,
    String tenant) {

  /** Copies the lists and fills the default tenant. */
  public Change {
    tenant = tenant == null ? Actor.DEFAULT_TENANT : tenant;
    services = services == null ? List.of() : List.copyOf(services);
    configurationItems = configurationItems == null ? List.of() : List.copyOf(configurationItems);
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
    problems = problems == null ? List.of() : List.copyOf(problems);
    collisions = collisions == null ? List.of() : List.copyOf(collisions);
  }

  /** @return a builder with every field empty */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this record's fields */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.number = number;
    b.version = version;
    b.type = type;
    b.state = state;
    b.title = title;
    b.description = description;
    b.justification = justification;
    b.category = category;
    b.services = services;
    b.configurationItems = configurationItems;
    b.implementationPlan = implementationPlan;
    b.backoutPlan = backoutPlan;
    b.testPlan = testPlan;
    b.plannedStart = plannedStart;
    b.plannedEnd = plannedEnd;
    b.requester = requester;
    b.owner = owner;
    b.implementerGroup = implementerGroup;
    b.implementer = implementer;
    b.impact = impact;
    b.requiresOutage = requiresOutage;
    b.tested = tested;
    b.backoutTested = backoutTested;
    b.risk = risk;
    b.template = template;
    b.authority = authority;
    b.approverGroup = approverGroup;
    b.approvalPolicy = approvalPolicy;
    b.eligibleApprovers = eligibleApprovers;
    b.authorizationRound = authorizationRound;
    b.authorizationDue = authorizationDue;
    b.authorizationEscalated = authorizationEscalated;
    b.incidents = incidents;
    b.problems = problems;
    b.collisions = collisions;
    b.freezeOverride = freezeOverride;
    b.outcome = outcome;
    b.outcomeNotes = outcomeNotes;
    b.reviewRequired = reviewRequired;
    b.reviewNotes = reviewNotes;
    b.createdAt = createdAt;
    b.submittedAt = submittedAt;
    b.authorizedAt = authorizedAt;
    b.scheduledAt = scheduledAt;
    b.implementationStartedAt = implementationStartedAt;
    b.implementedAt = implementedAt;
    b.closedAt = closedAt;
    b.rejectedAt = rejectedAt;
    b.cancelledAt = cancelledAt;
    b.tenant = tenant;
    return b;
  }

  /** Builds {@link Change} records (used by the library and by stores). */
  public static final class Builder {
    private String number;
    private long version;
    private ChangeType type;
    private ChangeState state;
    private String title;
    private String description;
    private String justification;
    private String category;
    private List<String> services;
    private List<String> configurationItems;
    private String implementationPlan;
    private String backoutPlan;
    private String testPlan;
    private Instant plannedStart;
    private Instant plannedEnd;
    private String requester;
    private String owner;
    private String implementerGroup;
    private String implementer;
    private Impact impact;
    private boolean requiresOutage;
    private boolean tested;
    private boolean backoutTested;
    private ChangeRisk risk;
    private String template;
    private String authority;
    private String approverGroup;
    private ApprovalPolicy approvalPolicy;
    private int eligibleApprovers = -1;
    private int authorizationRound;
    private Instant authorizationDue;
    private boolean authorizationEscalated;
    private List<String> incidents;
    private List<String> problems;
    private List<String> collisions;
    private String freezeOverride;
    private ChangeOutcome outcome;
    private String outcomeNotes;
    private boolean reviewRequired;
    private String reviewNotes;
    private Instant createdAt;
    private Instant submittedAt;
    private Instant authorizedAt;
    private Instant scheduledAt;
    private Instant implementationStartedAt;
    private Instant implementedAt;
    private Instant closedAt;
    private Instant rejectedAt;
    private Instant cancelledAt;
    private String tenant = Actor.DEFAULT_TENANT;

    private Builder() {}

    /** @param v the change number, e.g. {@code CHG0000001} @return this */
    public Builder number(String v) {
      number = v;
      return this;
    }

    /** @param v optimistic-locking version, 1 on creation @return this */
    public Builder version(long v) {
      version = v;
      return this;
    }

    /** @param v standard, normal or emergency @return this */
    public Builder type(ChangeType v) {
      type = v;
      return this;
    }

    /** @param v the current state @return this */
    public Builder state(ChangeState v) {
      state = v;
      return this;
    }

    /** @param v one-line summary @return this */
    public Builder title(String v) {
      title = v;
      return this;
    }

    /** @param v details, or {@code null} @return this */
    public Builder description(String v) {
      description = v;
      return this;
    }

    /** @param v why the change is needed @return this */
    public Builder justification(String v) {
      justification = v;
      return this;
    }

    /** @param v category, e.g. {@code network}; similar changes share it @return this */
    public Builder category(String v) {
      category = v;
      return this;
    }

    /** @param v affected services @return this */
    public Builder services(List<String> v) {
      services = v;
      return this;
    }

    /** @param v affected configuration items @return this */
    public Builder configurationItems(List<String> v) {
      configurationItems = v;
      return this;
    }

    /** @param v how it will be done @return this */
    public Builder implementationPlan(String v) {
      implementationPlan = v;
      return this;
    }

    /** @param v how it will be undone if it fails @return this */
    public Builder backoutPlan(String v) {
      backoutPlan = v;
      return this;
    }

    /** @param v how it will be verified, or {@code null} @return this */
    public Builder testPlan(String v) {
      testPlan = v;
      return this;
    }

    /** @param v start of the planned window, or {@code null} @return this */
    public Builder plannedStart(Instant v) {
      plannedStart = v;
      return this;
    }

    /** @param v end of the planned window, or {@code null} @return this */
    public Builder plannedEnd(Instant v) {
      plannedEnd = v;
      return this;
    }

    /** @param v who asked for it (the creating actor) @return this */
    public Builder requester(String v) {
      requester = v;
      return this;
    }

    /** @param v the change owner, accountable for it @return this */
    public Builder owner(String v) {
      owner = v;
      return this;
    }

    /** @param v the group implementing it @return this */
    public Builder implementerGroup(String v) {
      implementerGroup = v;
      return this;
    }

    /** @param v the individual implementing it, or {@code null} @return this */
    public Builder implementer(String v) {
      implementer = v;
      return this;
    }

    /** @param v impact if it goes wrong @return this */
    public Builder impact(Impact v) {
      impact = v;
      return this;
    }

    /** @param v questionnaire: needs a service outage @return this */
    public Builder requiresOutage(boolean v) {
      requiresOutage = v;
      return this;
    }

    /** @param v questionnaire: tested in a production-like environment @return this */
    public Builder tested(boolean v) {
      tested = v;
      return this;
    }

    /** @param v questionnaire: backout plan tested @return this */
    public Builder backoutTested(boolean v) {
      backoutTested = v;
      return this;
    }

    /** @param v the computed risk @return this */
    public Builder risk(ChangeRisk v) {
      risk = v;
      return this;
    }

    /** @param v the standard change template id, or {@code null} @return this */
    public Builder template(String v) {
      template = v;
      return this;
    }

    /** @param v the change authority's name, e.g. {@code cab}; {@code pre-authorised} for standard changes; {@code null} before submission @return this */
    public Builder authority(String v) {
      authority = v;
      return this;
    }

    /** @param v the group whose members decide, or {@code null} @return this */
    public Builder approverGroup(String v) {
      approverGroup = v;
      return this;
    }

    /** @param v how many approvals are needed, or {@code null} @return this */
    public Builder approvalPolicy(ApprovalPolicy v) {
      approvalPolicy = v;
      return this;
    }

    /** @param v members of the approver group who may decide (segregation of duties applied), -1 when unknown @return this */
    public Builder eligibleApprovers(int v) {
      eligibleApprovers = v;
      return this;
    }

    /** @param v how many times it was submitted for authorisation @return this */
    public Builder authorizationRound(int v) {
      authorizationRound = v;
      return this;
    }

    /** @param v when the authorisation escalates, or {@code null} @return this */
    public Builder authorizationDue(Instant v) {
      authorizationDue = v;
      return this;
    }

    /** @param v whether the deadline passed and the escalation group may decide @return this */
    public Builder authorizationEscalated(boolean v) {
      authorizationEscalated = v;
      return this;
    }

    /** @param v numbers of the incidents it addresses @return this */
    public Builder incidents(List<String> v) {
      incidents = v;
      return this;
    }

    /** @param v numbers of the problems it addresses @return this */
    public Builder problems(List<String> v) {
      problems = v;
      return this;
    }

    /** @param v numbers of scheduled changes whose window overlaps on a shared service or configuration item @return this */
    public Builder collisions(List<String> v) {
      collisions = v;
      return this;
    }

    /** @param v the justification for scheduling an emergency change in a freeze window, or {@code null} @return this */
    public Builder freezeOverride(String v) {
      freezeOverride = v;
      return this;
    }

    /** @param v how implementation went, or {@code null} @return this */
    public Builder outcome(ChangeOutcome v) {
      outcome = v;
      return this;
    }

    /** @param v notes on the outcome, or {@code null} @return this */
    public Builder outcomeNotes(String v) {
      outcomeNotes = v;
      return this;
    }

    /** @param v whether a post-implementation review is required (set with the outcome) @return this */
    public Builder reviewRequired(boolean v) {
      reviewRequired = v;
      return this;
    }

    /** @param v the post-implementation review, or {@code null} @return this */
    public Builder reviewNotes(String v) {
      reviewNotes = v;
      return this;
    }

    /** @param v when it was created @return this */
    public Builder createdAt(Instant v) {
      createdAt = v;
      return this;
    }

    /** @param v when it was last submitted for authorisation, or {@code null} @return this */
    public Builder submittedAt(Instant v) {
      submittedAt = v;
      return this;
    }

    /** @param v when it was authorised, or {@code null} @return this */
    public Builder authorizedAt(Instant v) {
      authorizedAt = v;
      return this;
    }

    /** @param v when it was last scheduled, or {@code null} @return this */
    public Builder scheduledAt(Instant v) {
      scheduledAt = v;
      return this;
    }

    /** @param v when implementation began, or {@code null} @return this */
    public Builder implementationStartedAt(Instant v) {
      implementationStartedAt = v;
      return this;
    }

    /** @param v when the outcome was recorded, or {@code null} @return this */
    public Builder implementedAt(Instant v) {
      implementedAt = v;
      return this;
    }

    /** @param v when it closed, or {@code null} @return this */
    public Builder closedAt(Instant v) {
      closedAt = v;
      return this;
    }

    /** @param v when it was rejected, or {@code null} @return this */
    public Builder rejectedAt(Instant v) {
      rejectedAt = v;
      return this;
    }

    /** @param v when it was cancelled, or {@code null} @return this */
    public Builder cancelledAt(Instant v) {
      cancelledAt = v;
      return this;
    }

    /** @param v the tenant; default {@link Actor#DEFAULT_TENANT} @return this */
    public Builder tenant(String v) {
      tenant = v;
      return this;
    }

    /** @return the record */
    public Change build() {
      return new Change(number, version, type, state, title, description, justification, category, services, configurationItems, implementationPlan, backoutPlan, testPlan, plannedStart, plannedEnd, requester, owner, implementerGroup, implementer, impact, requiresOutage, tested, backoutTested, risk, template, authority, approverGroup, approvalPolicy, eligibleApprovers, authorizationRound, authorizationDue, authorizationEscalated, incidents, problems, collisions, freezeOverride, outcome, outcomeNotes, reviewRequired, reviewNotes, createdAt, submittedAt, authorizedAt, scheduledAt, implementationStartedAt, implementedAt, closedAt, rejectedAt, cancelledAt, tenant);
    }
  }
}
