package dev.itsm.core.audit;

/**
 * An audit entry as stored, with its place in the record's hash chain.
 *
 * @param id the store's id of the entry; ascending in append order within a record
 * @param entry the entry
 * @param prevHash the hash it chains to ({@code null} for a legacy entry written before the chain)
 * @param entryHash its stored hash ({@code null} for a legacy entry)
 */
public record ChainedAuditEntry(long id, AuditEntry entry, String prevHash, String entryHash) {}
