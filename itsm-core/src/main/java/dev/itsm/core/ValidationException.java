package dev.itsm.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command was refused because its input broke one or more rules. Lists every violated field at
 * once; nothing was changed.
 */
public final class ValidationException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String command;
  private final transient List<Violation> violations;

  /**
   * @param command the simple name of the refused command, e.g. {@code OpenIncident}
   * @param violations every rule broken (not empty)
   */
  public ValidationException(String command, List<Violation> violations) {
    super("ITSM-VALIDATION", describe(command, violations));
    this.command = command;
    this.violations = List.copyOf(violations);
  }

  private static String describe(String command, List<Violation> violations) {
    return command + " is invalid (" + violations.size() + " problem"
        + (violations.size() == 1 ? "" : "s") + "): "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /** @return the simple name of the refused command */
  public String command() {
    return command;
  }

  /** @return every violated rule, sorted by field name */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * One broken rule.
   *
   * @param field the path of the field, e.g. {@code title}
   * @param rule the rule broken, e.g. {@code NotBlank} or {@code Size}
   * @param message a readable message, e.g. {@code must not be blank}
   */
  public record Violation(String field, String rule, String message) {
    @Override
    public String toString() {
      return field + " " + message + " [" + rule + "]";
    }
  }
}
