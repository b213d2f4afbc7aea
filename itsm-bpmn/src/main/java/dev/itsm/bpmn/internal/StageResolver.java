package dev.itsm.bpmn.internal;

import dev.itsm.bpmn.contract.DiagramValidator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * Finds the element of a stage ({@code itsm.stage}) in the version of a diagram a process instance
 * runs on: records started on an older version keep working after a new version with renamed
 * elements is deployed. Cached per process definition.
 */
public final class StageResolver {

  private final ProcessEngine engine;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  /** @param engine the process engine */
  public StageResolver(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * @param processDefinitionId a deployed definition
   * @param stage a stage name
   * @return the id of the element marked with that stage, or {@code null}
   */
  public String elementId(String processDefinitionId, String stage) {
    return byDefinition.computeIfAbsent(processDefinitionId, this::load).get(stage);
  }

  private Map<String, String> load(String processDefinitionId) {
    BpmnModelInstance model = engine.getRepositoryService()
        .getBpmnModelInstance(processDefinitionId);
    Map<String, String> stages = new HashMap<>();
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      String stage = DiagramValidator.property(e, DiagramValidator.STAGE);
      if (stage != null) {
        stages.put(stage, e.getId());
      }
    }
    return stages;
  }
}
