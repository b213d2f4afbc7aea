package dev.itsm.core.incident.internal;

import static dev.itsm.core.incident.IncidentFixtures.AGENT;
import static dev.itsm.core.incident.IncidentFixtures.T0;

import dev.itsm.core.MutableClock;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.IncidentQuery;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Six incidents opened through the API, and query cases with their expected results. Shared by the
 * in-memory service test and the JDBC store test, so that both stores answer the same questions.
 *
 * <pre>
 * #  opened   title / description               caller group            prio state
 * 1  T0       VPN drops… / Home office…         alice  network-ops/nina P2   IN_PROGRESS
 * 2  T0+1h    Printer on fire / –               bob    field-services   P3   NEW
 * 3  T0+2d    Email delayed / …vpn unaffected   alice  service-desk     P1   RESOLVED
 * 4  T0+2d1h  Laptop slow / –                   carol  desktop-support  P4   ON_HOLD
 * 5  T0+2d2h  VPN client crash / Crash on start bob    network-ops      P3   CANCELLED
 * 6  T0+2d3h  Wifi weak in room 4 / –           dave   network-ops/omar P5   NEW
 * </pre>
 *
 * Resolution due: #1 T0+8h, #3 T0+2d4h, #2 T0+3d1h, #5 T0+5d2h, #4 T0+7d1h, #6 T0+12d3h.
 */
public final class QueryScenario {

  private QueryScenario() {}

  /**
   * One query and its expected answer.
   *
   * @param name shown in the test report
   * @param query applies the criteria to a fresh query
   * @param expected the numbers of the selected page, in order
   * @param count the expected {@code count()} (paging ignored)
   */
  public record Case(String name, UnaryOperator<IncidentQuery> query, List<String> expected,
      long count) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Opens the six incidents and moves them to their states. The clock is reset to
   * {@link dev.itsm.core.incident.IncidentFixtures#T0} first.
   *
   * @param s the service (its store must be empty)
   * @param clock the service's clock
   */
  public static void populate(IncidentService s, MutableClock clock) {
    clock.set(T0);
    open(s, "VPN drops every 10 minutes", "Home office users lose the tunnel", "alice",
        "network", "vpn", Impact.MEDIUM, Urgency.HIGH, null);
    clock.set(T0.plus(Duration.ofHours(1)));
    open(s, "Printer on fire", null, "bob", "hardware", "printer", Impact.LOW, Urgency.HIGH,
        null);
    clock.set(T0.plus(Duration.ofDays(2)));
    open(s, "Email delayed", "Outbound queue grows; vpn unaffected", "alice", "email", null,
        Impact.HIGH, Urgency.HIGH, null);
    clock.advance(Duration.ofHours(1));
    open(s, "Laptop slow", null, "carol", "hardware", "laptop", Impact.MEDIUM, Urgency.LOW,
        null);
    clock.advance(Duration.ofHours(1));
    open(s, "VPN client crash", "Crash on start", "bob", "network", "vpn", Impact.MEDIUM,
        Urgency.MEDIUM, null);
    clock.advance(Duration.ofHours(1));
    open(s, "Wifi weak in room 4", null, "dave", "network", "wifi", Impact.LOW, Urgency.LOW,
        "omar");

    clock.advance(Duration.ofHours(1));
    s.acknowledge(AGENT, new AcknowledgeIncident(n(1)));
    s.assign(AGENT, new AssignIncident(n(1), "network-ops", "nina"));
    s.acknowledge(AGENT, new AcknowledgeIncident(n(3)));
    s.resolve(AGENT, new ResolveIncident(n(3), ResolutionCode.SOLVED_WORKAROUND, "Queue flushed"));
    s.acknowledge(AGENT, new AcknowledgeIncident(n(4)));
    s.putOnHold(AGENT, new PutIncidentOnHold(n(4), HoldReason.AWAITING_CALLER, null));
    s.cancel(AGENT, new CancelIncident(n(5), "duplicate of " + n(1)));
  }

  private static void open(IncidentService s, String title, String description, String caller,
      String category, String subcategory, Impact impact, Urgency urgency, String assignee) {
    s.open(AGENT, OpenIncident.builder().title(title).description(description).caller(caller)
        .channel(Channel.PORTAL).category(category).subcategory(subcategory).impact(impact)
        .urgency(urgency).assignee(assignee).build());
  }

  /** @param k 1 .. 6 @return the number of the k-th incident */
  public static String n(int k) {
    return String.format("INC%07d", k);
  }

  private static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  private static Case paged(String name, UnaryOperator<IncidentQuery> query, long count,
      int... expected) {
    return new Case(name, query, Arrays.stream(expected).mapToObj(QueryScenario::n).toList(),
        count);
  }

  private static Case c(String name, UnaryOperator<IncidentQuery> query, int... expected) {
    return paged(name, query, expected.length, expected);
  }

  /** @return the query cases */
  public static Stream<Case> cases() {
    return Stream.of(
        c("no criteria: newest first", q -> q, 6, 5, 4, 3, 2, 1),
        c("state NEW or IN_PROGRESS",
            q -> q.state(IncidentState.NEW, IncidentState.IN_PROGRESS)
                .orderBy(IncidentSort.NUMBER, true), 1, 2, 6),
        c("state CANCELLED", q -> q.state(IncidentState.CANCELLED), 5),
        c("priority P3", q -> q.priority(Priority.P3).orderBy(IncidentSort.NUMBER, true), 2, 5),
        c("priority P1 or P5",
            q -> q.priority(Priority.P1, Priority.P5).orderBy(IncidentSort.NUMBER, true), 3, 6),
        c("assignment group", q -> q.assignmentGroup("network-ops")
            .orderBy(IncidentSort.NUMBER, true), 1, 5, 6),
        c("assignee", q -> q.assignee("nina"), 1),
        c("caller", q -> q.caller("alice").orderBy(IncidentSort.NUMBER, true), 1, 3),
        c("text: case-insensitive, in title or description",
            q -> q.text("vPn").orderBy(IncidentSort.NUMBER, true), 1, 3, 5),
        c("text: surrounding blanks ignored", q -> q.text("  printer "), 2),
        c("text: no match", q -> q.text("toaster")),
        c("openedBetween: from inclusive, to exclusive",
            q -> q.openedBetween(at(Duration.ofHours(1)), at(Duration.ofHours(49)))
                .orderBy(IncidentSort.NUMBER, true), 2, 3),
        c("openedBetween: open-ended",
            q -> q.openedBetween(at(Duration.ofHours(50)), null)
                .orderBy(IncidentSort.NUMBER, true), 5, 6),
        c("criteria combine with AND",
            q -> q.state(IncidentState.NEW).assignmentGroup("network-ops").caller("dave"), 6),
        c("criteria combine with AND: no match",
            q -> q.state(IncidentState.NEW).caller("alice")),
        c("order by priority ascending (P1 first)",
            q -> q.orderBy(IncidentSort.PRIORITY, true), 3, 1, 2, 5, 4, 6),
        c("order by priority descending, ties by number descending",
            q -> q.orderBy(IncidentSort.PRIORITY, false), 6, 4, 5, 2, 1, 3),
        c("order by resolution due ascending",
            q -> q.orderBy(IncidentSort.RESOLUTION_DUE, true), 1, 3, 2, 5, 4, 6),
        c("order by opened ascending", q -> q.orderBy(IncidentSort.OPENED_AT, true),
            1, 2, 3, 4, 5, 6),
        c("order by number descending", q -> q.orderBy(IncidentSort.NUMBER, false),
            6, 5, 4, 3, 2, 1),
        paged("paging: second page of two", q -> q.orderBy(IncidentSort.NUMBER, true).page(1, 2),
            6, 3, 4),
        paged("paging: last, partial page", q -> q.orderBy(IncidentSort.NUMBER, true).page(1, 4),
            6, 5, 6),
        paged("paging: beyond the end", q -> q.orderBy(IncidentSort.NUMBER, true).page(3, 2), 6),
        paged("paging with a filter", q -> q.assignmentGroup("network-ops")
            .orderBy(IncidentSort.NUMBER, true).page(1, 1), 3, 5),
        c("calling a criterion twice replaces it",
            q -> q.caller("alice").caller("bob").orderBy(IncidentSort.NUMBER, true), 2, 5));
  }
}
