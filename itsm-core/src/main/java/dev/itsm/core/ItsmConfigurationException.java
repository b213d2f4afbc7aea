package dev.itsm.core;

/** The library was configured wrongly or could not start; the message says what to change. */
public final class ItsmConfigurationException extends ItsmException {

  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and what to do */
  public ItsmConfigurationException(String message) {
    super("ITSM-CONFIGURATION", message);
  }

  /**
   * @param message what is wrong and what to do
   * @param cause the underlying failure
   */
  public ItsmConfigurationException(String message, Throwable cause) {
    super("ITSM-CONFIGURATION", message, cause);
  }
}
