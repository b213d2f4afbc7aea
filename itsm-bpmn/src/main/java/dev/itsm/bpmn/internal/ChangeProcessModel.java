package dev.itsm.bpmn.internal;

/**
 * Names the Java side uses with {@code change.bpmn}: message and variable names. Stages are found
 * by their {@code itsm.stage} property (see {@code ProcessContract.CHANGE}).
 */
public final class ChangeProcessModel {

  /** Process definition key. */
  public static final String KEY = "itsm-change";

  /** Message: cancel. */
  public static final String MSG_CANCEL = "itsm.change.cancel";

  /** Stage: assessment (normal changes), completed by submitForAuthorization. */
  public static final String ASSESSMENT = "assessment";
  /** Stage: authorisation, completed when the approval policy's outcome is reached. */
  public static final String AUTHORIZATION = "authorization";
  /** Stage: scheduling, completed by schedule. */
  public static final String SCHEDULING = "scheduling";
  /** Stage: implementation, completed by recordOutcome. */
  public static final String IMPLEMENTATION = "implementation";
  /** Stage: post-implementation review, completed by completeReview. */
  public static final String REVIEW = "review";

  /** Variable: change number. */
  public static final String VAR_NUMBER = "changeNumber";
  /** Variable: STANDARD, NORMAL or EMERGENCY. */
  public static final String VAR_TYPE = "changeType";
  /** Variable: the change managers group. */
  public static final String VAR_CHANGE_MANAGERS = "changeManagers";
  /** Variable: comma-separated candidate groups of the authorisation task. */
  public static final String VAR_APPROVER_GROUPS = "approverGroups";
  /** Variable: when the authorisation escalates ({@code java.util.Date}). */
  public static final String VAR_AUTHORIZATION_DUE = "authorizationDue";
  /** Variable: whether the change was authorised. */
  public static final String VAR_AUTHORIZED = "authorized";
  /** Variable: the implementing group. */
  public static final String VAR_IMPLEMENTER_GROUP = "implementerGroup";
  /** Variable: the implementer, or null. */
  public static final String VAR_IMPLEMENTER = "implementer";
  /** Variable: whether a post-implementation review is required. */
  public static final String VAR_REVIEW_REQUIRED = "reviewRequired";

  /** Name of the callback bean the diagram calls. */
  public static final String CALLBACK_BEAN = "itsmChangeProcess";

  private ChangeProcessModel() {}
}
