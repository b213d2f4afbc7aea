package dev.itsm.core.change;

/** Orders of a change query. */
public enum ChangeSort {
  /** Newest first (by number). */
  NEWEST_FIRST,
  /** By planned start, earliest first; changes without a window last. */
  PLANNED_START
}
