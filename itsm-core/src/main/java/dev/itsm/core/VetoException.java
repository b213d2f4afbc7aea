package dev.itsm.core;

/**
 * Thrown by a "before" hook to refuse a change. The call fails with this exception and nothing
 * changes.
 *
 * <pre>{@code
 * engine = ItsmEngine.builder()
 *     .beforeHook(event -> {
 *       if (event instanceof IncidentEvent.Resolved r && r.incident().resolutionNotes().isBlank()) {
 *         throw new VetoException("resolution-notes", "explain the fix before resolving");
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public final class VetoException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String hook;
  private final String reason;

  /**
   * @param hook a short name of the vetoing hook, for logs and callers
   * @param reason why the change is refused, phrased for the end user
   */
  public VetoException(String hook, String reason) {
    super("ITSM-VETO", "Refused by hook '" + hook + "': " + reason);
    this.hook = hook;
    this.reason = reason;
  }

  /** @return the name of the vetoing hook */
  public String hook() {
    return hook;
  }

  /** @return why the change was refused */
  public String reason() {
    return reason;
  }
}
