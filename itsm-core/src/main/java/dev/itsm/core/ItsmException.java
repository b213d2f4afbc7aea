package dev.itsm.core;

/**
 * Root of every exception the ITSM library throws on purpose.
 *
 * <p>It is unchecked; catch it (or one of its typed children) at the edge of the host application.
 * Every instance carries a stable {@link #code() error code} that a host can map to its own
 * messages or HTTP statuses, e.g. {@code ITSM-VALIDATION} or {@code ITSM-ILLEGAL-TRANSITION}.
 */
public class ItsmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * @param code a stable error code such as {@code ITSM-NOT-FOUND}
   * @param message what went wrong and, where possible, what to do about it
   */
  public ItsmException(String code, String message) {
    super(message);
    this.code = code;
  }

  /**
   * @param code a stable error code
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure
   */
  public ItsmException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** @return the stable error code, e.g. {@code ITSM-VALIDATION} */
  public String code() {
    return code;
  }

  /**
   * Whether repeating the same call may succeed (e.g. after a concurrent update); the state of the
   * system is unchanged by the failed call either way.
   *
   * @return {@code true} when a retry may succeed
   */
  public boolean isRetryable() {
    return false;
  }
}
