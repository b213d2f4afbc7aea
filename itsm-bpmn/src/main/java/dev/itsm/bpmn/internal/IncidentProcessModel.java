package dev.itsm.bpmn.internal;

/**
 * Names the Java side uses with {@code incident.bpmn}: message and variable names. Stages are
 * found by their {@code itsm.stage} property (see {@code ProcessContract.INCIDENT}), not by id.
 */
public final class IncidentProcessModel {

  /** Process definition key. */
  public static final String KEY = "itsm-incident";

  /** Message: put on hold. */
  public static final String MSG_PUT_ON_HOLD = "itsm.incident.putOnHold";
  /** Message: resume. */
  public static final String MSG_RESUME = "itsm.incident.resume";
  /** Message: cancel. */
  public static final String MSG_CANCEL = "itsm.incident.cancel";
  /** Message: close. */
  public static final String MSG_CLOSE = "itsm.incident.close";
  /** Message: reopen. */
  public static final String MSG_REOPEN = "itsm.incident.reopen";

  /** Variable: incident number. */
  public static final String VAR_NUMBER = "incidentNumber";
  /** Variable: triage group. */
  public static final String VAR_TRIAGE_GROUP = "triageGroup";
  /** Variable: assignment group. */
  public static final String VAR_GROUP = "assignmentGroup";
  /** Variable: ISO-8601 auto-close period. */
  public static final String VAR_AUTO_CLOSE_AFTER = "autoCloseAfter";
  /** Variable: whether the incident was reopened. */
  public static final String VAR_REOPENED = "reopened";

  /** Name of the callback bean the diagram's service tasks call. */
  public static final String CALLBACK_BEAN = "itsmIncidentProcess";

  private IncidentProcessModel() {}
}
