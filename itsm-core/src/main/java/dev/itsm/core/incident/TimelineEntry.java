package dev.itsm.core.incident;

import java.time.Instant;

/**
 * One entry of a record's timeline: a work note, a comment, or a lifecycle step.
 *
 * @param at when
 * @param actorId who
 * @param kind what kind of entry
 * @param text the readable text
 */
public record TimelineEntry(Instant at, String actorId, Kind kind, String text) {

  /** The kinds of timeline entries. */
  public enum Kind {
    /** An internal work note. */
    WORK_NOTE,
    /** A comment visible to the caller. */
    COMMENT,
    /** A lifecycle step, e.g. "Resolved (SOLVED_PERMANENTLY): replaced the disk". */
    STATE_CHANGE,
    /** A change of assignment group or assignee. */
    ASSIGNMENT,
    /** Something the library did on its own, e.g. a missed service-level target. */
    SYSTEM
  }
}
