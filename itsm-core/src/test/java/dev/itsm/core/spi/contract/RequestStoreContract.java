package dev.itsm.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.Decision;
import dev.itsm.core.change.RejectionRule;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.FormField;
import dev.itsm.core.request.FulfilmentTask;
import dev.itsm.core.request.FulfilmentTaskState;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestApproval;
import dev.itsm.core.request.RequestDecision;
import dev.itsm.core.request.RequestSort;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.RequestTask;
import dev.itsm.core.spi.RequestCriteria;
import dev.itsm.core.spi.RequestStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RequestStore} must do: round-trip every field of a request (form values in
 * order, tasks), optimistic locking, the work-queue queries, timeline and decisions, and catalog
 * item versions (every part of a definition, latest version, concurrent definition). Extend it for
 * your own store as described on {@link IncidentStoreContract}.
 */
public abstract class RequestStoreContract {

  /** The default tenant. */
  protected static final String D = Actor.DEFAULT_TENANT;

  /** The time the test data starts at. */
  protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private RequestStore store;

  /** @return the store under test, empty */
  protected abstract RequestStore createStore();

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

  /**
   * Prepares the store for a tenant other than the default one, as the engine does at start
   * (e.g. creates the tenant's number sequence); the in-memory store needs nothing.
   *
   * @param tenant a tenant id
   */
  protected void createTenant(String tenant) {}

  private void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** @param version the version @return a catalog item using every part of a definition */
  public static CatalogItem item(int version) {
    return CatalogItem.builder("laptop").name("Standard laptop").description("14-inch")
        .field(FormField.choice("model", "14-inch", "16-inch").label("Model").required()
            .message("Choose a model"))
        .field(FormField.number("ram").min(8).max(new BigDecimal("64.50")))
        .field(FormField.text("why").minLength(3).maxLength(200).pattern(".*\\S.*"))
        .field(FormField.date("neededBy"))
        .field(FormField.bool("dock"))
        .approval(RequestApproval.group("owners", ApprovalPolicy.quorumPercent(60))
            .withRejectionRule(RejectionRule.WHEN_APPROVAL_IMPOSSIBLE))
        .parallel(FulfilmentTask.of("Order", "procurement"), FulfilmentTask.of("Ship", "logistics"))
        .sequential(FulfilmentTask.of("Hand over", "desk"))
        .serviceLevel(Duration.ofDays(5), "office").deliveryNote("Ready at the desk \"2\" ü")
        .version(version).defined(T0.plusSeconds(version), "cathy").build();
  }

  /** @param n sequence number @return a fully populated request of item version 1 */
  public static Request full(int n) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("ram", "16");
    form.put("model", "14-inch");
    form.put("why", "x".repeat(4000));
    return Request.builder().number(String.format("REQ%07d", n)).version(1)
        .state(RequestState.IN_FULFILMENT).item("laptop").itemVersion(1)
        .itemName("Standard laptop").requestedBy("rita").requestedFor("carol").form(form)
        .quantity(2).comment("please").approvalKind(RequestApproval.Kind.GROUP)
        .approverGroup("owners").approvalPolicy(ApprovalPolicy.quorumPercent(60))
        .eligibleApprovers(4)
        .tasks(List.of(new RequestTask(1, "Order", "procurement", 1,
                FulfilmentTaskState.DONE, "pat", T0.plusSeconds(10), T0.plusSeconds(20), "PO 1"),
            new RequestTask(2, "Ship", "logistics", 1, FulfilmentTaskState.IN_PROGRESS, "lou",
                T0.plusSeconds(30), null, null),
            new RequestTask(3, "Hand over", "desk", 2, FulfilmentTaskState.PENDING, null, null,
                null, null)))
        .submittedAt(T0).approvedAt(T0.plusSeconds(5)).fulfilmentStartedAt(T0.plusSeconds(10))
        .build();
  }

  private void withItem() {
    run(() -> store.insertItem(item(1)));
  }

  @Test
  void storesAndReadsBackEveryFieldOfARequest() {
    withItem();
    Request r = full(1);
    run(() -> store.insert(r));
    Request back = inTransaction(() -> store.find(r.number())).orElseThrow();
    assertThat(back).isEqualTo(r);
    assertThat(back.form().keySet()).as("form order kept").containsExactly("ram", "model", "why");
    assertThat(inTransaction(() -> store.find("REQ9999999"))).isEmpty();
  }

  @Test
  void storesARequestWithoutFormTasksOrApproval() {
    withItem();
    Request r = Request.builder().number("REQ0000001").version(1).state(RequestState.SUBMITTED)
        .item("laptop").itemVersion(1).itemName("Standard laptop").requestedBy("r")
        .requestedFor("r").quantity(1).approvalKind(RequestApproval.Kind.NONE)
        .eligibleApprovers(0).fulfilmentProcess("laptop-imaging").submittedAt(T0).build();
    run(() -> store.insert(r));
    assertThat(inTransaction(() -> store.find(r.number()))).contains(r);
  }

  @Test
  void updateReplacesFieldsFormAndTasksAndChecksTheVersion() {
    withItem();
    Request r = full(1);
    run(() -> store.insert(r));
    Request v2 = r.toBuilder().version(2).state(RequestState.FULFILLED)
        .form(Map.of("model", "16-inch"))
        .tasks(r.tasks().stream().map(t -> t.completed("zoe", T0.plusSeconds(99), "ok")).toList())
        .fulfilledAt(T0.plusSeconds(99)).build();
    run(() -> store.update(v2));
    assertThat(inTransaction(() -> store.find(r.number()))).contains(v2);
    assertThrows(ConcurrentModificationException.class, () -> run(() -> store.update(v2)));
    assertThat(inTransaction(() -> store.find(r.number()))).contains(v2);
  }

  @Test
  void sequenceNeverRepeats() {
    long a = inTransaction(() -> store.nextSequence(D));
    long b = inTransaction(() -> store.nextSequence(D));
    assertThat(b).isGreaterThan(a);
  }

  @Test
  void queriesByStateItemPeopleApproversAndOpenTaskGroup() {
    withItem();
    Request a = full(1);
    Request b = full(2).toBuilder().state(RequestState.AWAITING_APPROVAL).requestedBy("sam")
        .requestedFor("sam").approvalKind(RequestApproval.Kind.MANAGER).approver("mia")
        .approverGroup(null).tasks(List.of(new RequestTask(1, "Order", "procurement", 1,
            FulfilmentTaskState.PENDING, null, null, null, null))).build();
    Request c = full(3).toBuilder().state(RequestState.CLOSED).build();
    run(() -> {
      store.insert(a);
      store.insert(b);
      store.insert(c);
    });
    assertThat(numbers(criteria().states(RequestState.AWAITING_APPROVAL)))
        .containsExactly(b.number());
    assertThat(numbers(criteria().states(RequestState.IN_FULFILMENT, RequestState.CLOSED)))
        .containsExactly(c.number(), a.number());
    assertThat(numbers(criteria().item("laptop"))).hasSize(3);
    assertThat(numbers(criteria().item("phone"))).isEmpty();
    assertThat(numbers(criteria().requestedBy("sam"))).containsExactly(b.number());
    assertThat(numbers(criteria().requestedFor("carol"))).containsExactly(c.number(),
        a.number());
    assertThat(numbers(criteria().approver("mia"))).containsExactly(b.number());
    assertThat(numbers(criteria().approverGroup("owners"))).containsExactly(c.number(),
        a.number());
    // open or started tasks only: a and c have "Ship" IN_PROGRESS, b's task is PENDING
    assertThat(numbers(criteria().openTaskGroup("logistics"))).containsExactly(c.number(),
        a.number());
    assertThat(numbers(criteria().openTaskGroup("procurement"))).isEmpty();
    assertThat(numbers(criteria().sort(RequestSort.OLDEST_FIRST))).containsExactly(a.number(),
        b.number(), c.number());
    assertThat(numbers(criteria().page(1, 1))).containsExactly(b.number());
    assertThat(inTransaction(() -> store.count(criteria().requestedFor("carol").build())))
        .isEqualTo(2);
  }

  @Test
  void keepsTimelineAndDecisionsInOrder() {
    withItem();
    Request r = full(1);
    run(() -> {
      store.insert(r);
      store.appendTimeline(r.number(), new TimelineEntry(T0, "rita",
          TimelineEntry.Kind.STATE_CHANGE, "Submitted"));
      store.appendTimeline(r.number(), new TimelineEntry(T0.plusSeconds(1), "sol",
          TimelineEntry.Kind.WORK_NOTE, "Checked"));
      store.appendDecision(new RequestDecision(r.number(), "sol", Decision.APPROVE, null,
          T0.plusSeconds(2)));
      store.appendDecision(new RequestDecision(r.number(), "sid", Decision.REJECT, "no",
          T0.plusSeconds(3)));
    });
    assertThat(inTransaction(() -> store.timeline(r.number()))).extracting(TimelineEntry::text)
        .containsExactly("Submitted", "Checked");
    assertThat(inTransaction(() -> store.decisions(r.number()))).containsExactly(
        new RequestDecision(r.number(), "sol", Decision.APPROVE, null, T0.plusSeconds(2)),
        new RequestDecision(r.number(), "sid", Decision.REJECT, "no", T0.plusSeconds(3)));
    assertThat(inTransaction(() -> store.decisions("REQ0000009"))).isEmpty();
  }

  @Test
  void keepsEveryVersionOfACatalogItemWithEveryPartOfItsDefinition() {
    CatalogItem v1 = item(1);
    CatalogItem v2 = CatalogItem.builder("laptop").name("Laptop").approval(
        RequestApproval.manager()).fulfilmentProcess("laptop-imaging").retired(true).version(2)
        .defined(T0.plusSeconds(60), "cora").build();
    CatalogItem other = CatalogItem.builder("access").name("Access")
        .sequential(FulfilmentTask.of("Grant", "identity")).version(1)
        .defined(T0, "cathy").build();
    run(() -> {
      store.insertItem(v1);
      store.insertItem(other);
      store.insertItem(v2);
    });
    assertThat(inTransaction(() -> store.findItem(D, "laptop", 1))).contains(v1);
    assertThat(inTransaction(() -> store.findItem(D, "laptop", 2))).contains(v2);
    assertThat(inTransaction(() -> store.findItem(D, "laptop", 3))).isEmpty();
    assertThat(inTransaction(() -> store.latestItem(D, "laptop"))).contains(v2);
    assertThat(inTransaction(() -> store.latestItem(D, "phone"))).isEmpty();
    assertThat(inTransaction(() -> store.latestItems(D))).containsExactly(other, v2);
    assertThat(inTransaction(() -> store.itemVersions(D, "laptop"))).containsExactly(v1, v2);
  }

  @Test
  void aVersionIsStoredOnce() {
    withItem();
    assertThrows(ConcurrentModificationException.class, () -> run(() -> store.insertItem(
        item(1).toBuilder().name("Other").version(1).defined(T0, "x").build())));
    assertThat(inTransaction(() -> store.itemVersions(D, "laptop"))).containsExactly(item(1));
  }

  @Test
  void eachTenantSeesItsOwnRequestsCatalogAndNumbers() {
    createTenant("acme");
    long firstDefault = inTransaction(() -> store.nextSequence(D));
    long firstAcme = inTransaction(() -> store.nextSequence("acme"));
    assertThat(inTransaction(() -> store.nextSequence("acme"))).as("per-tenant numbering")
        .isEqualTo(firstAcme + 1);
    assertThat(inTransaction(() -> store.nextSequence(D))).isEqualTo(firstDefault + 1);

    CatalogItem mine = item(1);
    CatalogItem theirs = item(1).toBuilder().name("Acme laptop").tenant("acme").version(1)
        .defined(T0, "ace").build();
    CatalogItem theirs2 = theirs.toBuilder().name("Acme laptop 2").version(2)
        .defined(T0.plusSeconds(1), "ace").build();
    run(() -> {
      store.insertItem(mine);
      store.insertItem(theirs);
      store.insertItem(theirs2);
    });
    assertThat(theirs.tenant()).isEqualTo("acme");
    assertThat(inTransaction(() -> store.latestItem(D, "laptop"))).contains(mine);
    assertThat(inTransaction(() -> store.latestItem("acme", "laptop"))).contains(theirs2);
    assertThat(inTransaction(() -> store.findItem("acme", "laptop", 1))).contains(theirs);
    assertThat(inTransaction(() -> store.findItem("globex", "laptop", 1))).isEmpty();
    assertThat(inTransaction(() -> store.latestItems("acme"))).containsExactly(theirs2);
    assertThat(inTransaction(() -> store.latestItems("globex"))).isEmpty();
    assertThat(inTransaction(() -> store.itemVersions(D, "laptop"))).containsExactly(mine);
    assertThat(inTransaction(() -> store.itemVersions("acme", "laptop")))
        .containsExactly(theirs, theirs2);

    Request a = full(1);
    Request b = full(2).toBuilder().number("ACME-REQ0000001").tenant("acme").build();
    Request c = full(3).toBuilder().number("ACME-REQ0000002").tenant("acme").requestedBy("sam")
        .requestedFor("sam").build();
    run(() -> {
      store.insert(a);
      store.insert(b);
      store.insert(c);
    });
    assertThat(inTransaction(() -> store.find(b.number()))).contains(b);
    assertThat(numbers(criteria().tenant(D))).containsExactly(a.number());
    assertThat(numbers(criteria().tenant("acme"))).containsExactly(c.number(), b.number());
    assertThat(numbers(criteria().tenant("globex"))).isEmpty();
    assertThat(numbers(criteria())).as("no tenant: every tenant").hasSize(3);
    assertThat(numbers(criteria().tenant("acme").owner("sam"))).containsExactly(c.number());
    assertThat(numbers(criteria().tenant("acme").owner("carol"))).containsExactly(b.number());
    assertThat(numbers(criteria().owner("rita"))).containsExactlyInAnyOrder(a.number(),
        b.number());
    assertThat(inTransaction(() -> store.count(criteria().tenant("acme").build()))).isEqualTo(2);
  }

  private List<String> numbers(Criteria c) {
    return inTransaction(() -> store.query(c.build())).stream().map(Request::number).toList();
  }

  private static Criteria criteria() {
    return new Criteria();
  }

  /** Builds criteria for the tests. */
  private static final class Criteria {
    private Set<RequestState> states = Set.of();
    private String item;
    private String requestedBy;
    private String requestedFor;
    private String approver;
    private String approverGroup;
    private String openTaskGroup;
    private RequestSort sort = RequestSort.NEWEST_FIRST;
    private int offset;
    private int limit = 100;
    private String tenant;
    private String owner;

    Criteria states(RequestState... v) { states = Set.of(v); return this; }
    Criteria item(String v) { item = v; return this; }
    Criteria requestedBy(String v) { requestedBy = v; return this; }
    Criteria requestedFor(String v) { requestedFor = v; return this; }
    Criteria approver(String v) { approver = v; return this; }
    Criteria approverGroup(String v) { approverGroup = v; return this; }
    Criteria openTaskGroup(String v) { openTaskGroup = v; return this; }
    Criteria sort(RequestSort v) { sort = v; return this; }
    Criteria page(int o, int l) { offset = o; limit = l; return this; }
    Criteria tenant(String v) { tenant = v; return this; }
    Criteria owner(String v) { owner = v; return this; }

    RequestCriteria build() {
      return new RequestCriteria(states, item, requestedBy, requestedFor, approver,
          approverGroup, openTaskGroup, sort, offset, limit, tenant, owner);
    }
  }
}
