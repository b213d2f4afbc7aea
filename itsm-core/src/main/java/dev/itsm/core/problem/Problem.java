package dev.itsm.core.problem;

import dev.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A problem record ({@code PRB0000001}): the cause of one or more incidents, its workaround and
 * root cause, the change that fixes it, and its known error once published. Immutable.
 *
 * @param number the problem number, e.g. {@code PRB0000001}
 * @param version optimistic-locking version, 1 on creation
 * @param state the current state
 * @param title one-line summary
 * @param description details, or {@code null}
 * @param category category, or {@code null}
 * @param service affected service, or {@code null}
 * @param configurationItem affected configuration item, or {@code null}
 * @param priority priority
 * @param problemManager the problem manager, or {@code null} until assessed
 * @param proactive whether the library proposed it (repeated incidents)
 * @param workaround the workaround, or {@code null}
 * @param rootCause the root cause, or {@code null}
 * @param fixChange the number of the change that fixes it, or {@code null}
 * @param incidents the numbers of the incidents linked to it
 * @param knownError the id of its published known error, or {@code null}
 * @param resolutionNotes how it was resolved, or {@code null}
 * @param createdBy who logged it ({@code system} for proposals)
 * @param createdAt when it was logged
 * @param assessedAt when it was assessed, or {@code null}
 * @param analysisStartedAt when root cause analysis began, or {@code null}
 * @param rootCauseAt when the root cause was identified, or {@code null}
 * @param resolvedAt when it was resolved, or {@code null}
 * @param closedAt when it closed, or {@code null}
 * @param cancelledAt when it was cancelled, or {@code null}
 * @param tenant the tenant it belongs to ({@link dev.itsm.core.Actor#DEFAULT_TENANT} unless the
 *     engine serves several)
 */
public record Problem(
    String number,
    long version,
    ProblemState state,
    String title,
    String description,
    String category,
    String service,
    String configurationItem,
    Priority priority,
    String problemManager,
    boolean proactive,
    String workaround,
    String rootCause,
    String fixChange,
    List<String> incidents,
    String knownError,
    String resolutionNotes,
    String createdBy,
    Instant createdAt,
    Instant assessedAt,
    Instant analysisStartedAt,
    Instant rootCauseAt,
    Instant resolvedAt,
    Instant closedAt,
    Instant cancelledAt,
    String tenant) {

  /** Copies the list; a {@code null} tenant is the default tenant. */
  public Problem {
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
    tenant = tenant == null ? dev.itsm.core.Actor.DEFAULT_TENANT : tenant;
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
    b.state = state;
    b.title = title;
    b.description = description;
    b.category = category;
    b.service = service;
    b.configurationItem = configurationItem;
    b.priority = priority;
    b.problemManager = problemManager;
    b.proactive = proactive;
    b.workaround = workaround;
    b.rootCause = rootCause;
    b.fixChange = fixChange;
    b.incidents = incidents;
    b.knownError = knownError;
    b.resolutionNotes = resolutionNotes;
    b.createdBy = createdBy;
    b.createdAt = createdAt;
    b.assessedAt = assessedAt;
    b.analysisStartedAt = analysisStartedAt;
    b.rootCauseAt = rootCauseAt;
    b.resolvedAt = resolvedAt;
    b.closedAt = closedAt;
    b.cancelledAt = cancelledAt;
    b.tenant = tenant;
    return b;
  }

  /** Builds {@link Problem} records (used by the library and by stores). */
  public static final class Builder {
    private String number;
    private long version;
    private ProblemState state;
    private String title;
    private String description;
    private String category;
    private String service;
    private String configurationItem;
    private Priority priority;
    private String problemManager;
    private boolean proactive;
    private String workaround;
    private String rootCause;
    private String fixChange;
    private List<String> incidents;
    private String knownError;
    private String resolutionNotes;
    private String createdBy;
    private Instant createdAt;
    private Instant assessedAt;
    private Instant analysisStartedAt;
    private Instant rootCauseAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private Instant cancelledAt;
    private String tenant = dev.itsm.core.Actor.DEFAULT_TENANT;

    private Builder() {}

    /** @param v the tenant it belongs to @return this */
    public Builder tenant(String v) {
      tenant = v;
      return this;
    }

    /** @param v the problem number, e.g. {@code PRB0000001} @return this */
    public Builder number(String v) {
      number = v;
      return this;
    }

    /** @param v optimistic-locking version, 1 on creation @return this */
    public Builder version(long v) {
      version = v;
      return this;
    }

    /** @param v the current state @return this */
    public Builder state(ProblemState v) {
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

    /** @param v category, or {@code null} @return this */
    public Builder category(String v) {
      category = v;
      return this;
    }

    /** @param v affected service, or {@code null} @return this */
    public Builder service(String v) {
      service = v;
      return this;
    }

    /** @param v affected configuration item, or {@code null} @return this */
    public Builder configurationItem(String v) {
      configurationItem = v;
      return this;
    }

    /** @param v priority @return this */
    public Builder priority(Priority v) {
      priority = v;
      return this;
    }

    /** @param v the problem manager, or {@code null} until assessed @return this */
    public Builder problemManager(String v) {
      problemManager = v;
      return this;
    }

    /** @param v whether the library proposed it (repeated incidents) @return this */
    public Builder proactive(boolean v) {
      proactive = v;
      return this;
    }

    /** @param v the workaround, or {@code null} @return this */
    public Builder workaround(String v) {
      workaround = v;
      return this;
    }

    /** @param v the root cause, or {@code null} @return this */
    public Builder rootCause(String v) {
      rootCause = v;
      return this;
    }

    /** @param v the number of the change that fixes it, or {@code null} @return this */
    public Builder fixChange(String v) {
      fixChange = v;
      return this;
    }

    /** @param v the numbers of the incidents linked to it @return this */
    public Builder incidents(List<String> v) {
      incidents = v;
      return this;
    }

    /** @param v the id of its published known error, or {@code null} @return this */
    public Builder knownError(String v) {
      knownError = v;
      return this;
    }

    /** @param v how it was resolved, or {@code null} @return this */
    public Builder resolutionNotes(String v) {
      resolutionNotes = v;
      return this;
    }

    /** @param v who logged it ({@code system} for proposals) @return this */
    public Builder createdBy(String v) {
      createdBy = v;
      return this;
    }

    /** @param v when it was logged @return this */
    public Builder createdAt(Instant v) {
      createdAt = v;
      return this;
    }

    /** @param v when it was assessed, or {@code null} @return this */
    public Builder assessedAt(Instant v) {
      assessedAt = v;
      return this;
    }

    /** @param v when root cause analysis began, or {@code null} @return this */
    public Builder analysisStartedAt(Instant v) {
      analysisStartedAt = v;
      return this;
    }

    /** @param v when the root cause was identified, or {@code null} @return this */
    public Builder rootCauseAt(Instant v) {
      rootCauseAt = v;
      return this;
    }

    /** @param v when it was resolved, or {@code null} @return this */
    public Builder resolvedAt(Instant v) {
      resolvedAt = v;
      return this;
    }

    /** @param v when it closed, or {@code null} @return this */
    public Builder closedAt(Instant v) {
      closedAt = v;
      return this;
    }

    /** @param v when it was cancelled, or {@code null} @return this */
    public Builder cancelledAt(Instant v) {
      cancelledAt = v;
      return this;
    }

    /** @return the record */
    public Problem build() {
      return new Problem(number, version, state, title, description, category, service, configurationItem, priority, problemManager, proactive, workaround, rootCause, fixChange, incidents, knownError, resolutionNotes, createdBy, createdAt, assessedAt, analysisStartedAt, rootCauseAt, resolvedAt, closedAt, cancelledAt, tenant);
    }
  }
}
