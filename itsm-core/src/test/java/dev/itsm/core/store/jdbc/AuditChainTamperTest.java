package dev.itsm.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.spi.Directory;
import java.util.Set;
import dev.itsm.core.ItsmException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.audit.AuditBreak;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.AuditVerification;
import dev.itsm.core.audit.ChainedAuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.audit.internal.DefaultAuditService;
import dev.itsm.core.testdb.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tampering with the audit tables by plain JDBC (what someone with write access to the database
 * could do) is detected and located by the hash chain, on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class AuditChainTamperTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private static final AccessGuard GUARD =
      new AccessGuard(RoleModel.standard(), Directory.NONE, Set.of("acme"));
  private static final Actor ADMIN = Actor.of("ada", "itsm-admins");

  private static ContractDatabase database;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  private JdbcAuditStore store;
  private DefaultAuditService audit;

  @BeforeParameterizedClassInvocation
  static void createDatabase(TestDatabase kind) {
    database = new ContractDatabase(kind, "audit_tamper");
  }

  @AfterParameterizedClassInvocation
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void emptyStore() {
    database.deleteAllRows();
    store = new JdbcAuditStore(database.connections());
    audit = new DefaultAuditService(database.transactions(), store, GUARD);
  }

  @Test
  void untouchedChainsVerify() {
    writeTrail("INC0000001", 5);
    writeTrail("INC0000002", 3);
    writeTrail("INC0000001", 2);

    AuditVerification one = audit.verify(ADMIN, "INC0000001");
    assertThat(one.ok()).isTrue();
    assertThat(one.entriesChecked()).isEqualTo(7);
    assertThat(one.legacyEntries()).isZero();
    AuditVerification period = audit.verify(ADMIN, T0, T0.plusSeconds(3600));
    assertThat(period.ok()).isTrue();
    assertThat(period.recordsChecked()).isEqualTo(2);
    assertThat(period.entriesChecked()).isEqualTo(10);
    assertThat(audit.verify(ADMIN, "INC0000404").entriesChecked()).isZero();
    assertThat(audit.head(ADMIN, "INC0000001")).hasSize(64);
  }

  @Test
  void changedOldValueIsDetectedAtItsEntry() {
    writeTrail("INC0000001", 5);
    List<ChainedAuditEntry> chain = chain("INC0000001");

    sql("UPDATE itsm_audit_change SET old_value = 'LOW' WHERE audit_id = " + chain.get(1).id()
        + " AND seq_no = 0");

    AuditVerification v = audit.verify(ADMIN, "INC0000001");
    assertThat(v.ok()).isFalse();
    assertThat(v.breaks()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(AuditBreak.Kind.CONTENT_CHANGED);
      assertThat(b.position()).isEqualTo(1);
      assertThat(b.entryId()).isEqualTo(chain.get(1).id());
      assertThat(b.foundHash()).isEqualTo(chain.get(1).entryHash());
      assertThat(b.expectedHash()).isNotEqualTo(b.foundHash());
      assertThat(b.meaning()).contains("changed");
    });
    assertThat(audit.verify(ADMIN, T0, T0.plusSeconds(3600)).breaks()).hasSize(1);
  }

  @Test
  void deletedMiddleEntryIsDetectedAtItsSuccessor() {
    writeTrail("INC0000001", 5);
    List<ChainedAuditEntry> chain = chain("INC0000001");
    long middle = chain.get(2).id();

    sql("DELETE FROM itsm_audit_change WHERE audit_id = " + middle);
    sql("DELETE FROM itsm_audit WHERE id = " + middle);

    AuditVerification v = audit.verify(ADMIN, "INC0000001");
    assertThat(v.breaks()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(AuditBreak.Kind.LINK_BROKEN);
      assertThat(b.entryId()).isEqualTo(chain.get(3).id());
      assertThat(b.position()).isEqualTo(2);
      assertThat(b.expectedHash()).isEqualTo(chain.get(1).entryHash());
      assertThat(b.foundHash()).isEqualTo(chain.get(2).entryHash());
    });
  }

  @Test
  void movedTimeIsDetected() throws Exception {
    writeTrail("INC0000001", 4);
    List<ChainedAuditEntry> chain = chain("INC0000001");

    database.inTransaction(() -> {
      try (PreparedStatement ps = database.connections().connection().prepareStatement(
          "UPDATE itsm_audit SET occurred_at = ? WHERE id = ?")) {
        ps.setObject(1, OffsetDateTime.ofInstant(T0.minusSeconds(86_400), ZoneOffset.UTC));
        ps.setLong(2, chain.get(3).id());
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });

    assertThat(audit.verify(ADMIN, "INC0000001").breaks()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(AuditBreak.Kind.CONTENT_CHANGED);
      assertThat(b.position()).isEqualTo(3);
    });
  }

  @Test
  void reorderedEntriesAreDetected() {
    writeTrail("INC0000001", 4);
    List<ChainedAuditEntry> chain = chain("INC0000001");
    long a = chain.get(1).id();
    long b = chain.get(2).id();

    // swap the order of entries 1 and 2 (the chain follows the id order), as someone allowed to
    // drop the index that refuses forks could
    sql("DROP INDEX itsm_audit_chain_idx");
    try {
      moveEntry(a, -1);
      moveEntry(b, a);
      moveEntry(-1, b);
    } finally {
      sql("CREATE UNIQUE INDEX itsm_audit_chain_idx ON itsm_audit (record_number, prev_hash)");
    }

    AuditVerification v = audit.verify(ADMIN, "INC0000001");
    assertThat(v.breaks()).extracting(AuditBreak::kind).containsOnly(AuditBreak.Kind.LINK_BROKEN);
    assertThat(v.breaks()).extracting(AuditBreak::position).containsExactly(1, 2, 3);
  }

  private static void moveEntry(long from, long to) {
    sql("INSERT INTO itsm_audit (id, record_number, actor_id, operation, occurred_at, prev_hash,"
        + " entry_hash) SELECT " + to + ", record_number, actor_id, operation, occurred_at,"
        + " prev_hash, entry_hash FROM itsm_audit WHERE id = " + from);
    sql("UPDATE itsm_audit_change SET audit_id = " + to + " WHERE audit_id = " + from);
    sql("DELETE FROM itsm_audit WHERE id = " + from);
  }

  @Test
  void removedHashIsDetected() {
    writeTrail("INC0000001", 3);
    List<ChainedAuditEntry> chain = chain("INC0000001");

    sql("UPDATE itsm_audit SET entry_hash = NULL, prev_hash = NULL WHERE id = "
        + chain.get(2).id());

    assertThat(audit.verify(ADMIN, "INC0000001").breaks()).singleElement()
        .extracting(AuditBreak::kind).isEqualTo(AuditBreak.Kind.HASH_REMOVED);
  }

  @Test
  void legacyEntriesBeforeTheChainAreCountedNotBroken() {
    sql("INSERT INTO itsm_audit (id, record_number, actor_id, operation, occurred_at)"
        + " VALUES (-10, 'INC0000009', 'old', 'incident.open', TIMESTAMP '2020-01-01 00:00:00')");
    sql("INSERT INTO itsm_audit (id, record_number, actor_id, operation, occurred_at)"
        + " VALUES (-9, 'INC0000009', 'old', 'incident.resolve', TIMESTAMP '2020-01-02 00:00:00')");
    writeTrail("INC0000009", 2);

    AuditVerification v = audit.verify(ADMIN, "INC0000009");
    assertThat(v.ok()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(4);
    assertThat(v.legacyEntries()).isEqualTo(2);
  }

  @Test
  void differentRecordsAppendConcurrentlyAndSameRecordNeverForks() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Object>> work = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        String number = "INC000010" + r;
        work.add(() -> {
          for (int k = 0; k < 15; k++) {
            append(new AuditEntry(number, "agent", "incident.addWorkNote", T0.plusSeconds(k),
                List.of(new FieldChange("note", null, "note " + k))));
          }
          return null;
        });
      }
      for (Future<Object> f : pool.invokeAll(work)) {
        f.get();
      }
      // the same record from several threads: some calls may lose (retryable), none forks
      List<Callable<Object>> same = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        same.add(() -> {
          for (int k = 0; k < 10; k++) {
            try {
              append(new AuditEntry("INC0000200", "agent", "incident.addWorkNote", T0,
                  List.of()));
            } catch (ConcurrentModificationException retryable) {
              assertThat(retryable.isRetryable()).isTrue();
            }
          }
          return null;
        });
      }
      for (Future<Object> f : pool.invokeAll(same)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    AuditVerification v = audit.verify(ADMIN, T0, T0.plusSeconds(60));
    assertThat(v.breaks()).isEmpty();
    assertThat(v.recordsChecked()).isEqualTo(5);
    assertThat(chain("INC0000200")).isNotEmpty();
  }

  @Test
  void blankOrReversedArgumentsAreRefused() {
    assertThatThrownBy(() -> audit.verify(ADMIN, " ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> audit.verify(ADMIN, (String) null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> audit.verify(ADMIN, T0, T0.minusSeconds(1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> audit.verify(ADMIN, null, T0)).isInstanceOf(ItsmException.class);
  }

  @Test
  void verificationNeedsThePermissionAndSeesOnlyTheActorsTenant() {
    writeTrail("INC0000001", 2);
    append(new AuditEntry("ACME-INC0000001", "ann", "incident.open", T0, List.of(), "acme"));
    Actor acmeAdmin = ADMIN.inTenant("acme");

    assertThatThrownBy(() -> audit.verify(Actor.of("dana", "service-desk"), "INC0000001"))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.permission()).isEqualTo(Permission.AUDIT_VERIFY));
    assertThatThrownBy(() -> audit.head(Actor.of("dana"), "INC0000001"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(audit.verify(ADMIN, "ACME-INC0000001").entriesChecked()).isZero();
    assertThat(audit.head(ADMIN, "ACME-INC0000001")).isNull();
    assertThat(audit.verify(acmeAdmin, "ACME-INC0000001").entriesChecked()).isEqualTo(1);
    assertThat(audit.verify(acmeAdmin, "INC0000001").entriesChecked()).isZero();
    assertThat(audit.verify(ADMIN, T0, T0.plusSeconds(60)).recordsChecked()).isEqualTo(1);
    assertThat(audit.verify(acmeAdmin, T0, T0.plusSeconds(60)).recordsChecked()).isEqualTo(1);

    // moving an entry to another tenant is tampering too: the tenant is part of the hash
    sql("UPDATE itsm_audit SET tenant_id = 'default' WHERE record_number = 'ACME-INC0000001'");
    AuditVerification moved = audit.verify(ADMIN, "ACME-INC0000001");
    assertThat(moved.ok()).isFalse();
    assertThat(moved.breaks()).singleElement()
        .satisfies(b -> assertThat(b.kind()).isEqualTo(AuditBreak.Kind.CONTENT_CHANGED));
  }

  private void writeTrail(String number, int entries) {
    for (int k = 0; k < entries; k++) {
      append(new AuditEntry(number, "agent-" + k, "incident.update", T0.plusSeconds(k),
          List.of(new FieldChange("impact", "HIGH" + k, "MEDIUM" + k),
              new FieldChange("note", null, "line " + k))));
    }
  }

  private void append(AuditEntry entry) {
    database.inTransaction(() -> {
      store.append(entry);
      return null;
    });
  }

  private List<ChainedAuditEntry> chain(String number) {
    return database.inTransaction(() -> store.chainOf(number));
  }

  private static void sql(String statement) {
    database.inTransaction(() -> {
      try (Statement s = database.connections().connection().createStatement()) {
        s.executeUpdate(statement);
      } catch (SQLException e) {
        throw new IllegalStateException(statement, e);
      }
      return null;
    });
  }
}
