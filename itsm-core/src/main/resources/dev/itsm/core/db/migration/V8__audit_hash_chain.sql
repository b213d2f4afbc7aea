-- Issue 10: the audit trail becomes a hash chain per record.
-- entry_hash = SHA-256 (hex) of the entry's canonical form (dev.itsm.core.audit.AuditChain),
-- which includes prev_hash, the entry_hash of the record's previous entry (or the genesis value).
-- Rows written before this migration keep NULL hashes: they are verified as a "legacy, unchained"
-- prefix of their record's trail (counted, not protected).
ALTER TABLE itsm_audit ADD COLUMN prev_hash CHAR(64);
ALTER TABLE itsm_audit ADD COLUMN entry_hash CHAR(64);
-- At most one successor per entry: two transactions appending to the same record at once cannot
-- both chain to the same predecessor (a fork); the loser fails and may retry.
CREATE UNIQUE INDEX itsm_audit_chain_idx ON itsm_audit (record_number, prev_hash);
CREATE INDEX itsm_audit_time_idx ON itsm_audit (occurred_at);
