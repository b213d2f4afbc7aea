package dev.itsm.core.request.internal;

import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.FormField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a request's form values against its catalog item: every value against its field's type
 * and rules, required fields present, no unknown fields. A bad value is reported as
 * {@code form.<name>} with the rule and the field's own message (or one per rule when the field
 * has none). Internal: no compatibility guarantees.
 */
final class Forms {

  /** The longest value kept (the column's size). */
  static final int MAX_VALUE_LENGTH = 4000;

  private Forms() {}

  /**
   * @param item the item version
   * @param values the submitted values by field name
   * @param problems where to add every broken rule
   * @return the values in canonical text form, in form order (empty values left out)
   */
  static Map<String, String> check(CatalogItem item, Map<String, Object> values,
      List<Violation> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : values.keySet()) {
      if (item.field(name).isEmpty()) {
        problems.add(new Violation("form." + name, "Unknown", "is not a field of catalog item "
            + item.id() + " (fields: " + item.fields().stream().map(FormField::name).toList()
            + ")"));
      }
    }
    for (FormField f : item.fields()) {
      Object raw = values.get(f.name());
      if (raw == null || raw instanceof CharSequence s && s.toString().isBlank()) {
        if (f.required()) {
          problems.add(bad(f, "Required", "must not be empty"));
        }
        continue;
      }
      String value = canonical(f, raw, problems);
      if (value != null) {
        out.put(f.name(), value);
      }
    }
    return out;
  }

  private static Violation bad(FormField f, String rule, String fallback) {
    return new Violation("form." + f.name(), rule,
        f.message() != null && !f.message().isBlank() ? f.message() : fallback);
  }

  private static String canonical(FormField f, Object raw, List<Violation> problems) {
    switch (f.type()) {
      case TEXT -> {
        if (!(raw instanceof CharSequence)) {
          problems.add(bad(f, "Type", "must be text"));
          return null;
        }
        String v = raw.toString().strip();
        int max = f.maxLength() != null ? f.maxLength() : MAX_VALUE_LENGTH;
        if (f.minLength() != null && v.length() < f.minLength()) {
          problems.add(bad(f, "MinLength", "must be at least " + f.minLength() + " characters"));
        } else if (v.length() > max) {
          problems.add(bad(f, "MaxLength", "must be at most " + max + " characters"));
        } else if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(v).matches()) {
          problems.add(bad(f, "Pattern", "must match " + f.pattern()));
        } else {
          return v;
        }
        return null;
      }
      case NUMBER -> {
        BigDecimal v = number(raw);
        if (v == null) {
          problems.add(bad(f, "Type", "must be a number"));
        } else if (f.min() != null && v.compareTo(f.min()) < 0) {
          problems.add(bad(f, "Min", "must be at least " + f.min().toPlainString()));
        } else if (f.max() != null && v.compareTo(f.max()) > 0) {
          problems.add(bad(f, "Max", "must be at most " + f.max().toPlainString()));
        } else {
          return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
        }
        return null;
      }
      case BOOLEAN -> {
        String t = raw instanceof Boolean b ? b.toString()
            : raw instanceof CharSequence s ? s.toString().strip().toLowerCase(Locale.ROOT) : "";
        if (t.equals("true") || t.equals("false")) {
          return t;
        }
        problems.add(bad(f, "Type", "must be true or false"));
        return null;
      }
      case DATE -> {
        if (raw instanceof LocalDate d) {
          return d.toString();
        }
        if (raw instanceof CharSequence s) {
          try {
            return LocalDate.parse(s.toString().strip()).toString();
          } catch (DateTimeParseException e) {
            // reported below
          }
        }
        problems.add(bad(f, "Type", "must be a date such as 2026-03-02"));
        return null;
      }
      case CHOICE -> {
        String v = raw instanceof CharSequence s ? s.toString().strip() : null;
        if (v != null && f.options().contains(v)) {
          return v;
        }
        problems.add(bad(f, "Choice", "must be one of " + f.options()));
        return null;
      }
      default -> throw new IllegalStateException("unknown field type " + f.type());
    }
  }

  private static BigDecimal number(Object raw) {
    if (raw instanceof BigDecimal b) {
      return b;
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (raw instanceof java.math.BigInteger i) {
      return new BigDecimal(i);
    }
    if (raw instanceof CharSequence s) {
      try {
        return new BigDecimal(s.toString().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
