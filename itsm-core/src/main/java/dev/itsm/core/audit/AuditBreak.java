package dev.itsm.core.audit;

/**
 * One place where an audit chain does not verify.
 *
 * @param recordNumber the record whose chain is broken
 * @param entryId the store's id of the entry where the break shows
 * @param position the entry's position in the record's trail, 0 for the oldest
 * @param kind what does not match
 * @param expectedHash the hash the chain demands at this point
 * @param foundHash the hash stored there ({@code null} when none)
 */
public record AuditBreak(String recordNumber, long entryId, int position, Kind kind,
    String expectedHash, String foundHash) {

  /** What a break means. */
  public enum Kind {
    /** The entry's fields (actor, operation, time, a change) differ from what was hashed. */
    CONTENT_CHANGED("the entry was changed after it was written"),
    /** The entry does not chain to the one stored before it. */
    LINK_BROKEN("an entry before this one was deleted, inserted or reordered"),
    /** An entry after chained entries has no hash. */
    HASH_REMOVED("the entry's hash was removed, or the entry was inserted without one");

    private final String meaning;

    Kind(String meaning) {
      this.meaning = meaning;
    }

    /** @return what the break means, in words */
    public String meaning() {
      return meaning;
    }
  }

  /** @return what the break means, in words */
  public String meaning() {
    return kind.meaning();
  }
}
