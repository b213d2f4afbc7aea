package dev.itsm.core.internal;

import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the plain arguments of reads and queries (record numbers, ids, criteria), as
 * {@link CommandValidator} checks commands: a bad argument is a {@link ValidationException}, never
 * a {@code NullPointerException} or a database error. Internal: no compatibility guarantees.
 */
public final class Arguments {

  /** The longest record number or id accepted; the columns hold at most 100 characters. */
  public static final int MAX_KEY_LENGTH = 100;

  private Arguments() {}

  /**
   * @param value a record number or id
   * @param name the argument's name, for the error
   * @return {@code value}
   * @throws ValidationException when it is blank, longer than {@value #MAX_KEY_LENGTH} characters
   *     or contains a control character
   */
  public static String key(String value, String name) {
    String problem = problem(value);
    if (problem != null) {
      throw new ValidationException("Read", List.of(new Violation(name, "Key", problem)));
    }
    return value;
  }

  /**
   * @param value a record number or id
   * @return whether {@link #key} accepts it; {@code find} methods answer "none" for the others
   */
  public static boolean isKey(String value) {
    return problem(value) == null;
  }

  private static String problem(String value) {
    return value == null || value.isBlank() ? "must not be blank"
        : value.length() > MAX_KEY_LENGTH ? "must be at most " + MAX_KEY_LENGTH + " characters"
        : value.chars().anyMatch(Character::isISOControl) ? "must not contain control characters"
        : null;
  }

  /**
   * @param values the values of a criterion such as {@code state(...)}
   * @param name the criterion's name, for the error
   * @param <T> the value type
   * @return the distinct values, in order
   * @throws ValidationException when the array or one of its values is {@code null}
   */
  @SafeVarargs
  public static <T> Set<T> members(String name, T... values) {
    if (values == null || Arrays.stream(values).anyMatch(v -> v == null)) {
      throw new ValidationException("Query", List.of(new Violation(name, "NotNull",
          "must not be null or contain null")));
    }
    return Set.copyOf(new LinkedHashSet<>(Arrays.asList(values)));
  }
}
