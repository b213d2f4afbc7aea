package dev.itsm.core;

/**
 * Someone else changed the record (or its process) between this call's read and write. Nothing was
 * changed by this call; reload and retry.
 */
public final class ConcurrentModificationException extends ItsmException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what conflicted
   * @param cause the underlying conflict, may be {@code null}
   */
  public ConcurrentModificationException(String message, Throwable cause) {
    super("ITSM-CONFLICT", message + "; nothing was changed, reload the record and retry", cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
