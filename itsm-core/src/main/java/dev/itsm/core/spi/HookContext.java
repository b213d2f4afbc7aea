package dev.itsm.core.spi;

import java.util.Map;

/**
 * What a {@link HookPoint} is told when a diagram calls it.
 *
 * @param hook the hook's name, e.g. {@code notify-vendor}
 * @param processKey the calling process, e.g. {@code itsm-incident}
 * @param elementId the calling element, e.g. {@code Task_EscalateToVendor}
 * @param recordNumber the record the process belongs to
 * @param variables the process variables (ids and primitives), read-only
 */
public record HookContext(String hook, String processKey, String elementId, String recordNumber,
    Map<String, Object> variables) {

  /** Copies the variables. */
  public HookContext {
    variables = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(variables));
  }

  /**
   * @param name a variable name
   * @return its value as text, or {@code null}
   */
  public String variable(String name) {
    Object v = variables.get(name);
    return v == null ? null : v.toString();
  }
}
