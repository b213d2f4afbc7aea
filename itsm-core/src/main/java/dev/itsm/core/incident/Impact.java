package dev.itsm.core.incident;

/** How widely the service disruption is felt: 1 high .. 3 low. */
public enum Impact {
  /** 1: many users or a critical service. */
  HIGH,
  /** 2: a group of users. */
  MEDIUM,
  /** 3: a single user. */
  LOW;

  /** @return 1 (high) .. 3 (low) */
  public int level() {
    return ordinal() + 1;
  }

  /**
   * @param level 1 .. 3
   * @return the impact of that level
   */
  public static Impact ofLevel(int level) {
    if (level < 1 || level > 3) {
      throw new IllegalArgumentException("impact level must be 1 (high) .. 3 (low), was " + level);
    }
    return values()[level - 1];
  }
}
