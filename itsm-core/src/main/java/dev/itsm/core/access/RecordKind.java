package dev.itsm.core.access;

/** The kinds of ITSM record an {@link AccessTarget} can be. */
public enum RecordKind {
  /** An incident ({@code INC...}). */
  INCIDENT,
  /** The major-incident side of an incident. */
  MAJOR_INCIDENT,
  /** A change ({@code CHG...}). */
  CHANGE,
  /** A problem ({@code PRB...}) or its known error. */
  PROBLEM,
  /** A service request ({@code REQ...}). */
  REQUEST,
  /** An item of the service catalog. */
  CATALOG_ITEM
}
