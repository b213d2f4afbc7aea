package dev.itsm.core.sla;

import dev.itsm.core.calendar.BusinessCalendar;
import dev.itsm.core.calendar.BusinessCalendars;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service level definitions of an engine: business calendars, targets, which hold reasons
 * pause the clocks, and what a reopen does. Immutable.
 *
 * <pre>{@code
 * BusinessCalendar office = BusinessCalendar.builder("office", ZoneId.of("Europe/Berlin"))
 *     .weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)).holiday(LocalDate.of(2026, 12, 25)).build();
 * ServiceLevels levels = ServiceLevels.builder()
 *     .calendars(office, BusinessCalendar.twentyFourSeven("24x7"))
 *     .target(ServiceLevelTarget.response("P1 response").priority(Priority.P1)
 *         .within(Duration.ofMinutes(15)).build())
 *     .target(ServiceLevelTarget.resolution("P3 resolution").priority(Priority.P3)
 *         .within(Duration.ofHours(16)).calendar("office").build())
 *     .pauseOn(HoldReason.AWAITING_CALLER, HoldReason.AWAITING_VENDOR)
 *     .build();
 * }</pre>
 */
public final class ServiceLevels {

  private final BusinessCalendars calendars;
  private final List<ServiceLevelTarget> targets;
  private final Set<HoldReason> pausingHoldReasons;
  private final boolean reopenContinuesResolution;

  private ServiceLevels(Builder b) {
    this.calendars = b.calendars;
    this.targets = List.copyOf(b.targets);
    this.pausingHoldReasons = Set.copyOf(b.pausing);
    this.reopenContinuesResolution = b.reopenContinues;
  }

  /** @return a builder with no targets, a {@code 24x7} calendar, and holds awaiting caller or vendor pausing the clocks */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Defaults for incidents on a 24×7 calendar: response P1 15 min, P2 30 min, P3 4 h, P4 8 h,
   * P5 1 day; resolution P1 4 h, P2 8 h, P3 3 days, P4 5 days, P5 10 days; warnings at 50, 75
   * and 90 %; holds awaiting the caller or a vendor pause the clocks; a reopen continues the
   * resolution clock.
   *
   * @return the default definitions
   */
  public static ServiceLevels defaults() {
    Duration[][] t = {
        {Duration.ofMinutes(15), Duration.ofHours(4)},
        {Duration.ofMinutes(30), Duration.ofHours(8)},
        {Duration.ofHours(4), Duration.ofDays(3)},
        {Duration.ofHours(8), Duration.ofDays(5)},
        {Duration.ofDays(1), Duration.ofDays(10)}};
    Builder b = builder();
    for (Priority p : Priority.values()) {
      b.target(ServiceLevelTarget.response(p + " response").priority(p)
          .within(t[p.ordinal()][0]).build());
      b.target(ServiceLevelTarget.resolution(p + " resolution").priority(p)
          .within(t[p.ordinal()][1]).build());
    }
    return b.build();
  }

  /** @return the business calendars */
  public BusinessCalendars calendars() {
    return calendars;
  }

  /** @return every target */
  public List<ServiceLevelTarget> targets() {
    return targets;
  }

  /** @return the hold reasons that pause the clocks */
  public Set<HoldReason> pausingHoldReasons() {
    return pausingHoldReasons;
  }

  /** @return whether a reopen continues the resolution clock (otherwise a new one starts) */
  public boolean reopenContinuesResolution() {
    return reopenContinuesResolution;
  }

  /**
   * The most specific target that applies; among equally specific ones, the first defined.
   *
   * @param process the practice, e.g. {@code incident}
   * @param kind what is measured
   * @param priority the record's priority
   * @param service the record's service, may be {@code null}
   * @param customer the record's customer (caller), may be {@code null}
   * @param group the assignment group (for operational targets), may be {@code null}
   * @return the target, if any applies
   */
  public Optional<ServiceLevelTarget> select(String process, TargetKind kind, Priority priority,
      String service, String customer, String group) {
    return targets.stream()
        .filter(t -> t.kind() == kind && t.process().equals(process))
        .filter(t -> t.priority() == null || t.priority() == priority)
        .filter(t -> t.service() == null || t.service().equals(service))
        .filter(t -> t.customer() == null || t.customer().equals(customer))
        .filter(t -> t.group() == null || t.group().equals(group))
        .max(Comparator.comparingInt(ServiceLevelTarget::specificity));
  }

  /**
   * @param name a calendar name
   * @return the calendar
   */
  public BusinessCalendar calendar(String name) {
    return calendars.get(name);
  }

  /** Builds {@link ServiceLevels}. */
  public static final class Builder {
    private BusinessCalendars calendars;
    private final List<BusinessCalendar> calendarList = new ArrayList<>();
    private final List<ServiceLevelTarget> targets = new ArrayList<>();
    private Set<HoldReason> pausing = EnumSet.of(HoldReason.AWAITING_CALLER,
        HoldReason.AWAITING_VENDOR);
    private boolean reopenContinues = true;

    private Builder() {}

    /**
     * Adds business calendars; a {@code 24x7} calendar is always present unless you define one
     * with that name yourself.
     *
     * @param more the calendars
     * @return this
     */
    public Builder calendars(BusinessCalendar... more) {
      calendarList.addAll(List.of(more));
      return this;
    }

    /** @param t a target @return this */
    public Builder target(ServiceLevelTarget t) {
      targets.add(java.util.Objects.requireNonNull(t, "target"));
      return this;
    }

    /** @param reasons the hold reasons that pause the clocks (replaces the default) @return this */
    public Builder pauseOn(HoldReason... reasons) {
      pausing = reasons.length == 0 ? Set.of() : EnumSet.copyOf(List.of(reasons));
      return this;
    }

    /** @param continues whether a reopen continues the resolution clock (default true) @return this */
    public Builder reopenContinuesResolution(boolean continues) {
      reopenContinues = continues;
      return this;
    }

    /** @return the definitions @throws IllegalArgumentException listing every problem */
    public ServiceLevels build() {
      List<BusinessCalendar> all = new ArrayList<>(calendarList);
      if (all.stream().noneMatch(c -> c.name().equals("24x7"))) {
        all.add(BusinessCalendar.twentyFourSeven("24x7"));
      }
      List<String> problems = new ArrayList<>();
      try {
        calendars = BusinessCalendars.of(all.toArray(BusinessCalendar[]::new));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        calendars = BusinessCalendars.of(all.stream()
            .collect(java.util.stream.Collectors.toMap(BusinessCalendar::name, c -> c,
                (a, b) -> a, java.util.LinkedHashMap::new))
            .values().toArray(BusinessCalendar[]::new));
      }
      Set<String> names = new HashSet<>();
      for (ServiceLevelTarget t : targets) {
        if (!names.add(t.name())) {
          problems.add("two targets are named '" + t.name() + "'");
        }
        if (calendars.find(t.calendar()).isEmpty()) {
          problems.add("target '" + t.name() + "' uses calendar '" + t.calendar()
              + "', which is not defined; known calendars: " + calendars.names());
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("Invalid service levels: "
            + String.join("; ", problems));
      }
      return new ServiceLevels(this);
    }
  }
}
