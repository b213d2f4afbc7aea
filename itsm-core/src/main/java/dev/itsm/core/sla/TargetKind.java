package dev.itsm.core.sla;

/** What a service-level clock measures. */
public enum TargetKind {
  /** Time to acknowledge (service level target). */
  RESPONSE,
  /** Time to resolve (service level target). */
  RESOLUTION,
  /** Time an assignment group holds the record before resolving or passing it on (operational level target). */
  OPERATIONAL
}
