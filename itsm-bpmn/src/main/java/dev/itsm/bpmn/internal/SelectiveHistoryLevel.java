package dev.itsm.bpmn.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Camunda's {@code activity} or {@code audit} history level for every process except those whose
 * diagram says {@code itsm.history = none} (an extension property on the process): their process
 * instances, activity instances, tasks and variables write no engine history.
 *
 * <p>The shipped service-level clock process says so: each incident runs two or three clock
 * instances, and their engine history (process and activity instances, variables, and the
 * removal-time updates of all history tables when an instance ends) repeated what
 * {@code itsm_sla_history} records anyway, at about a third of the SQL statements of an incident's
 * lifecycle.
 *
 * <p>The level has the id of the level it narrows (1 or 2) and a name of its own
 * ({@code itsm-activity}, {@code itsm-audit}). Camunda stores the id in {@code ACT_GE_PROPERTY}
 * ({@code historyLevel}) and refuses to start on a database whose id differs from the configured
 * one; with the same id, databases created with the plain level open with this one and the other
 * way round, and tools on a plain engine (Cockpit) keep working. The history that is written is
 * the plain level's. {@code full} is never narrowed: Camunda recognises it by its class when
 * deleting history.
 *
 * <p>Whether a process opts out is decided by the process definition, so instances started on a
 * definition without the property (before an upgrade, say) keep writing their history to the end.
 */
public final class SelectiveHistoryLevel extends AbstractHistoryLevel {

  /** The extension property on a diagram's process. */
  public static final String PROPERTY = "itsm.history";
  /** Its value for "no engine history". */
  public static final String NONE = "none";
  /** Where the parse listener marks a definition that opted out. */
  private static final String MARK = SelectiveHistoryLevel.class.getName() + ".none";

  private final HistoryLevel level;
  private final String name;
  /** Process definition id: whether it opted out. Definitions never change once deployed. */
  private final Map<String, Boolean> optedOut = new ConcurrentHashMap<>();

  /**
   * @param level Camunda's {@code activity} or {@code audit} level
   */
  public SelectiveHistoryLevel(HistoryLevel level) {
    Objects.requireNonNull(level, "level");
    if (!level.equals(HistoryLevel.HISTORY_LEVEL_ACTIVITY)
        && !level.equals(HistoryLevel.HISTORY_LEVEL_AUDIT)) {
      throw new IllegalArgumentException("only activity and audit can be narrowed, not " + level);
    }
    this.level = level;
    this.name = "itsm-" + level.getName();
  }

  /**
   * @return the parse listener that marks the process definitions whose diagram says
   *     {@code itsm.history = none}; register it with the engine configuration
   */
  public static BpmnParseListener parseListener() {
    return new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        Map<String, String> properties =
            BpmnParseUtil.parseCamundaExtensionProperties(processElement);
        if (properties != null && NONE.equals(properties.get(PROPERTY))) {
          definition.setProperty(MARK, Boolean.TRUE);
        }
      }
    };
  }

  @Override
  public int getId() {
    return level.getId();
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (!level.isHistoryEventProduced(eventType, entity)) {
      return false;
    }
    // entity null: "is this type produced at all" (asked when parsing diagrams)
    String definitionId = definitionId(entity);
    return definitionId == null || !optedOut(definitionId);
  }

  private static String definitionId(Object entity) {
    if (entity instanceof ExecutionEntity execution) {
      return execution.getProcessDefinitionId();
    }
    if (entity instanceof VariableInstanceEntity variable) {
      return variable.getProcessDefinitionId();
    }
    if (entity instanceof TaskEntity task) {
      return task.getProcessDefinitionId();
    }
    return null; // anything else keeps its history (migrations of the library's processes)
  }

  private boolean optedOut(String definitionId) {
    Boolean known = optedOut.get(definitionId);
    if (known != null) {
      return known;
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    if (configuration == null) {
      return false;
    }
    ProcessDefinitionEntity definition = configuration.getDeploymentCache()
        .findDeployedProcessDefinitionById(definitionId);
    boolean out = definition != null && Boolean.TRUE.equals(definition.getProperty(MARK));
    optedOut.put(definitionId, out);
    return out;
  }
}
