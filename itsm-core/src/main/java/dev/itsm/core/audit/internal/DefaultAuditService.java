package dev.itsm.core.audit.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.access.Permission;
import dev.itsm.core.internal.AccessGuard;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.audit.AuditBreak;
import dev.itsm.core.audit.AuditChain;
import dev.itsm.core.audit.AuditService;
import dev.itsm.core.audit.AuditVerification;
import dev.itsm.core.audit.ChainedAuditEntry;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.spi.AuditStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@link AuditService}: reads chains in one transaction and recomputes every hash. Internal. */
public final class DefaultAuditService implements AuditService {

  private final Transactions transactions;
  private final AuditStore store;
  private final AccessGuard guard;

  /**
   * @param transactions runs the reads
   * @param store the audit store
   * @param guard checks {@code audit.verify}
   */
  public DefaultAuditService(Transactions transactions, AuditStore store, AccessGuard guard) {
    this.transactions = transactions;
    this.store = store;
    this.guard = guard;
  }

  @Override
  public AuditVerification verify(Actor actor, String recordNumber) {
    guard.check(actor, Permission.AUDIT_VERIFY);
    if (recordNumber == null || recordNumber.isBlank()) {
      throw new ValidationException("VerifyAudit",
          List.of(new Violation("recordNumber", "NotBlank", "must not be blank")));
    }
    return transactions.required(() -> {
      Tally t = new Tally();
      t.check(recordNumber, chainIn(actor, recordNumber));
      return t.result();
    });
  }

  /**
   * A record's chain, if it belongs to the actor's tenant; a record of another tenant has none
   * (its entries all name that tenant unless tampered with, which its own tenant's verification
   * finds).
   */
  private List<ChainedAuditEntry> chainIn(Actor actor, String recordNumber) {
    List<ChainedAuditEntry> chain = store.chainOf(recordNumber);
    if (actor.isSystem() || chain.isEmpty()
        || chain.stream().anyMatch(e -> e.entry().tenant().equals(actor.tenant()))) {
      return chain;
    }
    return List.of();
  }

  @Override
  public AuditVerification verify(Actor actor, Instant from, Instant to) {
    guard.check(actor, Permission.AUDIT_VERIFY);
    List<Violation> v = new ArrayList<>();
    if (from == null) {
      v.add(new Violation("from", "NotNull", "must not be null"));
    }
    if (to == null) {
      v.add(new Violation("to", "NotNull", "must not be null"));
    }
    if (v.isEmpty() && from.isAfter(to)) {
      v.add(new Violation("from", "Period", "must not be after to"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException("VerifyAudit", v);
    }
    return transactions.required(() -> {
      Tally t = new Tally();
      for (String number : store.recordsWithEntriesBetween(AuditChain.storedPrecision(from),
          to)) {
        List<ChainedAuditEntry> chain = chainIn(actor, number);
        if (!chain.isEmpty()) {
          t.check(number, chain);
        }
      }
      return t.result();
    });
  }

  @Override
  public String head(Actor actor, String recordNumber) {
    guard.check(actor, Permission.AUDIT_VERIFY);
    Arguments.key(recordNumber, "recordNumber");
    List<ChainedAuditEntry> chain = transactions.required(() -> chainIn(actor, recordNumber));
    return chain.isEmpty() ? null : chain.get(chain.size() - 1).entryHash();
  }

  /**
   * Verifies one record's chain.
   *
   * @param recordNumber the record
   * @param chain its entries in append order
   * @return every break, oldest first
   */
  static List<AuditBreak> breaksOf(String recordNumber, List<ChainedAuditEntry> chain) {
    List<AuditBreak> breaks = new ArrayList<>();
    String previous = null;
    boolean chained = false;
    for (int i = 0; i < chain.size(); i++) {
      ChainedAuditEntry e = chain.get(i);
      if (e.entryHash() == null) {
        if (chained) {
          breaks.add(new AuditBreak(recordNumber, e.id(), i, AuditBreak.Kind.HASH_REMOVED,
              AuditChain.hash(e.entry(), previous), null));
        }
        continue;
      }
      String expectedPrev = chained ? previous : AuditChain.GENESIS;
      if (!expectedPrev.equals(e.prevHash())) {
        breaks.add(new AuditBreak(recordNumber, e.id(), i, AuditBreak.Kind.LINK_BROKEN,
            expectedPrev, e.prevHash()));
      }
      String recomputed = AuditChain.hash(e.entry(), e.prevHash() == null ? "" : e.prevHash());
      if (!recomputed.equals(e.entryHash())) {
        breaks.add(new AuditBreak(recordNumber, e.id(), i, AuditBreak.Kind.CONTENT_CHANGED,
            recomputed, e.entryHash()));
      }
      previous = e.entryHash();
      chained = true;
    }
    return breaks;
  }

  private static final class Tally {
    private int records;
    private int entries;
    private int legacy;
    private final List<AuditBreak> breaks = new ArrayList<>();

    void check(String number, List<ChainedAuditEntry> chain) {
      records++;
      entries += chain.size();
      for (ChainedAuditEntry e : chain) {
        if (e.entryHash() != null) {
          break;
        }
        legacy++;
      }
      breaks.addAll(breaksOf(number, chain));
    }

    AuditVerification result() {
      return new AuditVerification(records, entries, legacy, breaks);
    }
  }
}
