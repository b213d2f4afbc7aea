package dev.itsm.bpmn.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.internal.DefaultRequestService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code itsmRequestProcess} that {@code request.bpmn} calls. The collections of the
 * fulfilment multi-instances and the candidates of its tasks come from the request record (the
 * source of truth), so no process variable holds a list. Runs inside the calling command, so
 * record changes commit with the process step.
 */
public final class RequestProcessCallbacks {

  private static final Logger LOG = LoggerFactory.getLogger(RequestProcessCallbacks.class);

  private volatile DefaultRequestService service;

  /** @param service the request service, set once the engine is built */
  public void bind(DefaultRequestService service) {
    this.service = service;
  }

  private Request request(DelegateExecution execution) {
    return service.get(Actor.system(), execution.getProcessBusinessKey());
  }

  /**
   * @param execution the execution
   * @return the user id of the manager who approves, or none
   */
  public List<String> approvers(DelegateExecution execution) {
    String approver = request(execution).approver();
    return approver == null ? List.of() : List.of(approver);
  }

  /**
   * @param execution the execution
   * @return the approver group, or none
   */
  public List<String> approverGroups(DelegateExecution execution) {
    String group = request(execution).approverGroup();
    return group == null ? List.of() : List.of(group);
  }

  /**
   * @param execution the execution
   * @return who may confirm receipt: the requester and the person the request is for
   */
  public List<String> recipients(DelegateExecution execution) {
    Request r = request(execution);
    return r.requestedBy().equals(r.requestedFor()) ? List.of(r.requestedBy())
        : List.of(r.requestedBy(), r.requestedFor());
  }

  /**
   * @param execution the execution
   * @return the request's fulfilment stages, in order (the outer, sequential multi-instance)
   */
  public List<Integer> stages(DelegateExecution execution) {
    return service.stages(execution.getProcessBusinessKey());
  }

  /**
   * @param execution an execution of one stage ({@code fulfilmentStage})
   * @return the numbers of the stage's tasks (the inner, parallel multi-instance)
   */
  public List<Integer> stageTasks(DelegateExecution execution) {
    Number stage = (Number) execution.getVariable(RequestProcessModel.VAR_STAGE);
    return service.stageTasks(execution.getProcessBusinessKey(), stage.intValue());
  }

  /**
   * @param execution an execution of one task ({@code fulfilmentTask})
   * @return the task's group, its candidate group
   */
  public String taskGroup(DelegateExecution execution) {
    Number task = (Number) execution.getVariable(RequestProcessModel.VAR_TASK);
    return request(execution).task(task.intValue()).orElseThrow().group();
  }

  /**
   * The item's own fulfilment process ended.
   *
   * @param execution the execution
   */
  public void fulfilled(DelegateExecution execution) {
    service.fulfilledByProcess(execution.getProcessBusinessKey());
  }

  /**
   * The auto-close period of a fulfilled request elapsed.
   *
   * @param execution the execution
   */
  public void closeAutomatically(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (service.closeAutomatically(number)) {
      LOG.info("{}: closed automatically", number);
    }
  }
}
