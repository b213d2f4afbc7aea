package dev.itsm.core.incident;

/** Sort keys for {@link IncidentQuery}. */
public enum IncidentSort {
  /** By opening time. */
  OPENED_AT,
  /** By priority (P1 first when ascending). */
  PRIORITY,
  /** By number. */
  NUMBER,
  /** By resolution due time; incidents without one count as due last. */
  RESOLUTION_DUE
}
