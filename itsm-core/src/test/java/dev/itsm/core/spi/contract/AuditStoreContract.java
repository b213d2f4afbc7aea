package dev.itsm.core.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.spi.AuditStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuditStore} must have, as a JUnit 5 test suite: extend it, supply
 * the store and a way to run work in a transaction. Depend on it as described on
 * {@link IncidentStoreContract} (the test jar of {@code itsm-core}, test scope).
 *
 * <pre>{@code
 * class MyAuditStoreTest extends AuditStoreContract {
 *   @Override protected AuditStore createStore() {
 *     deleteAllAuditEntries();                         // each test starts on an empty store
 *     return new MyAuditStore(myConnectionSource);
 *   }
 *   @Override protected <T> T inTransaction(Supplier<T> work) {
 *     return myTransactionTemplate.execute(status -> work.get());
 *   }
 * }
 * }</pre>
 *
 * <p>What it demands: a record's entries come back in the order they were appended (not by their
 * time), each with actor, operation, instant (to the microsecond) and its field changes in their
 * order, {@code null} old and new values included, values up to 4000 characters; entries of other
 * records never mix in.
 */
public abstract class AuditStoreContract {

  private static final Instant T0 = IncidentFixtures.T0;

  private AuditStore store;

  /**
   * Called before each test.
   *
   * @return the store under test, holding no entries
   */
  protected abstract AuditStore createStore();

  /**
   * Runs work in a new transaction: commits when the work returns, rolls back when it throws and
   * rethrows the exception unchanged. A store without transactions simply runs the work.
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
  protected final AuditStore store() {
    return store;
  }

  @Test
  void entriesComeBackInAppendOrderWithEveryField() {
    AuditEntry opened = new AuditEntry("INC0000001", "agent", "incident.open",
        Instant.parse("2024-03-04T09:00:00.000001Z"), List.of(
            new FieldChange("state", null, "NEW"),
            new FieldChange("title", null, "VPN down")));
    AuditEntry note = new AuditEntry("INC0000001", "nina", "incident.addWorkNote",
        Instant.parse("2024-03-04T09:01:00Z"), List.of());
    AuditEntry other = new AuditEntry("INC0000002", "bob", "incident.open", T0,
        List.of(new FieldChange("state", null, "NEW")));
    AuditEntry earlierButLater = new AuditEntry("INC0000001", "system", "incident.targetMissed",
        Instant.parse("2024-03-04T08:00:00Z"),
        List.of(new FieldChange("milestones.responseBreachedAt", null, "2024-03-04T08:00:00Z")));

    append(opened, note, other, earlierButLater);

    assertEquals(List.of(opened, note, earlierButLater), forRecord("INC0000001"));
    assertEquals(List.of(other), forRecord("INC0000002"));
  }

  @Test
  void fieldChangesKeepTheirOrderAndNullValues() {
    List<FieldChange> many = IntStream.range(0, 25)
        .mapToObj(k -> new FieldChange("field" + (k % 10), k % 2 == 0 ? null : "old" + k,
            k % 3 == 0 ? null : "new" + k))
        .toList();
    AuditEntry bulk = new AuditEntry("INC0000001", "agent", "incident.reopen", T0, many);

    append(bulk);

    assertEquals(List.of(bulk), forRecord("INC0000001"));
  }

  @Test
  void longAndNonAsciiValuesSurvive() {
    String longest = "Ünïcödé 'quotes' \\ % _ ".repeat(200).substring(0, 4000);
    AuditEntry entry = new AuditEntry("INC0000001", "agent-ß", "incident.resolve", T0,
        List.of(new FieldChange("resolutionNotes", null, longest),
            new FieldChange("description", longest, null)));

    append(entry);

    assertEquals(List.of(entry), forRecord("INC0000001"));
  }

  @Test
  void entriesAppendedInSeparateTransactionsKeepTheirOrder() {
    List<AuditEntry> entries = IntStream.range(0, 12)
        .mapToObj(k -> new AuditEntry("INC0000001", "agent", "incident.addWorkNote",
            T0.minusSeconds(k), k % 2 == 0 ? List.of()
                : List.of(new FieldChange("note", null, "note " + k))))
        .toList();

    entries.forEach(this::append);

    assertEquals(entries, forRecord("INC0000001"));
  }

  @Test
  void unknownRecordHasNoEntries() {
    append(new AuditEntry("INC0000001", "agent", "incident.open", T0, List.of()));

    assertEquals(List.of(), forRecord("INC0000002"));
  }

  private void append(AuditEntry... entries) {
    inTransaction(() -> {
      for (AuditEntry e : entries) {
        store.append(e);
      }
      return null;
    });
  }

  private List<AuditEntry> forRecord(String number) {
    return inTransaction(() -> store.forRecord(number));
  }
}
