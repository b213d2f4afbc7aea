package dev.itsm.bpmn.internal;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves the process instance of one record (business key = record number) of one process: finds
 * open tasks by stage ({@code itsm.stage}, in the diagram version the instance runs on), completes
 * them, correlates messages, and reports a process that is out of step with its record.
 */
public final class ProcessDriver {

  private final ProcessEngine engine;
  private final String key;
  private final StageResolver stages;

  /**
   * @param engine the process engine
   * @param key the process definition key
   * @param stages finds stage elements per definition
   */
  public ProcessDriver(ProcessEngine engine, String key, StageResolver stages) {
    this.engine = engine;
    this.key = key;
    this.stages = stages;
  }

  /**
   * The Camunda tenant id of an ITSM tenant: none for the default tenant (its deployments and
   * instances carry no tenant id, as before tenants existed), the tenant id otherwise.
   *
   * @param tenant an ITSM tenant id
   * @return the Camunda tenant id, or {@code null}
   */
  public static String camundaTenant(String tenant) {
    return tenant == null || Actor.DEFAULT_TENANT.equals(tenant) ? null : tenant;
  }

  /**
   * Starts building an instance of a process for a record of a tenant, on that tenant's
   * deployment.
   *
   * @param engine the engine
   * @param key the process key
   * @param tenant the record's ITSM tenant
   * @return the builder; set the business key and variables, then execute
   */
  public static ProcessInstantiationBuilder instanceOf(ProcessEngine engine, String key,
      String tenant) {
    ProcessInstantiationBuilder b = engine.getRuntimeService().createProcessInstanceByKey(key);
    String camunda = camundaTenant(tenant);
    return camunda == null ? b.processDefinitionWithoutTenantId()
        : b.processDefinitionTenantId(camunda);
  }

  /** @return the process engine */
  public ProcessEngine engine() {
    return engine;
  }

  /**
   * The record's open tasks, including those created earlier in the current command (a task
   * query reads the database, which does not see them before the command flushes, e.g. when one
   * call acknowledges and then resolves a child incident) and without those completed earlier in
   * it.
   *
   * @param number a record
   * @return its open tasks
   */
  public List<Task> openTasks(String number) {
    List<Task> fromDb = engine.getTaskService().createTaskQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(number).list();
    CommandContext cc = Context.getCommandContext();
    if (cc == null) {
      return fromDb;
    }
    Set<String> instances = new HashSet<>();
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(number).list().forEach(pi -> instances.add(pi.getId()));
    Map<String, Task> open = new LinkedHashMap<>();
    for (Task t : fromDb) {
      if (!(t instanceof TaskEntity te && te.isDeleted())) {
        open.put(t.getId(), t);
      }
    }
    for (TaskEntity t : cc.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class)) {
      if (instances.contains(t.getProcessInstanceId()) && !t.isDeleted()) {
        open.putIfAbsent(t.getId(), t);
      }
    }
    return new ArrayList<>(open.values());
  }

  /** @param number a record @param stage a stage @return its open task of that stage, or null */
  public Task task(String number, String stage) {
    return tasks(number, stage).stream().findFirst().orElse(null);
  }

  /**
   * @param number a record
   * @param stage a stage
   * @return its open tasks of that stage (several for a multi-instance stage)
   */
  public List<Task> tasks(String number, String stage) {
    return openTasks(number).stream()
        .filter(t -> t.getTaskDefinitionKey().equals(
            stages.elementId(t.getProcessDefinitionId(), stage)))
        .toList();
  }

  /**
   * Completes the record's open task of a stage.
   *
   * @param number the record
   * @param state its state, for the message
   * @param stage the stage
   * @param variables process variables to set
   * @throws ItsmException {@code ITSM-PROCESS-OUT-OF-STEP} when no such task is open
   */
  public void complete(String number, Object state, String stage, Map<String, Object> variables) {
    Task task = task(number, stage);
    if (task == null) {
      throw outOfStep(number, state, "no open task of the " + stage + " stage");
    }
    engine.getTaskService().complete(task.getId(), variables);
  }

  /**
   * Correlates a message to the record's process instance.
   *
   * @param number the record
   * @param state its state, for the message
   * @param message the message name
   * @param variables process variables to set
   * @throws ItsmException {@code ITSM-PROCESS-OUT-OF-STEP} when the process does not wait for it
   */
  public void correlate(String number, Object state, String message,
      Map<String, Object> variables) {
    try {
      engine.getRuntimeService().createMessageCorrelation(message)
          .processInstanceBusinessKey(number)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw outOfStep(number, state, "its process does not wait for message " + message);
    }
  }

  private static ItsmException outOfStep(String number, Object state, String detail) {
    return new ItsmException("ITSM-PROCESS-OUT-OF-STEP", number + " is " + state + " but "
        + detail + "; nothing was changed. The process instance was probably modified or"
        + " deleted outside the ITSM API.");
  }
}
