package dev.itsm.core.metrics;

import java.util.Locale;

/**
 * A share: {@code part} of {@code whole} records.
 *
 * @param part the records that have the property
 * @param whole the records considered
 */
public record Ratio(long part, long whole) {

  /** @throws IllegalArgumentException when part is negative or larger than whole */
  public Ratio {
    if (part < 0 || part > whole) {
      throw new IllegalArgumentException("a ratio needs 0 <= part <= whole: " + part + "/"
          + whole);
    }
  }

  /** @return {@code 100 × part / whole}, or {@code NaN} when {@code whole} is 0 */
  public double percent() {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }

  /** @return e.g. {@code "25.0 % (1 of 4)"}, or {@code "– (0 of 0)"} */
  @Override
  public String toString() {
    return (whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", percent())) + " (" + part
        + " of " + whole + ")";
  }
}
