package dev.itsm.bpmn.internal;

/**
 * Names the Java side uses with {@code request.bpmn}: message and variable names. Stages are found
 * by their {@code itsm.stage} property (see {@code ProcessContract.REQUEST}).
 */
public final class RequestProcessModel {

  /** Process definition key. */
  public static final String KEY = "itsm-request";

  /** Message: cancel. */
  public static final String MSG_CANCEL = "itsm.request.cancel";

  /** Stage: approval, completed when the approval policy's outcome is reached. */
  public static final String APPROVAL = "approval";
  /** Stage: the multi-instance fulfilment task, one instance per task of the current stage. */
  public static final String FULFILMENT = "fulfilment";
  /** Stage: the requester's confirmation, completed by close. */
  public static final String CONFIRMATION = "confirmation";

  /** Variable: request number. */
  public static final String VAR_NUMBER = "requestNumber";
  /** Variable: the catalog item's id. */
  public static final String VAR_ITEM = "itemId";
  /** Variable: whether the request needs approval. */
  public static final String VAR_APPROVAL_REQUIRED = "approvalRequired";
  /** Variable: whether the item runs its own process. */
  public static final String VAR_OWN_PROCESS = "ownProcess";
  /** Variable: the key of the item's own process, or null. */
  public static final String VAR_FULFILMENT_PROCESS = "fulfilmentProcess";
  /** Variable: the requester. */
  public static final String VAR_REQUESTED_BY = "requestedBy";
  /** Variable: who the request is for. */
  public static final String VAR_REQUESTED_FOR = "requestedFor";
  /** Variable: the auto-close period, ISO-8601. */
  public static final String VAR_AUTO_CLOSE_AFTER = "autoCloseAfter";
  /** Variable: whether the request was approved (set on the approval). */
  public static final String VAR_APPROVED = "approved";
  /** Loop variable of the stages: the stage number. */
  public static final String VAR_STAGE = "fulfilmentStage";
  /** Loop variable of a stage's tasks: the task's number within the request. */
  public static final String VAR_TASK = "fulfilmentTask";

  /** Name of the callback bean the diagram calls. */
  public static final String CALLBACK_BEAN = "itsmRequestProcess";

  private RequestProcessModel() {}
}
