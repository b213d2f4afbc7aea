package dev.itsm.bpmn.internal;

import static dev.itsm.bpmn.internal.RequestProcessModel.KEY;

import dev.itsm.core.ItsmException;
import dev.itsm.core.request.FulfilmentTaskState;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestAction;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.RequestTask;
import dev.itsm.core.request.internal.RequestWorkflow;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;

/** Drives {@code request.bpmn} along with the request record, inside the API call's command. */
public final class CamundaRequestWorkflow implements RequestWorkflow {

  private final ProcessDriver driver;
  private final Duration autoCloseAfter;

  /**
   * @param driver moves the request process instances
   * @param autoCloseAfter how long a fulfilled request waits for confirmation
   */
  public CamundaRequestWorkflow(ProcessDriver driver, Duration autoCloseAfter) {
    this.driver = driver;
    this.autoCloseAfter = autoCloseAfter;
  }

  @Override
  public void started(Request r) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(RequestProcessModel.VAR_NUMBER, r.number());
    vars.put(RequestProcessModel.VAR_ITEM, r.item());
    vars.put(RequestProcessModel.VAR_APPROVAL_REQUIRED,
        r.state() == RequestState.AWAITING_APPROVAL);
    vars.put(RequestProcessModel.VAR_OWN_PROCESS, r.fulfilmentProcess() != null);
    vars.put(RequestProcessModel.VAR_FULFILMENT_PROCESS, r.fulfilmentProcess());
    vars.put(RequestProcessModel.VAR_REQUESTED_BY, r.requestedBy());
    vars.put(RequestProcessModel.VAR_REQUESTED_FOR, r.requestedFor());
    vars.put(RequestProcessModel.VAR_AUTO_CLOSE_AFTER, autoCloseAfter.toString());
    ProcessDriver.instanceOf(driver.engine(), KEY, r.tenant())
        .businessKey(r.number()).setVariables(vars).execute();
  }

  @Override
  public void changed(RequestAction action, Request before, Request after) {
    String n = after.number();
    switch (action) {
      case DECIDE -> {
        if (after.state() != RequestState.AWAITING_APPROVAL) {
          driver.complete(n, before.state(), RequestProcessModel.APPROVAL,
              Map.of(RequestProcessModel.VAR_APPROVED, after.state() != RequestState.REJECTED));
        }
      }
      case START_TASK -> {
        RequestTask started = changedTask(before, after, FulfilmentTaskState.IN_PROGRESS);
        driver.engine().getTaskService().setAssignee(fulfilmentTask(before, started).getId(),
            started.assignee());
      }
      case COMPLETE_TASK -> {
        RequestTask done = changedTask(before, after, FulfilmentTaskState.DONE);
        driver.engine().getTaskService().complete(fulfilmentTask(before, done).getId());
      }
      case CLOSE -> driver.complete(n, before.state(), RequestProcessModel.CONFIRMATION,
          Map.of());
      case CANCEL -> driver.correlate(n, before.state(), RequestProcessModel.MSG_CANCEL,
          Map.of());
      case ADD_NOTE -> { }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
  }

  private static RequestTask changedTask(Request before, Request after,
      FulfilmentTaskState state) {
    return after.tasks().stream().filter(t -> t.state() == state
        && before.task(t.number()).map(b -> b.state() != state).orElse(true)).findFirst()
        .orElseThrow(() -> new IllegalStateException(after.number() + ": no task became "
            + state));
  }

  /** The open process task of one fulfilment task (by the loop variable of its instance). */
  private Task fulfilmentTask(Request r, RequestTask task) {
    Optional<Task> found = driver.tasks(r.number(), RequestProcessModel.FULFILMENT).stream()
        .filter(t -> {
          Object v = driver.engine().getTaskService().getVariable(t.getId(),
              RequestProcessModel.VAR_TASK);
          return v instanceof Number no && no.intValue() == task.number();
        }).findFirst();
    return found.orElseThrow(() -> new ItsmException("ITSM-PROCESS-OUT-OF-STEP", r.number()
        + " is " + r.state() + " but its process has no open task for fulfilment task "
        + task.number() + " (" + task.name() + "); nothing was changed. The process instance"
        + " was probably modified or deleted outside the ITSM API."));
  }

  @Override
  public boolean knowsProcess(String key, String tenant) {
    ProcessDefinitionQuery query = driver.engine().getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(key);
    String camunda = ProcessDriver.camundaTenant(tenant);
    return (camunda == null ? query.withoutTenantId() : query.tenantIdIn(camunda)).count() > 0;
  }
}
