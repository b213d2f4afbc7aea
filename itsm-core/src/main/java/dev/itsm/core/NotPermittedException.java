package dev.itsm.core;

/**
 * The actor may not do what was asked, under a named rule (e.g. {@code segregation-of-duties}:
 * the requester of a change cannot approve it). Nothing was changed.
 */
public class NotPermittedException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String rule;
  private final String actorId;

  /**
   * @param rule the rule's name, e.g. {@code segregation-of-duties}, {@code not-an-approver}
   * @param actorId the refused actor
   * @param message what was refused and what to do instead
   */
  public NotPermittedException(String rule, String actorId, String message) {
    super("ITSM-NOT-PERMITTED", message + " [" + rule + "]");
    this.rule = rule;
    this.actorId = actorId;
  }

  /** @return the rule's name */
  public String rule() {
    return rule;
  }

  /** @return the refused actor's id */
  public String actorId() {
    return actorId;
  }
}
