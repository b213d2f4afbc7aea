package dev.itsm.core.audit;

/**
 * One field changed by a call.
 *
 * @param field the field's path, e.g. {@code state} or {@code milestones.resolvedAt}
 * @param oldValue the value before, as text ({@code null} when empty)
 * @param newValue the value after, as text ({@code null} when empty)
 */
public record FieldChange(String field, String oldValue, String newValue) {}
