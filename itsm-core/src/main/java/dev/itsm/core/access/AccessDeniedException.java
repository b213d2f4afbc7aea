package dev.itsm.core.access;

import dev.itsm.core.NotPermittedException;

/**
 * The engine's access policy refused a call: the actor lacks the named {@link Permission} (on the
 * named record, when there is one). Nothing was changed and nothing was read. A subtype of
 * {@link NotPermittedException}, whose {@link #rule()} is {@code permission:<id>}, so one catch
 * handles every refusal.
 */
public final class AccessDeniedException extends NotPermittedException {

  private static final long serialVersionUID = 1L;

  private final transient Permission permission;
  private final String recordNumber;

  /**
   * @param permission the missing permission
   * @param actorId the refused actor
   * @param recordNumber the record acted on, or {@code null}
   * @param reason the policy's reason
   */
  public AccessDeniedException(Permission permission, String actorId, String recordNumber,
      String reason) {
    super("permission:" + permission.id(), actorId, actorId + " lacks the permission "
        + permission.id() + (recordNumber == null ? "" : " on " + recordNumber) + ": " + reason);
    this.permission = permission;
    this.recordNumber = recordNumber;
  }

  /** @return the missing permission */
  public Permission permission() {
    return permission;
  }

  /** @return the record acted on, or {@code null} for calls on no record */
  public String recordNumber() {
    return recordNumber;
  }
}
