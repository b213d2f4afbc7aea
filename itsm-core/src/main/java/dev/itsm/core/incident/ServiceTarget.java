package dev.itsm.core.incident;

/** The basic service-level targets tracked on every incident. */
public enum ServiceTarget {
  /** Time to acknowledge. */
  RESPONSE,
  /** Time to resolve. */
  RESOLUTION
}
