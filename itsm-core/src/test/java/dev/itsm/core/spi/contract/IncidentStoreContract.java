package dev.itsm.core.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.itsm.core.Actor;
import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Milestones;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.spi.IncidentCriteria;
import dev.itsm.core.spi.IncidentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link IncidentStore} must have, as a JUnit 5 test suite: extend it, supply
 * the store and a way to run work in a transaction, and every test here runs against your store.
 * The library's own stores pass it: in memory, and JDBC on H2 and on PostgreSQL.
 *
 * <h2>Using it for your own store</h2>
 *
 * Depend on the test jar of {@code itsm-core} (it holds this class and the test data it uses),
 * with JUnit Jupiter ({@code junit-jupiter}, including {@code junit-jupiter-params}) on the test
 * class path; the contract needs nothing else:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.itsm</groupId>
 *   <artifactId>itsm-core</artifactId>
 *   <version>${itsm.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <pre>{@code
 * class MyIncidentStoreTest extends IncidentStoreContract {
 *   @Override protected IncidentStore createStore() {
 *     deleteAllIncidentsAndTimelines();              // each test starts on an empty store
 *     return new MyIncidentStore(myConnectionSource);
 *   }
 *   @Override protected <T> T inTransaction(Supplier<T> work) {
 *     return myTransactionTemplate.execute(status -> work.get());
 *   }
 * }
 * }</pre>
 *
 * <h2>What it demands</h2>
 *
 * <ul>
 *   <li>Every field of an incident survives insert and find, {@code null}s included; instants to
 *       the microsecond; texts as long as the commands allow (title 200, descriptions and notes
 *       4000, names 100 characters, not bytes).
 *   <li>{@code update} is a compare-and-set on the version: it succeeds only on version
 *       {@code incident.version() - 1} and otherwise throws the retryable
 *       {@link ConcurrentModificationException}; of concurrent updates from one version exactly one
 *       wins.
 *   <li>{@code nextSequence} is strictly increasing and unique, across transactions and threads,
 *       and never hands out a value again, even one drawn in a rolled-back transaction.
 *   <li>The timeline is returned in the order entries were appended (not by their time).
 *   <li>{@code query} honours every criterion of {@link IncidentCriteria} (combined with AND;
 *       states and priorities as "any of"; group, assignee and caller exact; the opening time from
 *       inclusive, to exclusive; the resolution due time before its bound, exclusive, never
 *       matching an incident without one), sorts by the sort key with ties broken by the number
 *       in the same direction (incidents without a resolution due date count as due last), and
 *       pages with offset and limit; {@code count} ignores paging.
 *   <li>Text search finds the text case-insensitively in the title or the description and treats
 *       {@code %}, {@code _} and {@code \} as ordinary characters.
 * </ul>
 *
 * <h2>Tenants</h2>
 *
 * <ul>
 *   <li>An incident's tenant survives insert, update and find.
 *   <li>{@code nextSequence(tenant)} counts per tenant: drawing from one tenant does not advance
 *       another's. The store must serve the tenants {@code default}, {@code acme} and
 *       {@code globex} (the JDBC store: their sequences exist, see
 *       {@code ItsmSchema.createTenantSequences}).
 *   <li>{@code query} and {@code count} honour {@link IncidentCriteria#tenant()} (exact;
 *       {@code null} is any tenant) and {@link IncidentCriteria#owner()} (the caller; {@code null}
 *       is anyone), combined with every other criterion.
 * </ul>
 *
 * <p>Not demanded: rolling back with the transaction (the in-memory store cannot), an order among
 * numbers of different formats (databases collate text differently), case folding beyond ASCII.
 */
public abstract class IncidentStoreContract {

  /** The time the test data starts at. */
  protected static final Instant T0 = IncidentFixtures.T0;

  private IncidentStore store;

  /**
   * Called before each test.
   *
   * @return the store under test, holding no incidents and no timeline entries
   */
  protected abstract IncidentStore createStore();

  /**
   * Runs work in a new transaction, as the library does for each API call: commits when the work
   * returns, rolls back when it throws and rethrows the exception unchanged. Called from several
   * threads at once by the concurrency tests. A store without transactions simply runs the work.
   *
   * @param work calls the store
   * @param <T> its result type
   * @return its result
   */
  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  final void createTheStoreUnderTest() {
    store = createStore();
  }

  /** @return the store under test of the current test */
  protected final IncidentStore store() {
    return store;
  }

  // --- round trip --------------------------------------------------------------------------------

  @Test
  void everyFieldSurvivesInsertAndFind() {
    Incident full = IncidentFixtures.fullyPopulated("INC0000042");

    insert(full);

    assertEquals(Optional.of(full), find("INC0000042"));
  }

  @Test
  void nullOptionalFieldsSurviveInsertAndFind() {
    Incident minimal = IncidentFixtures.minimal("INC0000007", T0);

    insert(minimal);

    assertEquals(Optional.of(minimal), find("INC0000007"));
  }

  @Test
  void everyValueOfEveryEnumSurvives() {
    int n = Stream.of(IncidentState.values(), Channel.values(), Impact.values(),
        Urgency.values(), Priority.values(), HoldReason.values(), ResolutionCode.values())
        .mapToInt(a -> a.length).max().orElseThrow();
    List<Incident> incidents = IntStream.range(0, n).mapToObj(k ->
        IncidentFixtures.fullyPopulated(number(100 + k)).toBuilder()
            .state(pick(IncidentState.values(), k))
            .channel(pick(Channel.values(), k))
            .impact(pick(Impact.values(), k))
            .urgency(pick(Urgency.values(), k + 1))
            .priority(pick(Priority.values(), k))
            .holdReason(pick(HoldReason.values(), k))
            .resolutionCode(pick(ResolutionCode.values(), k))
            .build()).toList();

    insert(incidents.toArray(Incident[]::new));

    for (Incident i : incidents) {
      assertEquals(Optional.of(i), find(i.number()));
    }
  }

  @Test
  void theLongestTextsTheCommandsAllowSurvive() {
    Incident longest = IncidentFixtures.fullyPopulated("INC0000043").toBuilder()
        .title(text("Title ü ", 200))
        .description(text("Beschreibung mit Ümlauten, 'quotes' and \"more\"; ", 4000))
        .caller(text("caller-ß", 100))
        .category(text("category-é", 100))
        .subcategory(text("sub-ø", 100))
        .service(text("svc-å", 100))
        .configurationItem(text("ci-ç", 100))
        .assignmentGroup(text("group-ñ", 100))
        .assignee(text("assignee-ï", 100))
        .resolutionNotes(text("Notes – “typographic” ", 4000))
        .build();

    insert(longest);

    assertEquals(Optional.of(longest), find("INC0000043"));
  }

  @Test
  void findOfAnUnknownNumberIsEmpty() {
    insert(IncidentFixtures.minimal(number(1), T0));

    assertEquals(Optional.empty(), find(number(2)));
  }

  @Test
  void insertingADuplicateNumberFailsAndKeepsTheFirst() {
    Incident first = IncidentFixtures.minimal(number(1), T0);
    insert(first);

    assertThrows(RuntimeException.class, () -> insert(first.toBuilder().title("Second").build()));

    assertEquals(Optional.of(first), find(number(1)));
  }

  // --- update: optimistic version check ----------------------------------------------------------

  @Test
  void updateWithTheNextVersionReplacesEveryField() {
    Incident full = IncidentFixtures.fullyPopulated("INC0000042");
    insert(full);
    Incident changed = full.toBuilder().version(full.version() + 1)
        .state(IncidentState.RESOLVED).title("Core switch replaced").description(null)
        .caller("dave").channel(Channel.PORTAL).category(null).subcategory(null).service(null)
        .configurationItem(null).impact(Impact.LOW).urgency(Urgency.LOW).priority(Priority.P5)
        .assignmentGroup("security").assignee(null).holdReason(null)
        .resolutionCode(ResolutionCode.SOLVED_PERMANENTLY).resolutionNotes("Replaced")
        .reassignmentCount(4).reopenCount(0)
        .milestones(new Milestones(Instant.parse("2024-03-02T08:00:00.000009Z"), null, null,
            Instant.parse("2024-03-02T10:00:00.5Z"), null, null, null, null, null, null))
        .build();

    update(changed);

    assertEquals(Optional.of(changed), find("INC0000042"));
  }

  @ParameterizedTest(name = "stored version 7, update to version {0}")
  @ValueSource(longs = {7, 9, 1})
  void updateFromAnotherVersionIsAConcurrentModification(long version) {
    Incident full = IncidentFixtures.fullyPopulated("INC0000042");
    insert(full);

    ConcurrentModificationException e = assertThrows(ConcurrentModificationException.class,
        () -> update(full.toBuilder().version(version).title("lost update").build()));

    assertTrue(e.isRetryable(), "retryable");
    assertEquals("ITSM-CONFLICT", e.code());
    assertTrue(e.getMessage().contains("INC0000042"), () -> "names the record: " + e.getMessage());
    assertEquals(Optional.of(full), find("INC0000042"));
  }

  @Test
  void updateOfAnUnknownNumberIsAConcurrentModification() {
    Incident unknown = IncidentFixtures.minimal("INC0000404", T0).toBuilder().version(2).build();

    assertThrows(ConcurrentModificationException.class, () -> update(unknown));

    assertEquals(Optional.empty(), find("INC0000404"));
  }

  @Test
  void eachUpdateNeedsTheVersionBeforeIt() {
    Incident v1 = IncidentFixtures.minimal(number(1), T0);
    insert(v1);
    Incident v2 = v1.toBuilder().version(2).title("second").build();
    Incident v3 = v2.toBuilder().version(3).title("third").build();
    update(v2);
    update(v3);

    assertThrows(ConcurrentModificationException.class,
        () -> update(v2.toBuilder().version(3).title("from a stale copy").build()));

    assertEquals(Optional.of(v3), find(number(1)));
  }

  @Test
  void ofConcurrentUpdatesFromOneVersionExactlyOneWins() throws Exception {
    Incident v1 = IncidentFixtures.minimal(number(1), T0);
    insert(v1);
    int writers = 6;
    CyclicBarrier start = new CyclicBarrier(writers);
    List<Incident> attempts = IntStream.range(0, writers)
        .mapToObj(k -> v1.toBuilder().version(2).title("writer " + k).build()).toList();

    List<Object> outcomes = concurrently(writers, k -> {
      start.await(10, TimeUnit.SECONDS);
      update(attempts.get(k));
      return attempts.get(k);
    });

    List<Object> wins = outcomes.stream().filter(o -> o instanceof Incident).toList();
    assertEquals(1, wins.size(), () -> "one winner among " + outcomes);
    outcomes.stream().filter(o -> !(o instanceof Incident)).forEach(o ->
        assertInstanceOf(ConcurrentModificationException.class, o));
    assertEquals(Optional.of(wins.get(0)), find(number(1)));
  }

  // --- sequence ----------------------------------------------------------------------------------

  @Test
  void sequenceIsStrictlyIncreasingWithinAndAcrossTransactions() {
    List<Long> drawn = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      drawn.add(tx(() -> store.nextSequence(Actor.DEFAULT_TENANT)));
    }
    drawn.addAll(tx(() -> List.of(store.nextSequence(Actor.DEFAULT_TENANT),
        store.nextSequence(Actor.DEFAULT_TENANT), store.nextSequence(Actor.DEFAULT_TENANT))));

    for (int k = 1; k < drawn.size(); k++) {
      assertTrue(drawn.get(k) > drawn.get(k - 1), () -> "strictly increasing: " + drawn);
    }
    assertTrue(drawn.get(0) >= 1, () -> "positive: " + drawn);
  }

  @Test
  void sequenceValuesAreUniqueAcrossConcurrentTransactions() throws Exception {
    int threads = 4;
    int each = 25;
    CyclicBarrier start = new CyclicBarrier(threads);

    List<Object> perThread = concurrently(threads, k -> {
      start.await(10, TimeUnit.SECONDS);
      List<Long> mine = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        mine.add(tx(() -> store.nextSequence(Actor.DEFAULT_TENANT)));
      }
      return mine;
    });

    Set<Long> all = new HashSet<>();
    for (Object o : perThread) {
      if (!(o instanceof List<?> mine)) {
        throw new AssertionError("a thread failed", (Throwable) o);
      }
      for (int i = 1; i < mine.size(); i++) {
        assertTrue((Long) mine.get(i) > (Long) mine.get(i - 1), () -> "increasing: " + mine);
      }
      mine.forEach(v -> all.add((Long) v));
    }
    assertEquals(threads * each, all.size(), "every value handed out once");
  }

  @Test
  void aValueDrawnInARolledBackTransactionIsNotHandedOutAgain() {
    long before = tx(() -> store.nextSequence(Actor.DEFAULT_TENANT));
    long[] inFailed = new long[1];

    assertThrows(RuntimeException.class, () -> tx(() -> {
      inFailed[0] = store.nextSequence(Actor.DEFAULT_TENANT);
      throw new IllegalStateException("roll back (injected)");
    }));
    long after = tx(() -> store.nextSequence(Actor.DEFAULT_TENANT));

    assertTrue(inFailed[0] > before, "increasing");
    assertTrue(after > inFailed[0], () -> "not reused: " + inFailed[0] + " then " + after);
  }

  // --- tenants -----------------------------------------------------------------------------------

  @Test
  void theTenantSurvivesInsertUpdateAndFind() {
    Incident acme = IncidentFixtures.fullyPopulated("ACME-INC0000042").toBuilder()
        .tenant("acme").build();
    insert(acme, IncidentFixtures.minimal("INC0000042", T0));

    assertEquals(Optional.of(acme), find("ACME-INC0000042"));
    assertEquals(Actor.DEFAULT_TENANT, find("INC0000042").orElseThrow().tenant());

    Incident changed = acme.toBuilder().version(acme.version() + 1).title("changed").build();
    update(changed);
    assertEquals(Optional.of(changed), find("ACME-INC0000042"));
  }

  @Test
  void eachTenantCountsItsOwnSequence() {
    long acme1 = tx(() -> store.nextSequence("acme"));
    long globex1 = tx(() -> store.nextSequence("globex"));
    run(() -> {
      for (int k = 0; k < 3; k++) {
        store.nextSequence(Actor.DEFAULT_TENANT);
      }
      store.nextSequence("globex");
    });
    long acme2 = tx(() -> store.nextSequence("acme"));
    long globex3 = tx(() -> store.nextSequence("globex"));

    assertEquals(acme1 + 1, acme2, "other tenants do not advance acme's sequence");
    assertEquals(globex1 + 2, globex3, "other tenants do not advance globex's sequence");
  }

  @Test
  void eachTenantSeesItsOwnIncidentsInTheSameQuery() {
    List<Incident> all = new ArrayList<>();
    for (String tenant : List.of(Actor.DEFAULT_TENANT, "acme", "globex")) {
      String prefix = tenant.equals(Actor.DEFAULT_TENANT) ? "" : tenant.toUpperCase() + "-";
      all.add(row(1, IncidentState.NEW, Priority.P3, "network-ops", null, "alice", h(0), h(72),
          "VPN drops", null).toBuilder().number(prefix + number(1)).tenant(tenant).build());
      all.add(row(2, IncidentState.IN_PROGRESS, Priority.P1, "network-ops", "nina", "bob", h(1),
          h(5), "VPN down", null).toBuilder().number(prefix + number(2)).tenant(tenant).build());
    }
    insert(all.toArray(Incident[]::new));

    for (IncidentCriteria base : List.of(c().build(), c().text("vpn").build(),
        // several states of one group: the JDBC store's per-state branches
        c().states(IncidentState.NEW, IncidentState.IN_PROGRESS).group("network-ops").build())) {
      assertEquals(List.of("ACME-INC0000001", "ACME-INC0000002"), numbers(
          base.restrictedTo("acme", null)));
      assertEquals(List.of("GLOBEX-INC0000001", "GLOBEX-INC0000002"), numbers(
          base.restrictedTo("globex", null)));
      assertEquals(List.of("INC0000001", "INC0000002"), numbers(
          base.restrictedTo(Actor.DEFAULT_TENANT, null)));
      assertEquals(List.of("ACME-INC0000001"), numbers(base.restrictedTo("acme", "alice")));
      assertEquals(List.of("GLOBEX-INC0000002"), numbers(base.restrictedTo("globex", "bob")));
      assertEquals(List.of(), numbers(base.restrictedTo("acme", "carol")));
      assertEquals(6, numbers(base.restrictedTo(null, null)).size(), "null: any tenant");
      assertEquals(3, numbers(base.restrictedTo(null, "alice")).size(), "alice in each tenant");
      assertEquals(2L, tx(() -> store.count(base.restrictedTo("acme", null))));
      assertEquals(1L, tx(() -> store.count(base.restrictedTo("acme", "bob"))));
      assertEquals(0L, tx(() -> store.count(base.restrictedTo("initech", null))));
    }
  }

  private List<String> numbers(IncidentCriteria criteria) {
    return tx(() -> store.query(criteria)).stream().map(Incident::number).sorted().toList();
  }

  // --- timeline ----------------------------------------------------------------------------------

  @Test
  void timelineKeepsAppendOrderAndEveryField() {
    List<TimelineEntry> entries = List.of(
        new TimelineEntry(Instant.parse("2024-03-04T09:00:00.000001Z"), "agent", Kind.STATE_CHANGE,
            "Opened as P2"),
        new TimelineEntry(Instant.parse("2024-03-04T08:00:00Z"), "nina", Kind.WORK_NOTE,
            "earlier time, later entry: order is by appending"),
        new TimelineEntry(Instant.parse("2024-03-04T09:05:00Z"), "alice", Kind.COMMENT,
            text("Ünïcödé 'quotes' ", 4000)),
        new TimelineEntry(Instant.parse("2024-03-04T09:06:00Z"), "agent", Kind.ASSIGNMENT,
            "Assigned to network-ops"),
        new TimelineEntry(Instant.parse("2024-03-04T09:07:00Z"), "system", Kind.SYSTEM,
            "Response target missed"));
    TimelineEntry other = new TimelineEntry(T0, "bob", Kind.COMMENT, "other");
    run(() -> {
      store.appendTimeline(number(1), entries.get(0));
      store.appendTimeline(number(2), other);
      entries.subList(1, entries.size()).forEach(e -> store.appendTimeline(number(1), e));
    });

    assertEquals(entries, tx(() -> store.timeline(number(1))));
    assertEquals(List.of(other), tx(() -> store.timeline(number(2))));
    assertEquals(List.of(), tx(() -> store.timeline(number(3))));
  }

  @Test
  void everyKindOfTimelineEntrySurvives() {
    List<TimelineEntry> entries = Arrays.stream(Kind.values())
        .map(k -> new TimelineEntry(T0, "agent", k, "a " + k)).toList();

    run(() -> entries.forEach(e -> store.appendTimeline(number(1), e)));

    assertEquals(entries, tx(() -> store.timeline(number(1))));
  }

  @Test
  void timelineEntriesAppendedInSeparateTransactionsKeepTheirOrder() {
    List<TimelineEntry> entries = IntStream.range(0, 12)
        .mapToObj(k -> new TimelineEntry(T0.minusSeconds(k), "agent", Kind.WORK_NOTE, "note " + k))
        .toList();

    entries.forEach(e -> run(() -> store.appendTimeline(number(1), e)));

    assertEquals(entries, tx(() -> store.timeline(number(1))));
  }

  // --- query -------------------------------------------------------------------------------------

  /**
   * The query data set.
   *
   * <pre>
   * #  state       prio group        assignee caller opened  due *   title
   * 1  NEW         P3   network-ops  -        alice  T0      T0+3d   VPN drops every 10 minutes
   * 2  IN_PROGRESS P1   network-ops  nina     bob    T0+1h   T0+5h   Core switch down
   * 3  ON_HOLD     P3   desktop      omar     alice  T0+2h   T0+1d   Laptop slow
   * 4  RESOLVED    P2   desktop      omar     carol  T0+1d   T0+2d   Disk 100% full
   * 5  CLOSED      P4   service-desk -        bob    T0+1d1h T0+10d  file_name too long
   * 6  CANCELLED   P5   network-ops  -        dave   T0+2d   -       Printer offline
   * 7  NEW         P3   -            -        carol  T0+2d   T0+4d   file-name too long
   *
   * * resolution due. Descriptions: #1 "Home office users lose the tunnel", #3 "Slow since the
   *   vpn client update", #5 "cannot open C:\temp\x", #6 "Disk 100 GB free", others none.
   * </pre>
   */
  private void insertQueryData() {
    insert(
        row(1, IncidentState.NEW, Priority.P3, "network-ops", null, "alice", h(0), h(72),
            "VPN drops every 10 minutes", "Home office users lose the tunnel"),
        row(2, IncidentState.IN_PROGRESS, Priority.P1, "network-ops", "nina", "bob", h(1), h(5),
            "Core switch down", null),
        row(3, IncidentState.ON_HOLD, Priority.P3, "desktop", "omar", "alice", h(2), h(24),
            "Laptop slow", "Slow since the vpn client update"),
        row(4, IncidentState.RESOLVED, Priority.P2, "desktop", "omar", "carol", h(24), h(48),
            "Disk 100% full", null),
        row(5, IncidentState.CLOSED, Priority.P4, "service-desk", null, "bob", h(25), h(240),
            "file_name too long", "cannot open C:\\temp\\x"),
        row(6, IncidentState.CANCELLED, Priority.P5, "network-ops", null, "dave", h(48), null,
            "Printer offline", "Disk 100 GB free"),
        row(7, IncidentState.NEW, Priority.P3, null, null, "carol", h(48), h(96),
            "file-name too long", null));
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        q("no criteria", c(), 1, 2, 3, 4, 5, 6, 7),
        q("state NEW", c().states(IncidentState.NEW), 1, 7),
        q("state NEW or IN_PROGRESS", c().states(IncidentState.NEW, IncidentState.IN_PROGRESS),
            1, 2, 7),
        q("every state but NEW and IN_PROGRESS", c().states(IncidentState.ON_HOLD,
            IncidentState.RESOLVED, IncidentState.CLOSED, IncidentState.CANCELLED), 3, 4, 5, 6),
        q("priority P3", c().priorities(Priority.P3), 1, 3, 7),
        q("priority P1 or P5", c().priorities(Priority.P1, Priority.P5), 2, 6),
        q("assignment group", c().group("network-ops"), 1, 2, 6),
        q("assignment group is exact, not a prefix", c().group("network")),
        q("assignee", c().assignee("omar"), 3, 4),
        q("caller", c().caller("alice"), 1, 3),
        q("caller is exact, not a prefix", c().caller("ali")),
        q("text: case-insensitive, in title or description", c().text("vPn"), 1, 3),
        q("text: no match", c().text("toaster")),
        q("text: incident without description", c().text("SWITCH"), 2),
        q("text: across title and description", c().text("disk 100"), 4, 6),
        q("text: % is literal", c().text("100%"), 4),
        q("text: % alone", c().text("%"), 4),
        q("text: _ is literal", c().text("file_name"), 5),
        q("text: _ alone", c().text("_"), 5),
        q("text: backslash is literal", c().text("c:\\temp"), 5),
        q("text: backslash alone", c().text("\\"), 5),
        q("opened from: inclusive", c().opened(h(1), null), 2, 3, 4, 5, 6, 7),
        q("opened to: exclusive", c().opened(null, h(24)), 1, 2, 3),
        q("opened between", c().opened(h(2), h(48)), 3, 4, 5),
        q("resolution due before: exclusive", c().dueBefore(h(24)), 2),
        q("resolution due before: incidents without a due time never match",
            c().dueBefore(h(100_000)), 1, 2, 3, 4, 5, 7),
        q("at risk: open, of a group, due before, most urgent first",
            c().states(IncidentState.NEW, IncidentState.IN_PROGRESS, IncidentState.ON_HOLD)
                .group("network-ops").dueBefore(h(73)).sort(IncidentSort.RESOLUTION_DUE, true),
            2, 1),
        paged("several states of a group, descending, paged",
            c().states(IncidentState.NEW, IncidentState.IN_PROGRESS, IncidentState.CANCELLED)
                .group("network-ops").sort(IncidentSort.PRIORITY, false).page(1, 2), 3, 1, 2),
        q("several states of a group and text",
            c().states(IncidentState.NEW, IncidentState.IN_PROGRESS).group("network-ops")
                .text("vpn"), 1),
        q("several states of a group, no match",
            c().states(IncidentState.RESOLVED, IncidentState.CLOSED).group("network-ops")),
        q("criteria combine with AND", c().states(IncidentState.NEW).caller("carol"), 7),
        q("criteria combine with AND: no match", c().states(IncidentState.NEW).caller("bob")),
        q("group and priority", c().group("network-ops").priorities(Priority.P3), 1),
        q("every criterion at once", c().states(IncidentState.ON_HOLD).priorities(Priority.P3)
            .group("desktop").assignee("omar").caller("alice").text("VPN").opened(h(2), h(3))
            .dueBefore(h(25)), 3),
        q("number descending", c().sort(IncidentSort.NUMBER, false), 7, 6, 5, 4, 3, 2, 1),
        q("priority ascending, ties by number ascending", c().sort(IncidentSort.PRIORITY, true),
            2, 4, 1, 3, 7, 5, 6),
        q("priority descending, ties by number descending",
            c().sort(IncidentSort.PRIORITY, false), 6, 5, 7, 3, 1, 4, 2),
        q("opened ascending, ties by number ascending", c().sort(IncidentSort.OPENED_AT, true),
            1, 2, 3, 4, 5, 6, 7),
        q("opened descending, ties by number descending",
            c().sort(IncidentSort.OPENED_AT, false), 7, 6, 5, 4, 3, 2, 1),
        q("resolution due ascending, none due last",
            c().sort(IncidentSort.RESOLUTION_DUE, true), 2, 3, 4, 1, 7, 5, 6),
        q("resolution due descending, none due first",
            c().sort(IncidentSort.RESOLUTION_DUE, false), 6, 5, 7, 1, 4, 3, 2),
        paged("paging: a middle page", c().page(2, 3), 7, 3, 4, 5),
        paged("paging: last, partial page", c().page(5, 3), 7, 6, 7),
        paged("paging: right after the end", c().page(7, 3), 7),
        paged("paging: far beyond the end", c().page(500, 10), 7),
        paged("paging: one per page", c().page(3, 1), 7, 4),
        paged("paging with a filter", c().group("network-ops").page(1, 1), 3, 2),
        paged("paging through ties, descending",
            c().sort(IncidentSort.PRIORITY, false).page(2, 3), 7, 7, 3, 1),
        q("the largest page", c().page(0, 1000), 1, 2, 3, 4, 5, 6, 7));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void queryAndCountAnswer(String name, Criteria criteria, List<String> expected, long count) {
    insertQueryData();
    IncidentCriteria c = criteria.build();

    List<Incident> found = tx(() -> store.query(c));

    assertEquals(expected, found.stream().map(Incident::number).toList());
    assertEquals(count, tx(() -> store.count(c)), "count ignores paging");
  }

  @Test
  void queryReturnsWholeIncidents() {
    Incident full = IncidentFixtures.fullyPopulated("INC0000042");
    insert(full, IncidentFixtures.minimal("INC0000043", T0));

    List<Incident> found = tx(() -> store.query(c().caller(full.caller()).build()));

    assertEquals(List.of(full), found);
  }

  @Test
  void emptyStoreAnswersNothing() {
    IncidentCriteria all = c().build();

    assertEquals(List.of(), tx(() -> store.query(all)));
    assertEquals(0L, tx(() -> store.count(all)));
  }

  // --- helpers -----------------------------------------------------------------------------------

  /**
   * Runs {@code work} through {@link #inTransaction(Supplier)}.
   *
   * @param work the work
   * @param <T> its result type
   * @return its result
   */
  protected final <T> T tx(Supplier<T> work) {
    return inTransaction(work);
  }

  /** @param work runs through {@link #inTransaction(Supplier)} */
  protected final void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  private void insert(Incident... incidents) {
    run(() -> Arrays.stream(incidents).forEach(store::insert));
  }

  private void update(Incident incident) {
    run(() -> store.update(incident));
  }

  private Optional<Incident> find(String number) {
    return tx(() -> store.find(number));
  }

  /** Work of one thread of {@link #concurrently}. */
  @FunctionalInterface
  private interface Work {
    Object call(int thread) throws Exception;
  }

  /** Runs {@code work} on {@code threads} threads; each result, or the exception it threw. */
  private static List<Object> concurrently(int threads, Work work) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int thread = k;
        futures.add(pool.submit(() -> work.call(thread)));
      }
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : futures) {
        try {
          outcomes.add(f.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          outcomes.add(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          fail("a thread did not finish within 60 s (deadlock?)");
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String number(int k) {
    return String.format("INC%07d", k);
  }

  private static <E> E pick(E[] values, int k) {
    return values[k % values.length];
  }

  /** @return {@code unit} repeated and cut to exactly {@code length} characters */
  private static String text(String unit, int length) {
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  private static Instant h(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  private static Incident row(int k, IncidentState state, Priority priority, String group,
      String assignee, String caller, Instant opened, Instant resolutionDue, String title,
      String description) {
    return IncidentFixtures.minimal(number(k), opened).toBuilder()
        .state(state).priority(priority).assignmentGroup(group).assignee(assignee)
        .caller(caller).title(title).description(description)
        .milestones(Milestones.opened(opened, null, resolutionDue))
        .build();
  }

  private static Arguments q(String name, Criteria criteria, int... expected) {
    return paged(name, criteria, expected.length, expected);
  }

  private static Arguments paged(String name, Criteria criteria, long count, int... expected) {
    return Arguments.of(name, criteria,
        Arrays.stream(expected).mapToObj(IncidentStoreContract::number).toList(), count);
  }

  private static Criteria c() {
    return new Criteria();
  }

  /** Builds {@link IncidentCriteria}; by default everything, by number ascending, 1000 a page. */
  protected static final class Criteria {
    private Set<IncidentState> states = Set.of();
    private Set<Priority> priorities = Set.of();
    private String group;
    private String assignee;
    private String caller;
    private String text;
    private Instant from;
    private Instant to;
    private Instant dueBefore;
    private IncidentSort sort = IncidentSort.NUMBER;
    private boolean ascending = true;
    private int offset;
    private int limit = 1000;

    Criteria states(IncidentState... v) { states = Set.of(v); return this; }
    Criteria priorities(Priority... v) { priorities = Set.of(v); return this; }
    Criteria group(String v) { group = v; return this; }
    Criteria assignee(String v) { assignee = v; return this; }
    Criteria caller(String v) { caller = v; return this; }
    Criteria text(String v) { text = v; return this; }
    Criteria opened(Instant f, Instant t) { from = f; to = t; return this; }
    Criteria dueBefore(Instant v) { dueBefore = v; return this; }
    Criteria sort(IncidentSort s, boolean asc) { sort = s; ascending = asc; return this; }
    Criteria page(int off, int lim) { offset = off; limit = lim; return this; }

    IncidentCriteria build() {
      return new IncidentCriteria(states, priorities, group, assignee, caller, text, from, to,
          dueBefore, sort, ascending, offset, limit);
    }
  }
}
