package dev.itsm.core.incident;

/** How an incident was resolved. */
public enum ResolutionCode {
  /** The cause was removed. */
  SOLVED_PERMANENTLY,
  /** Service restored with a workaround; the cause remains. */
  SOLVED_WORKAROUND,
  /** The fault could not be reproduced. */
  NOT_REPRODUCIBLE,
  /** The caller fixed it or withdrew it. */
  RESOLVED_BY_CALLER,
  /** A duplicate of another incident. */
  DUPLICATE
}
