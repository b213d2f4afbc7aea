package dev.itsm.core.sla;

import dev.itsm.core.incident.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A service level (or operational level) target: how much business time a record may take for one
 * {@link TargetKind}, measured on a named business calendar, with warning thresholds and
 * escalations. The selector fields ({@code process}, {@code priority}, {@code service},
 * {@code customer}, {@code group}) say which records it applies to; {@code null} means any, and
 * the most specific matching target wins.
 *
 * <pre>{@code
 * ServiceLevelTarget gold = ServiceLevelTarget.resolution("Payroll P2 resolution")
 *     .priority(Priority.P2).service("payroll")
 *     .within(Duration.ofHours(6)).calendar("office-berlin")
 *     .warnings(50, 75, 90)
 *     .escalate(90, Escalation.notify("payroll-owner"))
 *     .build();
 * }</pre>
 *
 * @param name a unique readable name, e.g. {@code P1 response}
 * @param kind what is measured
 * @param process the practice, e.g. {@code incident}
 * @param priority the priority it applies to, or {@code null} for any
 * @param service the service it applies to, or {@code null} for any
 * @param customer the customer (caller) it applies to, or {@code null} for any
 * @param group for {@link TargetKind#OPERATIONAL}: the assignment group; {@code null} for any
 * @param target the business time allowed
 * @param calendar the name of the business calendar
 * @param warningPercents warning thresholds in percent, ascending, each in 1..99
 * @param escalations actions per threshold percentage (100 = breach)
 */
public record ServiceLevelTarget(
    String name,
    TargetKind kind,
    String process,
    Priority priority,
    String service,
    String customer,
    String group,
    Duration target,
    String calendar,
    List<Integer> warningPercents,
    Map<Integer, List<Escalation>> escalations) {

  /** Default warning thresholds: 50 %, 75 % and 90 %. */
  public static final List<Integer> DEFAULT_WARNINGS = List.of(50, 75, 90);

  /** Checks and copies the components. */
  public ServiceLevelTarget {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add("name must not be blank");
    } else if (name.length() > 100) {
      problems.add("name must be at most 100 characters");
    }
    if (kind == null) {
      problems.add("kind must not be null");
    }
    if (process == null || process.isBlank()) {
      problems.add("process must not be blank (e.g. \"incident\")");
    }
    if (target == null || target.isNegative() || target.isZero()) {
      problems.add("target must be a positive duration, was " + target);
    }
    if (calendar == null || calendar.isBlank()) {
      problems.add("calendar must name a business calendar");
    } else if (calendar.length() > 100) {
      problems.add("calendar name must be at most 100 characters");
    }
    warningPercents = warningPercents == null ? DEFAULT_WARNINGS
        : warningPercents.stream().sorted().distinct().toList();
    for (int p : warningPercents) {
      if (p < 1 || p > 99) {
        problems.add("warning thresholds must be 1..99 percent, was " + p);
      }
    }
    Map<Integer, List<Escalation>> copy = new TreeMap<>();
    if (escalations != null) {
      for (Map.Entry<Integer, List<Escalation>> e : escalations.entrySet()) {
        int pct = e.getKey();
        if (pct != 100 && !warningPercents.contains(pct)) {
          problems.add("escalation at " + pct + "% has no matching warning threshold; add " + pct
              + " to warnings(...) or use 100 for the breach");
        }
        copy.put(pct, List.copyOf(e.getValue()));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid service level target '" + name + "': "
          + String.join("; ", problems));
    }
    escalations = Map.copyOf(copy);
  }

  /**
   * @param percent a threshold percentage (100 = breach)
   * @return the escalations configured for it
   */
  public List<Escalation> escalationsAt(int percent) {
    return escalations.getOrDefault(percent, List.of());
  }

  /** @return how many selector fields are set (more = more specific) */
  public int specificity() {
    return (priority != null ? 1 : 0) + (service != null ? 2 : 0) + (customer != null ? 4 : 0)
        + (group != null ? 1 : 0);
  }

  /** @param name the target's name @return a builder for a response target */
  public static Builder response(String name) {
    return new Builder(name, TargetKind.RESPONSE);
  }

  /** @param name the target's name @return a builder for a resolution target */
  public static Builder resolution(String name) {
    return new Builder(name, TargetKind.RESOLUTION);
  }

  /**
   * @param name the target's name
   * @param group the assignment group it measures
   * @return a builder for an operational level target
   */
  public static Builder operational(String name, String group) {
    return new Builder(name, TargetKind.OPERATIONAL).group(group);
  }

  /** Builds {@link ServiceLevelTarget}s; defaults: process {@code incident}, calendar {@code 24x7}, warnings 50/75/90. */
  public static final class Builder {
    private final String name;
    private final TargetKind kind;
    private String process = "incident";
    private Priority priority;
    private String service;
    private String customer;
    private String group;
    private Duration target;
    private String calendar = "24x7";
    private List<Integer> warnings = DEFAULT_WARNINGS;
    private final Map<Integer, List<Escalation>> escalations = new TreeMap<>();

    private Builder(String name, TargetKind kind) {
      this.name = name;
      this.kind = kind;
    }

    /** @param v the practice, default {@code incident} @return this */
    public Builder process(String v) { process = v; return this; }
    /** @param v the priority it applies to @return this */
    public Builder priority(Priority v) { priority = v; return this; }
    /** @param v the service it applies to @return this */
    public Builder service(String v) { service = v; return this; }
    /** @param v the customer (caller) it applies to @return this */
    public Builder customer(String v) { customer = v; return this; }
    /** @param v the assignment group it applies to @return this */
    public Builder group(String v) { group = v; return this; }
    /** @param v the business time allowed @return this */
    public Builder within(Duration v) { target = v; return this; }
    /** @param v the business calendar's name, default {@code 24x7} @return this */
    public Builder calendar(String v) { calendar = v; return this; }

    /** @param percents warning thresholds (1..99), default 50, 75, 90 @return this */
    public Builder warnings(int... percents) {
      warnings = java.util.Arrays.stream(percents).boxed().toList();
      return this;
    }

    /**
     * @param percent a warning threshold or 100 for the breach
     * @param action what to do when the clock reaches it
     * @return this
     */
    public Builder escalate(int percent, Escalation action) {
      escalations.computeIfAbsent(percent, p -> new ArrayList<>())
          .add(Objects.requireNonNull(action, "action"));
      return this;
    }

    /** @return the target @throws IllegalArgumentException listing every problem */
    public ServiceLevelTarget build() {
      return new ServiceLevelTarget(name, kind, process, priority, service, customer, group,
          target, calendar, warnings, escalations);
    }
  }
}
