package dev.itsm.core.request;

/** Orders of a request query. */
public enum RequestSort {
  /** Newest first (by number). */
  NEWEST_FIRST,
  /** Oldest first (by number). */
  OLDEST_FIRST
}
