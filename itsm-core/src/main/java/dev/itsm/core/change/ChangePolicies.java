package dev.itsm.core.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.itsm.core.incident.Impact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an engine runs change enablement: the risk and authority policies, the rejection rule, freeze
 * windows, collision handling, the standard change catalog, the review rule, and the groups
 * involved. Immutable.
 *
 * <pre>{@code
 * ChangePolicies policies = ChangePolicies.builder()
 *     .freezeWindow(FreezeWindow.of("year-end close", Instant.parse("2026-12-20T00:00:00Z"),
 *         Instant.parse("2027-01-04T00:00:00Z")))
 *     .collisionMode(CollisionMode.BLOCK)
 *     .standardChanges(Path.of("standard-changes.json"))
 *     .build();
 * }</pre>
 */
public final class ChangePolicies {

  private final ChangeRiskPolicy riskPolicy;
  private final ChangeAuthorityPolicy authorityPolicy;
  private final RejectionRule rejectionRule;
  private final List<FreezeWindow> freezeWindows;
  private final CollisionMode collisionMode;
  private final Map<String, StandardChangeTemplate> standardChanges;
  private final ReviewRule reviewRule;
  private final boolean resolveLinkedIncidents;
  private final String changeManagers;
  private final String escalationGroup;
  private final Duration similarChangesLookBack;

  private ChangePolicies(Builder b) {
    this.riskPolicy = b.riskPolicy;
    this.authorityPolicy = b.authorityPolicy;
    this.rejectionRule = b.rejectionRule;
    this.freezeWindows = List.copyOf(b.freezeWindows);
    this.collisionMode = b.collisionMode;
    this.standardChanges = Map.copyOf(b.standardChanges);
    this.reviewRule = b.reviewRule;
    this.resolveLinkedIncidents = b.resolveLinkedIncidents;
    this.changeManagers = b.changeManagers;
    this.escalationGroup = b.escalationGroup;
    this.similarChangesLookBack = b.similarChangesLookBack;
  }

  /** @return the defaults: see each method of {@link Builder} */
  public static ChangePolicies defaults() {
    return builder().build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these policies */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.riskPolicy = riskPolicy;
    b.authorityPolicy = authorityPolicy;
    b.rejectionRule = rejectionRule;
    b.freezeWindows.addAll(freezeWindows);
    b.collisionMode = collisionMode;
    b.standardChanges.putAll(standardChanges);
    b.reviewRule = reviewRule;
    b.resolveLinkedIncidents = resolveLinkedIncidents;
    b.changeManagers = changeManagers;
    b.escalationGroup = escalationGroup;
    b.similarChangesLookBack = similarChangesLookBack;
    return b;
  }

  /** @return the risk policy, or {@code null} for the engine's default (the shipped DMN table) */
  public ChangeRiskPolicy riskPolicy() {
    return riskPolicy;
  }

  /** @return the authority policy, or {@code null} for the engine's default (shipped DMN table) */
  public ChangeAuthorityPolicy authorityPolicy() {
    return authorityPolicy;
  }

  /** @return when rejections end an authorisation round */
  public RejectionRule rejectionRule() {
    return rejectionRule;
  }

  /** @return the freeze windows */
  public List<FreezeWindow> freezeWindows() {
    return freezeWindows;
  }

  /** @return what a collision does */
  public CollisionMode collisionMode() {
    return collisionMode;
  }

  /** @param id a template id @return the standard change template */
  public Optional<StandardChangeTemplate> standardChange(String id) {
    return Optional.ofNullable(standardChanges.get(id));
  }

  /** @return the standard change catalog by id */
  public Map<String, StandardChangeTemplate> standardChanges() {
    return standardChanges;
  }

  /** @return which changes need a post-implementation review */
  public ReviewRule reviewRule() {
    return reviewRule;
  }

  /** @return whether closing a successful change resolves the incidents linked to it */
  public boolean resolveLinkedIncidents() {
    return resolveLinkedIncidents;
  }

  /** @return the group that assesses, schedules and reviews changes */
  public String changeManagers() {
    return changeManagers;
  }

  /** @return the group that may decide once an authorisation is past its deadline */
  public String escalationGroup() {
    return escalationGroup;
  }

  /** @return how far back failed changes of the same category count for the risk */
  public Duration similarChangesLookBack() {
    return similarChangesLookBack;
  }

  /** Builds {@link ChangePolicies}; every setting has a default. */
  public static final class Builder {
    private ChangeRiskPolicy riskPolicy;
    private ChangeAuthorityPolicy authorityPolicy;
    private RejectionRule rejectionRule = RejectionRule.FIRST_REJECTION;
    private final List<FreezeWindow> freezeWindows = new ArrayList<>();
    private CollisionMode collisionMode = CollisionMode.WARN;
    private final Map<String, StandardChangeTemplate> standardChanges = new LinkedHashMap<>();
    private ReviewRule reviewRule = ReviewRule.ITIL;
    private boolean resolveLinkedIncidents = true;
    private String changeManagers = "change-managers";
    private String escalationGroup = "change-escalation";
    private Duration similarChangesLookBack = Duration.ofDays(90);

    private Builder() {}

    /** @param policy computes the risk; default the shipped DMN table @return this */
    public Builder riskPolicy(ChangeRiskPolicy policy) {
      riskPolicy = java.util.Objects.requireNonNull(policy, "riskPolicy");
      return this;
    }

    /** @param policy type and risk → change authority; default the shipped DMN table @return this */
    public Builder authorityPolicy(ChangeAuthorityPolicy policy) {
      authorityPolicy = java.util.Objects.requireNonNull(policy, "authorityPolicy");
      return this;
    }

    /** @param rule when rejections end a round; default {@link RejectionRule#FIRST_REJECTION} @return this */
    public Builder rejectionRule(RejectionRule rule) {
      rejectionRule = java.util.Objects.requireNonNull(rule, "rejectionRule");
      return this;
    }

    /** @param window a freeze window (none by default) @return this */
    public Builder freezeWindow(FreezeWindow window) {
      freezeWindows.add(java.util.Objects.requireNonNull(window, "freezeWindow"));
      return this;
    }

    /** @param mode what a collision does; default {@link CollisionMode#WARN} @return this */
    public Builder collisionMode(CollisionMode mode) {
      collisionMode = java.util.Objects.requireNonNull(mode, "collisionMode");
      return this;
    }

    /**
     * @param template a standard change template for the catalog (empty by default)
     * @return this
     * @throws IllegalArgumentException when a template with that id is already there
     */
    public Builder standardChange(StandardChangeTemplate template) {
      java.util.Objects.requireNonNull(template, "standardChange");
      if (standardChanges.putIfAbsent(template.id(), template) != null) {
        throw new IllegalArgumentException("standard change template '" + template.id()
            + "' is defined twice");
      }
      return this;
    }

    /**
     * Adds the templates of a declarative catalog file: a JSON array of objects with the fields
     * of {@link StandardChangeTemplate} ({@code id}, {@code title}, {@code implementationPlan},
     * {@code backoutPlan}, {@code implementerGroup}, {@code impact} required; {@code description},
     * {@code category}, {@code testPlan} optional).
     *
     * <pre>{@code
     * [ { "id": "restart-app-server", "title": "Restart an application server",
     *     "category": "application", "impact": "LOW", "implementerGroup": "operations",
     *     "implementationPlan": "Drain, restart, check health", "backoutPlan": "None needed" } ]
     * }</pre>
     *
     * @param jsonFile the catalog file
     * @return this
     * @throws IllegalArgumentException naming the file, the entry and every problem
     */
    public Builder standardChanges(Path jsonFile) {
      String text;
      try {
        text = Files.readString(jsonFile);
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read the standard change catalog " + jsonFile
            + ": " + e.getMessage(), e);
      }
      return standardChanges(jsonFile.toString(), text);
    }

    /**
     * @param source where the text comes from, for messages
     * @param json the catalog as JSON (see {@link #standardChanges(Path)})
     * @return this
     */
    public Builder standardChanges(String source, String json) {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("The standard change catalog " + source
            + " is not valid JSON: " + e.getOriginalMessage() + " (line "
            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
      }
      if (root == null || !root.isArray()) {
        throw new IllegalArgumentException("The standard change catalog " + source
            + " must be a JSON array of templates");
      }
      List<String> problems = new ArrayList<>();
      int index = 0;
      for (JsonNode n : root) {
        try {
          String impact = text(n, "impact");
          Impact parsed = null;
          if (impact != null) {
            try {
              parsed = Impact.valueOf(impact.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("impact '" + impact
                  + "' must be one of HIGH, MEDIUM, LOW");
            }
          }
          standardChange(new StandardChangeTemplate(text(n, "id"), text(n, "title"),
              text(n, "description"), text(n, "category"), text(n, "implementationPlan"),
              text(n, "backoutPlan"), text(n, "testPlan"), text(n, "implementerGroup"), parsed));
        } catch (IllegalArgumentException e) {
          problems.add("entry " + index + ": " + e.getMessage());
        }
        index++;
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("The standard change catalog " + source + " has "
            + problems.size() + " problem(s): " + String.join("; ", problems));
      }
      return this;
    }

    private static String text(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    /** @param rule which changes need a review; default {@link ReviewRule#ITIL} @return this */
    public Builder reviewRule(ReviewRule rule) {
      reviewRule = java.util.Objects.requireNonNull(rule, "reviewRule");
      return this;
    }

    /**
     * @param on whether closing a successful change resolves the incidents linked to it (those in
     *     progress; the others get a work note); default {@code true}
     * @return this
     */
    public Builder resolveLinkedIncidents(boolean on) {
      resolveLinkedIncidents = on;
      return this;
    }

    /** @param group assesses, schedules and reviews; default {@code change-managers} @return this */
    public Builder changeManagers(String group) {
      changeManagers = requireText(group, "changeManagers");
      return this;
    }

    /**
     * @param group may decide once an authorisation is past its deadline (its decision is
     *     final); default {@code change-escalation}
     * @return this
     */
    public Builder escalationGroup(String group) {
      escalationGroup = requireText(group, "escalationGroup");
      return this;
    }

    /** @param period how far back failed similar changes count; default 90 days @return this */
    public Builder similarChangesLookBack(Duration period) {
      if (period == null || period.isNegative()) {
        throw new IllegalArgumentException("similarChangesLookBack must not be negative, was "
            + period);
      }
      similarChangesLookBack = period;
      return this;
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    /** @return the policies */
    public ChangePolicies build() {
      return new ChangePolicies(this);
    }
  }
}
