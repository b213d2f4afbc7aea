package dev.itsm.core.request;

/** The type of a request form field; it decides which values are accepted and how they are kept. */
public enum FieldType {
  /** Free text; rules: min and max length, pattern. Kept as given (surrounding blanks removed). */
  TEXT,
  /** A decimal number ({@link Number} or its text); rules: min and max value. Kept as plain text, e.g. {@code 16} or {@code 2.5}. */
  NUMBER,
  /** Yes or no ({@link Boolean} or {@code true}/{@code false}). Kept as {@code true} or {@code false}. */
  BOOLEAN,
  /** A calendar date ({@link java.time.LocalDate} or ISO text {@code 2026-03-02}). Kept as ISO text. */
  DATE,
  /** One of the field's options, exactly as written there. */
  CHOICE
}
