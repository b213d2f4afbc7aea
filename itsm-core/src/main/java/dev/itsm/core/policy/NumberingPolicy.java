package dev.itsm.core.policy;

/**
 * Formats record numbers from a database sequence value. The default gives {@code INC0000001}.
 */
@FunctionalInterface
public interface NumberingPolicy {

  /**
   * @param prefix the record type's prefix, e.g. {@code INC}
   * @param sequence the sequence value, 1 or more
   * @return the record number; must be unique per sequence value and at most 32 characters
   */
  String format(String prefix, long sequence);

  /** @return prefix followed by the sequence value padded to seven digits */
  static NumberingPolicy standard() {
    return (prefix, sequence) -> String.format("%s%07d", prefix, sequence);
  }
}
