package dev.itsm.bpmn.contract;

import java.util.List;

/**
 * What the Java API relies on in a shipped process: its key, the stages it finds by the extension
 * property {@code itsm.stage}, the messages it sends, and the library callbacks the diagram must
 * call. A customised diagram may move, rename, add and remove elements freely as long as this
 * holds. See the guide "Customising processes" in the README.
 *
 * @param key the process id (definition key), e.g. {@code itsm-incident}
 * @param stages the stages, each marked on exactly one element
 * @param messages message names the library correlates; each must be caught by the diagram
 * @param callbacks expressions the diagram must call (e.g. the auto-close), as written in it: in a
 *     service task, an execution listener, a user task's assignee or candidates, or a
 *     multi-instance collection
 */
public record ProcessContract(String key, List<Stage> stages, List<String> messages,
    List<String> callbacks) {

  /**
   * A stage: an element marked with {@code itsm.stage = name}.
   *
   * @param name the stage name, e.g. {@code resolution}
   * @param elementType the BPMN element type it must be, e.g. {@code userTask}
   * @param purpose what the library does with it
   */
  public record Stage(String name, String elementType, String purpose) {}

  /** The contract of {@code incident.bpmn}. */
  public static final ProcessContract INCIDENT = new ProcessContract("itsm-incident",
      List.of(
          new Stage("triage", "userTask", "completed by acknowledge(); its candidate group is the"
              + " service desk"),
          new Stage("resolution", "userTask", "completed by resolve(); reassign() moves its"
              + " candidate group and assignee; the message itsm.incident.putOnHold must be a"
              + " boundary event on it"),
          new Stage("on-hold", "intermediateCatchEvent", "waits for itsm.incident.resume"),
          new Stage("caller-confirmation", "eventBasedGateway", "waits for itsm.incident.close,"
              + " itsm.incident.reopen or the auto-close timer")),
      List.of("itsm.incident.putOnHold", "itsm.incident.resume", "itsm.incident.cancel",
          "itsm.incident.close", "itsm.incident.reopen"),
      List.of("${itsmIncidentProcess.closeAutomatically(execution)}"));

  /** The contract of {@code change.bpmn}. */
  public static final ProcessContract CHANGE = new ProcessContract("itsm-change",
      List.of(
          new Stage("assessment", "userTask", "completed by submitForAuthorization() of a normal"
              + " change, which sets approverGroups and authorizationDue"),
          new Stage("authorization", "userTask", "completed when the approval policy's outcome is"
              + " reached (variable authorized); candidate groups ${approverGroups}; the"
              + " escalation group is added when the deadline timer calls"
              + " itsmChangeProcess.authorizationOverdue"),
          new Stage("scheduling", "userTask", "completed by schedule(), which sets"
              + " implementerGroup and implementer"),
          new Stage("implementation", "userTask", "completed by recordOutcome(), which sets"
              + " reviewRequired"),
          new Stage("review", "userTask", "completed by completeReview()")),
      List.of("itsm.change.cancel"),
      List.of("${itsmChangeProcess.authorizationOverdue(execution)}"));

  /** The contract of {@code problem.bpmn}. */
  public static final ProcessContract PROBLEM = new ProcessContract("itsm-problem",
      List.of(
          new Stage("assessment", "userTask", "completed by startAnalysis()"),
          new Stage("analysis", "userTask", "completed by identifyRootCause()"),
          new Stage("fix", "userTask", "completed by resolve() (also when the fixing change"
              + " succeeds)"),
          new Stage("closure", "userTask", "completed by close()")),
      List.of("itsm.problem.cancel"),
      List.of());

  /** The contract of {@code major-incident.bpmn}. */
  public static final ProcessContract MAJOR_INCIDENT = new ProcessContract(
      "itsm-major-incident",
      List.of(
          new Stage("cadence", "eventBasedGateway", "waits for itsm.major.update (an update was"
              + " posted; nextUpdateDue is reset), the timer ${nextUpdateDue} (calls"
              + " itsmMajorIncident.updateMissed) or itsm.major.resolved"),
          new Stage("review", "userTask", "completed by completeReview()")),
      List.of("itsm.major.update", "itsm.major.resolved", "itsm.major.cancel"),
      List.of("${itsmMajorIncident.updateMissed(execution)}"));

  /** The contract of {@code request.bpmn}. */
  public static final ProcessContract REQUEST = new ProcessContract("itsm-request",
      List.of(
          new Stage("approval", "userTask", "completed when the approval policy's outcome is"
              + " reached (variable approved); reached only when approvalRequired"),
          new Stage("fulfilment", "userTask", "a multi-instance task, one instance per"
              + " fulfilment task of the current stage (loop variable fulfilmentTask = the"
              + " task's number); each instance is completed by completeTask(), and"
              + " startTask() sets its assignee"),
          new Stage("confirmation", "userTask", "completed by close(); the auto-close timer"
              + " calls itsmRequestProcess.closeAutomatically")),
      List.of("itsm.request.cancel"),
      List.of("${itsmRequestProcess.stages(execution)}",
          "${itsmRequestProcess.stageTasks(execution)}",
          "${itsmRequestProcess.fulfilled(execution)}",
          "${itsmRequestProcess.closeAutomatically(execution)}"));

  /** The contract of {@code sla-clock.bpmn}. */
  public static final ProcessContract SLA_CLOCK = new ProcessContract("itsm-sla-clock",
      List.of(),
      List.of("itsm.sla.changed", "itsm.sla.stopped"),
      List.of("${itsmServiceLevels.thresholdDue(execution)}"));

  /** @return the contracts of every shipped process */
  public static List<ProcessContract> all() {
    return List.of(INCIDENT, CHANGE, PROBLEM, MAJOR_INCIDENT, REQUEST, SLA_CLOCK);
  }
}
