package dev.itsm.core.incident;

/** How quickly the business needs a resolution: 1 high .. 3 low. */
public enum Urgency {
  /** 1: work cannot continue. */
  HIGH,
  /** 2: work is impaired. */
  MEDIUM,
  /** 3: work can continue. */
  LOW;

  /** @return 1 (high) .. 3 (low) */
  public int level() {
    return ordinal() + 1;
  }

  /**
   * @param level 1 .. 3
   * @return the urgency of that level
   */
  public static Urgency ofLevel(int level) {
    if (level < 1 || level > 3) {
      throw new IllegalArgumentException("urgency level must be 1 (high) .. 3 (low), was " + level);
    }
    return values()[level - 1];
  }
}
