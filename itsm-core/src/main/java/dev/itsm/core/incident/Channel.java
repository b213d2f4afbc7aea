package dev.itsm.core.incident;

/** How the incident reached the service desk. */
public enum Channel {
  /** A phone call. */
  PHONE,
  /** An e-mail. */
  EMAIL,
  /** The self-service portal. */
  PORTAL,
  /** A chat conversation. */
  CHAT,
  /** In person at the desk. */
  WALK_IN,
  /** An alert from a monitoring system. */
  MONITORING
}
