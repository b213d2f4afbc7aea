package dev.itsm.core.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates commands with Jakarta Validation (Hibernate Validator) and turns every violation into
 * one {@link ValidationException}. Internal: no compatibility guarantees.
 */
public final class CommandValidator implements AutoCloseable {

  /** The longest actor id accepted (the audit trail's column holds 100 characters). */
  public static final int MAX_ACTOR_ID = 100;

  private final ValidatorFactory factory;
  private final Validator validator;

  /** Builds a validator that needs no expression-language implementation on the class path. */
  public CommandValidator() {
    this.factory = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  /**
   * @param actor the acting user; must not be {@code null}
   * @param command the command; must not be {@code null}
   * @param commandName the name to report, e.g. {@code OpenIncident}
   * @throws ValidationException listing every violated field
   */
  public void validate(Actor actor, Object command, String commandName) {
    List<Violation> violations = new ArrayList<>();
    if (actor == null) {
      violations.add(new Violation("actor", "NotNull", "must not be null: name the acting user"));
    } else if (actor.id().length() > MAX_ACTOR_ID) {
      violations.add(new Violation("actor.id", "Size", "must be at most " + MAX_ACTOR_ID
          + " characters"));
    } else if (actor.id().chars().anyMatch(Character::isISOControl)) {
      violations.add(new Violation("actor.id", "Pattern", "must not contain control characters"));
    }
    if (command == null) {
      violations.add(new Violation("command", "NotNull", "must not be null"));
    } else {
      violations.addAll(violationsOf(command));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(commandName, violations);
    }
  }

  /**
   * @param value a bean or record to check
   * @param name the name to report
   * @throws ValidationException listing every violated field
   */
  public void validate(Object value, String name) {
    List<Violation> violations = violationsOf(value);
    if (!violations.isEmpty()) {
      throw new ValidationException(name, violations);
    }
  }

  private List<Violation> violationsOf(Object value) {
    List<Violation> out = new ArrayList<>();
    for (ConstraintViolation<Object> v : validator.validate(value)) {
      out.add(new Violation(v.getPropertyPath().toString(),
          v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
          v.getMessage()));
    }
    out.sort(Comparator.comparing(Violation::field).thenComparing(Violation::rule));
    return out;
  }

  @Override
  public void close() {
    factory.close();
  }
}
