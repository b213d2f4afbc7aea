package dev.itsm.core.incident;

import dev.itsm.core.Actor;
import java.time.Instant;
import java.util.Map;

/** Test data for incidents: actors, commands and records. */
public final class IncidentFixtures {

  /** The time every test clock starts at. */
  public static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

  /** A service-desk agent. */
  public static final Actor AGENT = Actor.of("agent.smith", "service-desk");

  /** A second-line engineer. */
  public static final Actor ENGINEER = Actor.of("nina", "network-ops");

  /** The group the assignment rule falls back to. */
  public static final String FALLBACK_GROUP = "service-desk";

  /** Category (or category/subcategory) → group, for {@code AssignmentRule.byCategory}. */
  public static final Map<String, String> ROUTING = Map.of(
      "network", "network-ops",
      "hardware", "desktop-support",
      "hardware/printer", "field-services");

  private IncidentFixtures() {}

  /**
   * @return a builder holding a valid command (network/vpn, MEDIUM × HIGH = P2, group network-ops
   *     by the routing rule); change what a test needs
   */
  public static OpenIncident.Builder openCommand() {
    return OpenIncident.builder()
        .title("VPN drops every 10 minutes")
        .description("Home office users lose the tunnel")
        .caller("alice")
        .channel(Channel.PHONE)
        .category("network")
        .subcategory("vpn")
        .impact(Impact.MEDIUM)
        .urgency(Urgency.HIGH);
  }

  /** @return the valid command of {@link #openCommand()} */
  public static OpenIncident validOpen() {
    return openCommand().build();
  }

  /**
   * @param number the number
   * @param openedAt the opening time
   * @return a NEW incident with only the required fields set (every optional field {@code null})
   */
  public static Incident minimal(String number, Instant openedAt) {
    return Incident.builder()
        .number(number).version(1).state(IncidentState.NEW)
        .title("Minimal incident " + number).caller("bob").channel(Channel.EMAIL)
        .impact(Impact.LOW).urgency(Urgency.LOW).priority(Priority.P5)
        .milestones(Milestones.opened(openedAt, null, null))
        .build();
  }

  /**
   * @param number the number
   * @return an incident with every field set to a distinct, non-default value and every milestone
   *     set to a distinct instant (with microseconds)
   */
  public static Incident fullyPopulated(String number) {
    return Incident.builder()
        .number(number)
        .version(7)
        .state(IncidentState.ON_HOLD)
        .title("Core switch reboots at night")
        .description("Seen on 3 nights; logs attached. Ünïcödé and 'quotes' survive.")
        .caller("carol")
        .channel(Channel.MONITORING)
        .category("network")
        .subcategory("switching")
        .service("svc-lan")
        .configurationItem("ci-switch-042")
        .impact(Impact.HIGH)
        .urgency(Urgency.MEDIUM)
        .priority(Priority.P2)
        .assignmentGroup("network-ops")
        .assignee("nina")
        .holdReason(HoldReason.AWAITING_VENDOR)
        .resolutionCode(ResolutionCode.SOLVED_WORKAROUND)
        .resolutionNotes("Firmware downgraded")
        .reassignmentCount(3)
        .reopenCount(2)
        .milestones(new Milestones(
            Instant.parse("2024-03-01T08:00:00.000001Z"),
            Instant.parse("2024-03-01T08:05:00.000002Z"),
            Instant.parse("2024-03-01T08:10:00.000003Z"),
            Instant.parse("2024-03-01T08:15:00.000004Z"),
            Instant.parse("2024-03-01T08:20:00.000005Z"),
            Instant.parse("2024-03-01T08:25:00.000006Z"),
            Instant.parse("2024-03-01T08:30:00.123456Z"),
            Instant.parse("2024-03-01T16:00:00.654321Z"),
            Instant.parse("2024-03-01T08:35:00.000007Z"),
            Instant.parse("2024-03-01T16:05:00.000008Z")))
        .build();
  }
}
