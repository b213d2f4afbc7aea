package dev.itsm.bpmn.internal;

import static dev.itsm.bpmn.internal.IncidentProcessModel.KEY;

import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentAction;
import dev.itsm.core.incident.internal.IncidentWorkflow;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** Drives {@code incident.bpmn} along with the incident record, inside the API call's command. */
public final class CamundaIncidentWorkflow implements IncidentWorkflow {

  private final ProcessEngine engine;
  private final String triageGroup;
  private final Duration autoCloseAfter;
  private static final String TRIAGE = "triage";
  private static final String RESOLUTION = "resolution";
  private final ProcessDriver driver;

  /**
   * @param engine the process engine
   * @param triageGroup the group that triages new incidents
   * @param autoCloseAfter how long a resolved incident waits before it closes automatically
   * @param stages finds the stage elements in the diagram version each incident runs on
   */
  public CamundaIncidentWorkflow(ProcessEngine engine, String triageGroup,
      Duration autoCloseAfter, StageResolver stages) {
    this.engine = engine;
    this.triageGroup = triageGroup;
    this.autoCloseAfter = autoCloseAfter;
    this.driver = new ProcessDriver(engine, KEY, stages);
  }

  @Override
  public void started(Incident incident) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(IncidentProcessModel.VAR_NUMBER, incident.number());
    vars.put(IncidentProcessModel.VAR_TRIAGE_GROUP, triageGroup);
    vars.put(IncidentProcessModel.VAR_GROUP, incident.assignmentGroup());
    vars.put(IncidentProcessModel.VAR_AUTO_CLOSE_AFTER, autoCloseAfter.toString());
    vars.put(IncidentProcessModel.VAR_REOPENED, Boolean.FALSE);
    ProcessDriver.instanceOf(driver.engine(), KEY, incident.tenant())
        .businessKey(incident.number())
        .setVariables(vars)
        .execute();
    syncAssignee(incident);
  }

  @Override
  public void changed(IncidentAction action, Incident before, Incident after) {
    switch (action) {
      case ASSIGN -> assign(after);
      case ACKNOWLEDGE -> {
        complete(after, TRIAGE);
        syncAssignee(after);
      }
      case PUT_ON_HOLD -> correlate(after, IncidentProcessModel.MSG_PUT_ON_HOLD, Map.of());
      case RESUME -> {
        correlate(after, IncidentProcessModel.MSG_RESUME, Map.of());
        syncAssignee(after);
      }
      case RESOLVE -> complete(after, RESOLUTION);
      case REOPEN -> {
        correlate(after, IncidentProcessModel.MSG_REOPEN,
            Map.of(IncidentProcessModel.VAR_REOPENED, Boolean.TRUE));
        syncAssignee(after);
      }
      case CLOSE -> correlate(after, IncidentProcessModel.MSG_CLOSE, Map.of());
      case CANCEL -> correlate(after, IncidentProcessModel.MSG_CANCEL, Map.of());
      case ADD_WORK_NOTE, REPRIORITIZE -> { }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
  }

  private void assign(Incident incident) {
    engine.getRuntimeService().createExecutionQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(incident.number())
        .list().stream().filter(e -> e.getProcessInstanceId().equals(e.getId())).findFirst()
        .ifPresent(pi -> engine.getRuntimeService().setVariable(pi.getId(),
            IncidentProcessModel.VAR_GROUP, incident.assignmentGroup()));
    TaskService tasks = engine.getTaskService();
    Task resolve = task(incident, RESOLUTION);
    if (resolve != null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(resolve.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && !link.getGroupId().equals(incident.assignmentGroup())) {
          tasks.deleteCandidateGroup(resolve.getId(), link.getGroupId());
        }
      }
      tasks.addCandidateGroup(resolve.getId(), incident.assignmentGroup());
    }
    syncAssignee(incident);
  }

  private void syncAssignee(Incident incident) {
    for (Task t : openTasks(incident)) {
      if (!Objects.equals(t.getAssignee(), incident.assignee())) {
        engine.getTaskService().setAssignee(t.getId(), incident.assignee());
      }
    }
  }

  private java.util.List<Task> openTasks(Incident incident) {
    return driver.openTasks(incident.number());
  }

  private Task task(Incident incident, String stage) {
    return driver.task(incident.number(), stage);
  }

  private void complete(Incident incident, String stage) {
    driver.complete(incident.number(), incident.state(), stage, Map.of());
  }

  private void correlate(Incident incident, String message, Map<String, Object> vars) {
    driver.correlate(incident.number(), incident.state(), message, vars);
  }
}
