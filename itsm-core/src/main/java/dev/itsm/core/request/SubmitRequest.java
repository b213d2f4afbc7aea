package dev.itsm.core.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command: request a catalog item. The actor is recorded as the requester. The form values are
 * checked against the item's current version; a bad value is refused with the field's message
 * ({@code form.<name>}) and nothing is stored.
 *
 * <pre>{@code
 * Request r = engine.requests().submit(carol, SubmitRequest.builder().item("laptop")
 *     .value("model", "14-inch").value("neededBy", LocalDate.of(2026, 3, 9))
 *     .comment("My old one no longer charges").build());
 * }</pre>
 *
 * @param item the catalog item's id (required)
 * @param requestedFor who it is for; {@code null} for the requester
 * @param form the form's values by field name: text, numbers, booleans, dates (or their text)
 * @param quantity how many, 1..1000
 * @param comment a comment for the approver and fulfillers (optional)
 */
public record SubmitRequest(
    @NotBlank @Size(max = 24) String item,
    @Size(max = 100) String requestedFor,
    @NotNull Map<@NotBlank @Size(max = 64) String, Object> form,
    @Min(1) @Max(1000) int quantity,
    @Size(max = 4000) String comment) {

  /** Copies the form, keeping its order. */
  public SubmitRequest {
    form = form == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(form));
  }

  /** @return a builder; nothing is checked until the API validates the built command */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SubmitRequest} commands. */
  public static final class Builder {
    private String item;
    private String requestedFor;
    private final Map<String, Object> form = new LinkedHashMap<>();
    private int quantity = 1;
    private String comment;

    private Builder() {}

    /** @param v the catalog item's id @return this */
    public Builder item(String v) {
      item = v;
      return this;
    }

    /** @param v who it is for (default: the requester) @return this */
    public Builder requestedFor(String v) {
      requestedFor = v;
      return this;
    }

    /** @param field a form field's name @param value its value @return this */
    public Builder value(String field, Object value) {
      form.put(field, value);
      return this;
    }

    /** @param values form values by field name, added to those given so far @return this */
    public Builder form(Map<String, ?> values) {
      form.putAll(values);
      return this;
    }

    /** @param v how many, default 1 @return this */
    public Builder quantity(int v) {
      quantity = v;
      return this;
    }

    /** @param v a comment @return this */
    public Builder comment(String v) {
      comment = v;
      return this;
    }

    /** @return the command */
    public SubmitRequest build() {
      return new SubmitRequest(item, requestedFor, form, quantity, comment);
    }
  }
}
