package dev.itsm.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.ApprovalRecord;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangeRisk;
import dev.itsm.core.change.ChangeSort;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.change.Decision;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.spi.ChangeCriteria;
import dev.itsm.core.spi.ChangeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChangeStore} must do: round-trip every field and list, optimistic locking,
 * the queries the change schedule and collision checks use, failed-change counts, timeline and
 * decisions, tenants (per-tenant sequences, queries confined to a tenant and to an owner). Extend it for your own store as described on {@link IncidentStoreContract}.
 */
public abstract class ChangeStoreContract {

  /** The time the test data starts at. */
  protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private ChangeStore store;

  /** @return the store under test, empty */
  protected abstract ChangeStore createStore();

  /**
   * @param work calls the store in one transaction (see {@link IncidentStoreContract})
   * @param <T> its result type
   * @return its result
   */
  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  final void createTheStoreUnderTest() {
    store = createStore();
  }

  private void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** @param n sequence number @return a fully populated change */
  protected static Change full(int n) {
    return Change.builder().number(String.format("CHG%07d", n)).version(1)
        .type(ChangeType.NORMAL).state(ChangeState.AUTHORIZATION).title("Upgrade switch " + n)
        .description("desc").justification("advisory").category("network")
        .services(List.of("network", "voip")).configurationItems(List.of("sw-1", "sw-2"))
        .implementationPlan("plan").backoutPlan("backout").testPlan("test")
        .plannedStart(T0.plus(Duration.ofDays(1))).plannedEnd(T0.plus(Duration.ofDays(1))
            .plusSeconds(3600))
        .requester("rita").owner("olivia").implementerGroup("network").implementer("ivan")
        .impact(Impact.HIGH).requiresOutage(true).tested(true).backoutTested(false)
        .risk(ChangeRisk.HIGH).authority("cab").approverGroup("cab")
        .approvalPolicy(ApprovalPolicy.quorumPercent(60)).eligibleApprovers(5)
        .authorizationRound(1).authorizationDue(T0.plus(Duration.ofDays(5)))
        .incidents(List.of("INC0000001")).problems(List.of("PRB0000001"))
        .collisions(List.of("CHG0000099")).createdAt(T0).submittedAt(T0).build();
  }

  @Test
  void storesAndReadsBackEveryField() {
    Change c = full(1);
    run(() -> store.insert(c));
    assertThat(inTransaction(() -> store.find(c.number()))).contains(c);
    assertThat(inTransaction(() -> store.find("CHG9999999"))).isEmpty();
  }

  @Test
  void storesEmptyListsAndNullFields() {
    Change c = Change.builder().number("CHG0000001").version(1).type(ChangeType.STANDARD)
        .state(ChangeState.AUTHORIZED).title("t").requester("r").createdAt(T0).build();
    run(() -> store.insert(c));
    assertThat(inTransaction(() -> store.find(c.number()))).contains(c);
  }

  @Test
  void updateReplacesFieldsAndListsAndChecksTheVersion() {
    Change c = full(1);
    run(() -> store.insert(c));
    Change v2 = c.toBuilder().version(2).state(ChangeState.CLOSED).services(List.of("email"))
        .collisions(List.of()).outcome(ChangeOutcome.FAILED).outcomeNotes("n")
        .reviewRequired(true).closedAt(T0.plusSeconds(60)).build();
    run(() -> store.update(v2));
    assertThat(inTransaction(() -> store.find(c.number()))).contains(v2);
    assertThrows(ConcurrentModificationException.class, () -> run(() -> store.update(v2)));
    assertThat(inTransaction(() -> store.find(c.number()))).contains(v2);
  }

  @Test
  void sequenceNeverRepeats() {
    long a = inTransaction(() -> store.nextSequence(Actor.DEFAULT_TENANT));
    long b = inTransaction(() -> store.nextSequence(Actor.DEFAULT_TENANT));
    assertThat(b).isGreaterThan(a);
  }

  @Test
  void eachTenantHasItsOwnSequence() {
    long d1 = inTransaction(() -> store.nextSequence(Actor.DEFAULT_TENANT));
    long a1 = inTransaction(() -> store.nextSequence("acme"));
    long a2 = inTransaction(() -> store.nextSequence("acme"));
    long g1 = inTransaction(() -> store.nextSequence("globex"));
    long d2 = inTransaction(() -> store.nextSequence(Actor.DEFAULT_TENANT));
    assertThat(a2).isEqualTo(a1 + 1);
    assertThat(d2).isEqualTo(d1 + 1);
    assertThat(g1).isPositive();
  }

  @Test
  void storesTheTenantAndConfinesQueriesToIt() {
    Change mine = full(1).toBuilder().tenant("acme").number("ACME-CHG0000001").build();
    Change theirs = full(1).toBuilder().tenant("globex").number("GLOBEX-CHG0000001").build();
    Change other = full(2).toBuilder().tenant("acme").number("ACME-CHG0000002")
        .requester("sam").build();
    Change home = full(3);
    run(() -> {
      store.insert(mine);
      store.insert(theirs);
      store.insert(other);
      store.insert(home);
    });
    assertThat(inTransaction(() -> store.find(mine.number()))).contains(mine);
    assertThat(inTransaction(() -> store.find(home.number())).orElseThrow().tenant())
        .isEqualTo(Actor.DEFAULT_TENANT);
    // the same query, two tenants: each sees its own
    assertThat(numbers(criteria().tenant("acme").problem("PRB0000001")))
        .containsExactly(other.number(), mine.number());
    assertThat(numbers(criteria().tenant("globex").problem("PRB0000001")))
        .containsExactly(theirs.number());
    assertThat(numbers(criteria().tenant(Actor.DEFAULT_TENANT))).containsExactly(home.number());
    assertThat(numbers(criteria())).hasSize(4);
    assertThat(inTransaction(() -> store.count(criteria().tenant("acme").build()))).isEqualTo(2);
    // own records only: the requester
    assertThat(numbers(criteria().tenant("acme").ownedBy("sam"))).containsExactly(other.number());
    assertThat(numbers(criteria().tenant("globex").ownedBy("sam"))).isEmpty();
    assertThat(inTransaction(() -> store.count(criteria().tenant("acme").ownedBy("rita")
        .build()))).isEqualTo(1);
  }

  @Test
  void countsFailedChangesPerTenant() {
    run(() -> {
      store.insert(full(1).toBuilder().tenant("acme").number("ACME-CHG0000001")
          .outcome(ChangeOutcome.FAILED).implementedAt(T0.minus(Duration.ofDays(1))).build());
      store.insert(full(2).toBuilder().outcome(ChangeOutcome.FAILED)
          .implementedAt(T0.minus(Duration.ofDays(1))).build());
    });
    Instant since = T0.minus(Duration.ofDays(30));
    assertThat(inTransaction(() -> store.countFailed("acme", "network", since))).isEqualTo(1);
    assertThat(inTransaction(() -> store.countFailed("globex", "network", since))).isZero();
    assertThat(inTransaction(() -> store.countFailed(Actor.DEFAULT_TENANT, "network", since)))
        .isEqualTo(1);
  }

  @Test
  void queriesByStateTypePeopleLinksAndWindow() {
    Change a = full(1);
    Change b = full(2).toBuilder().state(ChangeState.SCHEDULED).type(ChangeType.EMERGENCY)
        .requester("sam").owner("oscar").services(List.of("email")).configurationItems(List.of())
        .incidents(List.of()).plannedStart(T0.plus(Duration.ofDays(3)))
        .plannedEnd(T0.plus(Duration.ofDays(4))).build();
    Change c = full(3).toBuilder().plannedStart(null).plannedEnd(null).build();
    run(() -> {
      store.insert(a);
      store.insert(b);
      store.insert(c);
    });
    assertThat(numbers(criteria().states(ChangeState.SCHEDULED))).containsExactly(b.number());
    assertThat(numbers(criteria().type(ChangeType.NORMAL))).containsExactly(c.number(),
        a.number());
    assertThat(numbers(criteria().requester("sam"))).containsExactly(b.number());
    assertThat(numbers(criteria().owner("olivia"))).containsExactly(c.number(), a.number());
    assertThat(numbers(criteria().service("voip"))).containsExactly(c.number(), a.number());
    assertThat(numbers(criteria().ci("sw-2"))).containsExactly(c.number(), a.number());
    assertThat(numbers(criteria().incident("INC0000001"))).containsExactly(c.number(),
        a.number());
    assertThat(numbers(criteria().problem("PRB0000001"))).hasSize(3);
    // windows: a is day 1 10:00-11:00 (after T0 09:00), b is day 3 .. day 4
    assertThat(numbers(criteria().window(T0.plus(Duration.ofDays(2)),
        T0.plus(Duration.ofDays(5))))).containsExactly(b.number());
    assertThat(numbers(criteria().window(T0, T0.plus(Duration.ofDays(10)))
        .sort(ChangeSort.PLANNED_START))).containsExactly(a.number(), b.number());
    // touching windows do not overlap
    assertThat(numbers(criteria().window(a.plannedEnd(), T0.plus(Duration.ofDays(2)))))
        .isEmpty();
    assertThat(numbers(criteria().sort(ChangeSort.PLANNED_START)))
        .containsExactly(a.number(), b.number(), c.number());
    assertThat(inTransaction(() -> store.count(criteria().owner("olivia").build()))).isEqualTo(2);
    assertThat(numbers(criteria().page(1, 1))).containsExactly(b.number());
  }

  @Test
  void countsFailedChangesOfACategorySinceATime() {
    run(() -> {
      store.insert(full(1).toBuilder().outcome(ChangeOutcome.FAILED)
          .implementedAt(T0.minus(Duration.ofDays(10))).build());
      store.insert(full(2).toBuilder().outcome(ChangeOutcome.FAILED)
          .implementedAt(T0.minus(Duration.ofDays(100))).build());
      store.insert(full(3).toBuilder().outcome(ChangeOutcome.SUCCESSFUL)
          .implementedAt(T0.minus(Duration.ofDays(1))).build());
      store.insert(full(4).toBuilder().category("email").outcome(ChangeOutcome.FAILED)
          .implementedAt(T0.minus(Duration.ofDays(1))).build());
    });
    String tenant = Actor.DEFAULT_TENANT;
    assertThat(inTransaction(() -> store.countFailed(tenant, "network",
        T0.minus(Duration.ofDays(90))))).isEqualTo(1);
    assertThat(inTransaction(() -> store.countFailed(tenant, "network",
        T0.minus(Duration.ofDays(365))))).isEqualTo(2);
    assertThat(inTransaction(() -> store.countFailed(tenant, null,
        T0.minus(Duration.ofDays(365))))).isZero();
  }

  @Test
  void keepsTimelineAndDecisionsInOrder() {
    Change c = full(1);
    run(() -> {
      store.insert(c);
      store.appendTimeline(c.number(), new TimelineEntry(T0, "rita", TimelineEntry.Kind.STATE_CHANGE,
          "Raised"));
      store.appendTimeline(c.number(), new TimelineEntry(T0.plusSeconds(1), "ann",
          TimelineEntry.Kind.WORK_NOTE, "Looks fine"));
      store.appendDecision(new ApprovalRecord(c.number(), 1, "ann", Decision.APPROVE, null,
          T0.plusSeconds(2), false));
      store.appendDecision(new ApprovalRecord(c.number(), 1, "ben", Decision.REJECT, "no",
          T0.plusSeconds(3), true));
    });
    assertThat(inTransaction(() -> store.timeline(c.number())))
        .extracting(TimelineEntry::text).containsExactly("Raised", "Looks fine");
    assertThat(inTransaction(() -> store.decisions(c.number()))).containsExactly(
        new ApprovalRecord(c.number(), 1, "ann", Decision.APPROVE, null, T0.plusSeconds(2),
            false),
        new ApprovalRecord(c.number(), 1, "ben", Decision.REJECT, "no", T0.plusSeconds(3), true));
    assertThat(inTransaction(() -> store.decisions("CHG0000009"))).isEmpty();
  }

  private List<String> numbers(Criteria c) {
    return inTransaction(() -> store.query(c.build())).stream().map(Change::number).toList();
  }

  private static Criteria criteria() {
    return new Criteria();
  }

  /** Builds criteria for the tests. */
  private static final class Criteria {
    private Set<ChangeState> states = Set.of();
    private ChangeType type;
    private String requester;
    private String owner;
    private String service;
    private String ci;
    private String incident;
    private String problem;
    private Instant from;
    private Instant to;
    private String tenant;
    private String ownedBy;
    private ChangeSort sort = ChangeSort.NEWEST_FIRST;
    private int offset;
    private int limit = 100;

    Criteria states(ChangeState... v) { states = Set.of(v); return this; }
    Criteria type(ChangeType v) { type = v; return this; }
    Criteria requester(String v) { requester = v; return this; }
    Criteria owner(String v) { owner = v; return this; }
    Criteria service(String v) { service = v; return this; }
    Criteria ci(String v) { ci = v; return this; }
    Criteria incident(String v) { incident = v; return this; }
    Criteria problem(String v) { problem = v; return this; }
    Criteria window(Instant f, Instant t) { from = f; to = t; return this; }
    Criteria tenant(String v) { tenant = v; return this; }
    Criteria ownedBy(String v) { ownedBy = v; return this; }
    Criteria sort(ChangeSort v) { sort = v; return this; }
    Criteria page(int o, int l) { offset = o; limit = l; return this; }

    ChangeCriteria build() {
      return new ChangeCriteria(states, type, requester, owner, service, ci, incident, problem,
          from, to, tenant, ownedBy, sort, offset, limit);
    }
  }
}
