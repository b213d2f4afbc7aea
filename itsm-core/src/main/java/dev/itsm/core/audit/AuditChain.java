package dev.itsm.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: how an entry's hash is computed.
 *
 * <p>Each record's entries form one chain: an entry's {@code prevHash} is the {@code entryHash}
 * of the record's previous entry, or {@link #GENESIS} for its first entry; its
 * {@code entryHash} is the SHA-256 (lower-case hex) of the canonical form of record number, actor,
 * operation, time (UTC ISO-8601 as {@link Instant#toString()}, truncated to microseconds, the precision PostgreSQL keeps), every field
 * change in order, and {@code prevHash}. Every string is written with its length, so no two
 * different entries have the same canonical form. A store that is not JDBC may use this class to
 * chain its own entries.
 *
 * <pre>{@code
 * String hash = AuditChain.hash(entry, AuditChain.GENESIS);
 * }</pre>
 */
public final class AuditChain {

  /** The {@code prevHash} of a record's first chained entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /**
   * @param instant a time
   * @return the time truncated to microseconds, as stored and hashed
   */
  public static Instant storedPrecision(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * @param entry the entry (its time is truncated to microseconds before hashing)
   * @param prevHash the hash of the record's previous entry, or {@link #GENESIS}
   * @return the entry's hash, 64 lower-case hex digits
   */
  public static String hash(AuditEntry entry, String prevHash) {
    StringBuilder b = new StringBuilder(256).append("itsm-audit-v1");
    field(b, entry.recordNumber());
    field(b, entry.actorId());
    field(b, entry.operation());
    field(b, storedPrecision(entry.occurredAt()).toString());
    b.append('#').append(entry.changes().size());
    for (FieldChange c : entry.changes()) {
      field(b, c.field());
      field(b, c.oldValue());
      field(b, c.newValue());
    }
    if (!dev.itsm.core.Actor.DEFAULT_TENANT.equals(entry.tenant())) {
      // only other tenants' entries name their tenant, so v1 hashes of the default tenant hold
      b.append("#tenant");
      field(b, entry.tenant());
    }
    field(b, prevHash);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  private static void field(StringBuilder b, String value) {
    if (value == null) {
      b.append("|-");
    } else {
      b.append('|').append(value.length()).append(':').append(value);
    }
  }
}
