package dev.itsm.bpmn.internal;

import static dev.itsm.bpmn.internal.ChangeProcessModel.KEY;

import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeAction;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.internal.ChangeWorkflow;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.task.Task;

/** Drives {@code change.bpmn} along with the change record, inside the API call's command. */
public final class CamundaChangeWorkflow implements ChangeWorkflow {

  private final ProcessDriver driver;
  private final String changeManagers;
  private final String escalationGroup;

  /**
   * @param driver moves the change process instances
   * @param changeManagers the group assessing, scheduling and reviewing
   * @param escalationGroup the group that may decide once an authorisation is overdue
   */
  public CamundaChangeWorkflow(ProcessDriver driver, String changeManagers,
      String escalationGroup) {
    this.driver = driver;
    this.changeManagers = changeManagers;
    this.escalationGroup = escalationGroup;
  }

  @Override
  public void started(Change c) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(ChangeProcessModel.VAR_NUMBER, c.number());
    vars.put(ChangeProcessModel.VAR_TYPE, c.type().name());
    vars.put(ChangeProcessModel.VAR_CHANGE_MANAGERS, changeManagers);
    if (c.state() == ChangeState.AUTHORIZATION) {
      vars.putAll(authorization(c));
    }
    ProcessDriver.instanceOf(driver.engine(), KEY, c.tenant())
        .businessKey(c.number()).setVariables(vars).execute();
  }

  private static Map<String, Object> authorization(Change c) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(ChangeProcessModel.VAR_APPROVER_GROUPS, c.approverGroup());
    vars.put(ChangeProcessModel.VAR_AUTHORIZATION_DUE, Date.from(c.authorizationDue()));
    return vars;
  }

  @Override
  public void changed(ChangeAction action, Change before, Change after) {
    String n = after.number();
    switch (action) {
      case SUBMIT_FOR_AUTHORIZATION -> driver.complete(n, before.state(),
          ChangeProcessModel.ASSESSMENT, authorization(after));
      case DECIDE -> {
        if (after.state() != ChangeState.AUTHORIZATION) {
          driver.complete(n, before.state(), ChangeProcessModel.AUTHORIZATION,
              Map.of(ChangeProcessModel.VAR_AUTHORIZED, after.state() == ChangeState.AUTHORIZED));
        }
      }
      case SCHEDULE -> {
        if (before.state() == ChangeState.AUTHORIZED) {
          Map<String, Object> vars = new HashMap<>();
          vars.put(ChangeProcessModel.VAR_IMPLEMENTER_GROUP, after.implementerGroup());
          vars.put(ChangeProcessModel.VAR_IMPLEMENTER, after.implementer());
          driver.complete(n, before.state(), ChangeProcessModel.SCHEDULING, vars);
        } else if (!Objects.equals(before.implementer(), after.implementer())) {
          Task task = driver.task(n, ChangeProcessModel.IMPLEMENTATION);
          if (task != null) {
            driver.engine().getTaskService().setAssignee(task.getId(), after.implementer());
          }
        }
      }
      case RECORD_OUTCOME -> driver.complete(n, before.state(), ChangeProcessModel.IMPLEMENTATION,
          Map.of(ChangeProcessModel.VAR_REVIEW_REQUIRED, after.reviewRequired()));
      case COMPLETE_REVIEW -> driver.complete(n, before.state(), ChangeProcessModel.REVIEW,
          Map.of());
      case CANCEL -> driver.correlate(n, before.state(), ChangeProcessModel.MSG_CANCEL, Map.of());
      case ASSESS, START_IMPLEMENTATION, ADD_NOTE -> { }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
  }

  @Override
  public void escalated(Change c) {
    Task task = driver.task(c.number(), ChangeProcessModel.AUTHORIZATION);
    if (task != null) {
      driver.engine().getTaskService().addCandidateGroup(task.getId(), escalationGroup);
    }
  }
}
