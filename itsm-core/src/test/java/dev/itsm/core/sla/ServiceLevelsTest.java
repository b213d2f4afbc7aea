package dev.itsm.core.sla;

import static dev.itsm.core.sla.SlaFixture.OFFICE;
import static dev.itsm.core.sla.SlaFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsm.core.calendar.BusinessCalendar;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target selection, the defaults, and validation of targets and definitions. */
class ServiceLevelsTest {

  private static final Duration H = Duration.ofHours(1);

  /** Resolution targets of rising specificity (priority 1, service 2, customer 4). */
  private static final ServiceLevels SELECTION = ServiceLevels.builder()
      .target(ServiceLevelTarget.resolution("any").within(H.multipliedBy(10)).build())
      .target(ServiceLevelTarget.resolution("P2").priority(Priority.P2).within(H.multipliedBy(9))
          .build())
      .target(ServiceLevelTarget.resolution("payroll").service("payroll")
          .within(H.multipliedBy(8)).build())
      .target(ServiceLevelTarget.resolution("payroll P2").service("payroll")
          .priority(Priority.P2).within(H.multipliedBy(7)).build())
      .target(ServiceLevelTarget.resolution("acme").customer("acme").within(H.multipliedBy(6))
          .build())
      .target(ServiceLevelTarget.resolution("acme payroll P1").customer("acme")
          .service("payroll").priority(Priority.P1).within(H.multipliedBy(5)).build())
      .target(ServiceLevelTarget.resolution("change P2").process("change").priority(Priority.P2)
          .service("payroll").customer("acme").within(H).build())
      .target(ServiceLevelTarget.response("P2 response").priority(Priority.P2)
          .service("payroll").customer("acme").within(H).build())
      .target(ServiceLevelTarget.operational("any OLA", null).within(H.multipliedBy(4)).build())
      .target(ServiceLevelTarget.operational("network OLA", "network").within(H.multipliedBy(3))
          .build())
      .target(ServiceLevelTarget.operational("network P1 OLA", "network").priority(Priority.P1)
          .within(H.multipliedBy(2)).build())
      .build();

  @ParameterizedTest(name = "{0} service={1} customer={2} -> {3}")
  @CsvSource(nullValues = "-", value = {
      "P3, -,       -,    any",
      "P2, -,       -,    P2",
      "P3, payroll, -,    payroll",
      "P2, payroll, bob,  payroll P2",
      "P3, mail,    acme, acme",
      "P2, payroll, acme, acme",            // customer (4) beats service + priority (3)
      "P1, payroll, acme, acme payroll P1",
      "P1, payroll, -,    payroll"})        // service (2) beats nothing more specific matching
  void resolutionSelectionPicksTheMostSpecificMatchingTarget(Priority priority, String service,
      String customer, String expected) {
    assertThat(SELECTION.select("incident", TargetKind.RESOLUTION, priority, service, customer,
        null)).map(ServiceLevelTarget::name).contains(expected);
  }

  @ParameterizedTest(name = "{0} group={1} -> {2}")
  @CsvSource(nullValues = "-", value = {
      "P2, network,  network OLA",
      "P1, network,  network P1 OLA",
      "P1, database, any OLA",
      "P1, -,        any OLA"})
  void operationalSelectionPrefersTheGroupsOwnTarget(Priority priority, String group,
      String expected) {
    assertThat(SELECTION.select("incident", TargetKind.OPERATIONAL, priority, null, null, group))
        .map(ServiceLevelTarget::name).contains(expected);
  }

  @Test
  void processAndKindMustMatch() {
    // "change P2" and "P2 response" would be the most specific, but are of another process / kind
    assertThat(SELECTION.select("incident", TargetKind.RESOLUTION, Priority.P2, "payroll", "acme",
        null)).map(ServiceLevelTarget::name).contains("acme");
    assertThat(SELECTION.select("change", TargetKind.RESOLUTION, Priority.P2, "payroll", "acme",
        null)).map(ServiceLevelTarget::name).contains("change P2");
    assertThat(SELECTION.select("change", TargetKind.RESOLUTION, Priority.P3, "payroll", "acme",
        null)).isEmpty();
    assertThat(SELECTION.select("incident", TargetKind.RESPONSE, Priority.P2, "payroll", "bob",
        null)).isEmpty();
    assertThat(SELECTION.select("problem", TargetKind.OPERATIONAL, Priority.P2, null, null,
        "network")).isEmpty();
  }

  @Test
  void noTargetsSelectNothing() {
    assertThat(ServiceLevels.builder().build().select("incident", TargetKind.RESPONSE,
        Priority.P1, null, null, null)).isEmpty();
  }

  // --- defaults ----------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: response {1}, resolution {2}")
  @CsvSource({
      "P1, PT15M, PT4H",
      "P2, PT30M, PT8H",
      "P3, PT4H,  PT72H",
      "P4, PT8H,  PT120H",
      "P5, PT24H, PT240H"})
  void defaultsPerPriority(Priority p, Duration response, Duration resolution) {
    ServiceLevels d = ServiceLevels.defaults();
    Optional<ServiceLevelTarget> resp = d.select("incident", TargetKind.RESPONSE, p, "svc",
        "someone", "group");
    Optional<ServiceLevelTarget> reso = d.select("incident", TargetKind.RESOLUTION, p, null,
        null, null);

    assertThat(resp).get().extracting(ServiceLevelTarget::name, ServiceLevelTarget::target,
            ServiceLevelTarget::calendar, ServiceLevelTarget::warningPercents)
        .containsExactly(p + " response", response, "24x7", List.of(50, 75, 90));
    assertThat(reso).get().extracting(ServiceLevelTarget::name, ServiceLevelTarget::target,
            ServiceLevelTarget::calendar, ServiceLevelTarget::warningPercents)
        .containsExactly(p + " resolution", resolution, "24x7", List.of(50, 75, 90));
    assertThat(resp.get().escalations()).isEmpty();
  }

  @Test
  void defaultsHaveTenIncidentTargetsNoOlaPauseForCallerAndVendorAndContinueOnReopen() {
    ServiceLevels d = ServiceLevels.defaults();

    assertThat(d.targets()).hasSize(10)
        .allSatisfy(t -> assertThat(t.process()).isEqualTo("incident"))
        .noneMatch(t -> t.kind() == TargetKind.OPERATIONAL);
    assertThat(d.select("incident", TargetKind.OPERATIONAL, Priority.P1, null, null, "network"))
        .isEmpty();
    assertThat(d.pausingHoldReasons())
        .containsExactlyInAnyOrder(HoldReason.AWAITING_CALLER, HoldReason.AWAITING_VENDOR);
    assertThat(d.reopenContinuesResolution()).isTrue();
    assertThat(d.calendars().names()).containsExactly("24x7");
  }

  // --- definitions -------------------------------------------------------------------------------

  @Test
  void builderListsEveryProblemAtOnce() {
    ServiceLevels.Builder b = ServiceLevels.builder()
        .calendars(OFFICE)
        .target(ServiceLevelTarget.response("P1 response").priority(Priority.P1)
            .within(Duration.ofMinutes(15)).build())
        .target(ServiceLevelTarget.response("P1 response").priority(Priority.P2)
            .within(Duration.ofMinutes(30)).build())
        .target(ServiceLevelTarget.resolution("P1 resolution").priority(Priority.P1)
            .within(H).calendar("office-paris").build());

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid service levels: ")
        .hasMessageContaining("two targets are named 'P1 response'")
        .hasMessageContaining("target 'P1 resolution' uses calendar 'office-paris', which is not"
            + " defined; known calendars: [office, 24x7]");
  }

  @Test
  void aDuplicateCalendarNameIsListedWithTheOtherProblems() {
    ServiceLevels.Builder b = ServiceLevels.builder()
        .calendars(OFFICE, BusinessCalendar.twentyFourSeven("office"))
        .target(ServiceLevelTarget.response("r").within(H).build())
        .target(ServiceLevelTarget.response("r").within(H).build());

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("office")
        .hasMessageContaining("two targets are named 'r'");
  }

  @Test
  void unknownCalendarWithoutOwnCalendarsListsTheBuiltIn24x7() {
    assertThatThrownBy(() -> ServiceLevels.builder()
        .target(ServiceLevelTarget.resolution("r").within(H).calendar("office").build())
        .build())
        .hasMessageContaining("uses calendar 'office', which is not defined; known calendars:"
            + " [24x7]");
  }

  @Test
  void a24x7CalendarIsAlwaysPresent() {
    ServiceLevels levels = ServiceLevels.builder().calendars(OFFICE).build();
    BusinessCalendar always = levels.calendar("24x7");

    assertThat(levels.calendars().names()).containsExactlyInAnyOrder("office", "24x7");
    assertThat(always.isOpen(Instant.parse("2024-03-09T03:00:00Z"))).isTrue(); // Saturday night
    assertThat(always.between(T0, T0.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
    assertThat(always.add(T0, Duration.ofHours(50))).isEqualTo(T0.plus(Duration.ofHours(50)));
  }

  @Test
  void anOwn24x7CalendarReplacesTheBuiltInOne() {
    BusinessCalendar own = BusinessCalendar.twentyFourSeven("24x7", ZoneId.of("Europe/Berlin"));
    ServiceLevels levels = ServiceLevels.builder().calendars(own).build();

    assertThat(levels.calendar("24x7")).isSameAs(own);
    assertThat(levels.calendars().names()).containsExactly("24x7");
  }

  @Test
  void targetsOnAnOwnCalendarAreAccepted() {
    ServiceLevels levels = ServiceLevels.builder().calendars(OFFICE)
        .target(ServiceLevelTarget.resolution("r").within(H).calendar("office").build())
        .build();

    assertThat(levels.calendar(levels.targets().get(0).calendar())).isSameAs(OFFICE);
  }

  @Test
  void pauseOnReplacesTheDefaultReasons() {
    assertThat(ServiceLevels.builder().build().pausingHoldReasons())
        .containsExactlyInAnyOrder(HoldReason.AWAITING_CALLER, HoldReason.AWAITING_VENDOR);
    assertThat(ServiceLevels.builder().pauseOn(HoldReason.AWAITING_CHANGE).build()
        .pausingHoldReasons()).containsExactly(HoldReason.AWAITING_CHANGE);
    assertThat(ServiceLevels.builder().pauseOn().build().pausingHoldReasons()).isEmpty();
    assertThat(ServiceLevels.builder().reopenContinuesResolution(false).build()
        .reopenContinuesResolution()).isFalse();
  }

  @Test
  void definitionsAreImmutable() {
    ServiceLevels levels = ServiceLevels.defaults();

    assertThatThrownBy(() -> levels.targets().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> levels.pausingHoldReasons().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- targets -----------------------------------------------------------------------------------

  @ParameterizedTest(name = "target {0}")
  @CsvSource(nullValues = "-", value = {"PT0S", "-PT1M", "-"})
  void targetMustBePositive(Duration within) {
    assertThatThrownBy(() -> ServiceLevelTarget.response("P1 response").within(within).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid service level target 'P1 response': target must be a positive"
            + " duration, was " + within);
  }

  @Test
  void warningsMustLieBetween1And99() {
    assertThatThrownBy(() -> ServiceLevelTarget.response("r").within(H).warnings(0, 50, 100)
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warning thresholds must be 1..99 percent, was 0")
        .hasMessageContaining("warning thresholds must be 1..99 percent, was 100");
    assertThat(ServiceLevelTarget.response("r").within(H).warnings(1, 99).build()
        .warningPercents()).containsExactly(1, 99);
  }

  @Test
  void escalationAtAPercentageNeedsAWarningThreshold() {
    assertThatThrownBy(() -> ServiceLevelTarget.resolution("r").within(H).warnings(50)
        .escalate(80, Escalation.notify("duty-manager")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escalation at 80% has no matching warning threshold; add 80 to"
            + " warnings(...) or use 100 for the breach");
    assertThat(ServiceLevelTarget.resolution("r").within(H).warnings(50)
        .escalate(50, Escalation.notify("a")).escalate(100, Escalation.raisePriority()).build()
        .escalations()).containsOnlyKeys(50, 100);
  }

  @Test
  void targetValidationListsEveryProblemAtOnce() {
    assertThatThrownBy(() -> ServiceLevelTarget.response(" ").process("").within(Duration.ZERO)
        .calendar(null).warnings(120).escalate(60, Escalation.raisePriority()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must not be blank")
        .hasMessageContaining("process must not be blank")
        .hasMessageContaining("target must be a positive duration, was PT0S")
        .hasMessageContaining("calendar must name a business calendar")
        .hasMessageContaining("was 120")
        .hasMessageContaining("escalation at 60%");
  }

  @Test
  void builderDefaultsAndNormalisedComponents() {
    ServiceLevelTarget t = ServiceLevelTarget.resolution("r").within(H).warnings(90, 50, 90)
        .escalate(90, Escalation.notify("a")).escalate(90, Escalation.reassign("b"))
        .escalate(100, Escalation.raisePriority()).build();

    assertThat(t).extracting(ServiceLevelTarget::kind, ServiceLevelTarget::process,
            ServiceLevelTarget::calendar, ServiceLevelTarget::priority, ServiceLevelTarget::group)
        .containsExactly(TargetKind.RESOLUTION, "incident", "24x7", null, null);
    assertThat(t.warningPercents()).containsExactly(50, 90);
    assertThat(t.escalationsAt(90)).containsExactly(Escalation.notify("a"),
        Escalation.reassign("b"));
    assertThat(t.escalationsAt(100)).containsExactly(Escalation.raisePriority());
    assertThat(t.escalationsAt(50)).isEmpty();
    assertThat(ServiceLevelTarget.response("x").within(H).build().warningPercents())
        .isEqualTo(ServiceLevelTarget.DEFAULT_WARNINGS).containsExactly(50, 75, 90);
    assertThat(ServiceLevelTarget.operational("ola", "network").within(H).build())
        .extracting(ServiceLevelTarget::kind, ServiceLevelTarget::group)
        .containsExactly(TargetKind.OPERATIONAL, "network");
  }

  @Test
  void specificityWeighsCustomerOverServiceOverPriorityOrGroup() {
    assertThat(List.of(
            ServiceLevelTarget.resolution("a").within(H).build(),
            ServiceLevelTarget.resolution("b").within(H).priority(Priority.P1).build(),
            ServiceLevelTarget.operational("c", "g").within(H).build(),
            ServiceLevelTarget.resolution("d").within(H).service("s").build(),
            ServiceLevelTarget.resolution("e").within(H).customer("c").build(),
            ServiceLevelTarget.operational("f", "g").within(H).priority(Priority.P1)
                .service("s").customer("c").build()))
        .extracting(ServiceLevelTarget::name, ServiceLevelTarget::specificity)
        .containsExactly(tuple("a", 0), tuple("b", 1), tuple("c", 1), tuple("d", 2),
            tuple("e", 4), tuple("f", 8));
  }

  @Test
  void escalationsNeedTheirRecipientAndGroup() {
    assertThatThrownBy(() -> Escalation.notify(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Escalation.reassign(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ServiceLevelTarget.response("r").escalate(100, null))
        .isInstanceOf(NullPointerException.class);
  }
}
