package dev.itsm.bpmn.internal;

import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemAction;
import dev.itsm.core.problem.internal.ProblemWorkflow;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.task.Task;

/** Drives {@code problem.bpmn} along with the problem record, inside the API call's command. */
public final class CamundaProblemWorkflow implements ProblemWorkflow {

  /** Process definition key. */
  public static final String KEY = "itsm-problem";
  /** Message: cancel. */
  public static final String MSG_CANCEL = "itsm.problem.cancel";

  private final ProcessDriver driver;
  private final String problemManagers;

  /**
   * @param driver moves the problem process instances
   * @param problemManagers the problem managers group
   */
  public CamundaProblemWorkflow(ProcessDriver driver, String problemManagers) {
    this.driver = driver;
    this.problemManagers = problemManagers;
  }

  @Override
  public void started(Problem p) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("problemNumber", p.number());
    vars.put("problemManagers", problemManagers);
    vars.put("problemManager", p.problemManager());
    ProcessDriver.instanceOf(driver.engine(), KEY, p.tenant()).businessKey(p.number())
        .setVariables(vars).execute();
  }

  @Override
  public void changed(ProblemAction action, Problem before, Problem after) {
    String n = after.number();
    if (!Objects.equals(before.problemManager(), after.problemManager())) {
      driver.engine().getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(KEY).processInstanceBusinessKey(n).list()
          .forEach(pi -> driver.engine().getRuntimeService().setVariable(pi.getId(),
              "problemManager", after.problemManager()));
      for (Task t : driver.openTasks(n)) {
        driver.engine().getTaskService().setAssignee(t.getId(), after.problemManager());
      }
    }
    switch (action) {
      case START_ANALYSIS -> driver.complete(n, before.state(), "assessment", Map.of());
      case IDENTIFY_ROOT_CAUSE -> driver.complete(n, before.state(), "analysis", Map.of());
      case RESOLVE -> driver.complete(n, before.state(), "fix", Map.of());
      case CLOSE -> driver.complete(n, before.state(), "closure", Map.of());
      case CANCEL -> driver.correlate(n, before.state(), MSG_CANCEL, Map.of());
      default -> { }
    }
  }
}
