package dev.itsm.core.request;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One field of a catalog item's request form: its name, type and validation rules, and the message
 * a requester sees when a value breaks a rule. Build it with the factories, e.g.
 *
 * <pre>{@code
 * FormField.choice("model", "14-inch", "16-inch").label("Model").required()
 *     .message("Choose the 14-inch or the 16-inch model").build();
 * FormField.number("ram").label("Memory (GB)").min(8).max(64).build();
 * FormField.text("justification").maxLength(500).pattern(".*\\S.*").build();
 * }</pre>
 *
 * <p>The rules are checked when the item is defined ({@code ServiceCatalog.define}); a value is
 * checked when a request is submitted: a bad value is refused with a {@code ValidationException}
 * naming the field as {@code form.<name>}, the rule and this field's message, and nothing is
 * stored.
 *
 * @param name the field's name, a Java-style identifier such as {@code neededBy}
 * @param label what the form shows; {@code null} for the name
 * @param type the type
 * @param required whether a value must be given
 * @param minLength TEXT: the fewest characters, or {@code null}
 * @param maxLength TEXT: the most characters, or {@code null}
 * @param min NUMBER: the smallest value, or {@code null}
 * @param max NUMBER: the largest value, or {@code null}
 * @param pattern TEXT: a regular expression the whole value must match, or {@code null}
 * @param options CHOICE: the values allowed (empty for other types)
 * @param message the message for a bad value; {@code null} for a message per rule
 */
public record FormField(String name, String label, FieldType type, boolean required,
    Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String pattern,
    List<String> options, String message) {

  /** Copies the options and writes the bounds in plain form ({@code 8}, {@code 2.5}). */
  public FormField {
    options = options == null ? List.of() : List.copyOf(options);
    min = plain(min);
    max = plain(max);
  }

  private static BigDecimal plain(BigDecimal v) {
    return v == null ? null : new BigDecimal(v.stripTrailingZeros().toPlainString());
  }

  /** @param name the field's name @return a builder for a text field */
  public static Builder text(String name) {
    return new Builder(name, FieldType.TEXT);
  }

  /** @param name the field's name @return a builder for a number field */
  public static Builder number(String name) {
    return new Builder(name, FieldType.NUMBER);
  }

  /** @param name the field's name @return a builder for a yes/no field */
  public static Builder bool(String name) {
    return new Builder(name, FieldType.BOOLEAN);
  }

  /** @param name the field's name @return a builder for a date field */
  public static Builder date(String name) {
    return new Builder(name, FieldType.DATE);
  }

  /**
   * @param name the field's name
   * @param options the values allowed
   * @return a builder for a choice field
   */
  public static Builder choice(String name, String... options) {
    return new Builder(name, FieldType.CHOICE).options(options);
  }

  /**
   * @param name the field's name
   * @param type its type
   * @return a builder
   */
  public static Builder of(String name, FieldType type) {
    return new Builder(name, type);
  }

  /** @return the label, or the name when there is none */
  public String displayLabel() {
    return label == null || label.isBlank() ? name : label;
  }

  /** Builds {@link FormField}s; nothing is checked until the item is defined. */
  public static final class Builder {
    private final String name;
    private final FieldType type;
    private String label;
    private boolean required;
    private Integer minLength;
    private Integer maxLength;
    private BigDecimal min;
    private BigDecimal max;
    private String pattern;
    private List<String> options = List.of();
    private String message;

    private Builder(String name, FieldType type) {
      this.name = name;
      this.type = type;
    }

    /** @param v what the form shows @return this */
    public Builder label(String v) {
      label = v;
      return this;
    }

    /** @return this, with a value required */
    public Builder required() {
      required = true;
      return this;
    }

    /** @param v whether a value is required @return this */
    public Builder required(boolean v) {
      required = v;
      return this;
    }

    /** @param v TEXT: the fewest characters @return this */
    public Builder minLength(int v) {
      minLength = v;
      return this;
    }

    /** @param v TEXT: the most characters @return this */
    public Builder maxLength(int v) {
      maxLength = v;
      return this;
    }

    /** @param v NUMBER: the smallest value @return this */
    public Builder min(long v) {
      return min(BigDecimal.valueOf(v));
    }

    /** @param v NUMBER: the smallest value @return this */
    public Builder min(BigDecimal v) {
      min = v;
      return this;
    }

    /** @param v NUMBER: the largest value @return this */
    public Builder max(long v) {
      return max(BigDecimal.valueOf(v));
    }

    /** @param v NUMBER: the largest value @return this */
    public Builder max(BigDecimal v) {
      max = v;
      return this;
    }

    /** @param v TEXT: a regular expression the whole value must match @return this */
    public Builder pattern(String v) {
      pattern = v;
      return this;
    }

    /** @param v CHOICE: the values allowed @return this */
    public Builder options(String... v) {
      options = Arrays.asList(v);
      return this;
    }

    /** @param v the message for a bad value @return this */
    public Builder message(String v) {
      message = v;
      return this;
    }

    /** @return the field */
    public FormField build() {
      return new FormField(name, label, type, required, minLength, maxLength, min, max, pattern,
          options, message);
    }
  }
}
