package dev.itsm.bpmn.contract;

import dev.itsm.core.ContractViolationException;
import dev.itsm.core.ContractViolationException.Problem;
import java.util.List;
import java.util.Map;

/**
 * The result of checking one diagram: every problem found, and where each stage of its contract
 * is (element ids), for the library to drive the process.
 *
 * @param source the file or resource checked
 * @param processKey the executable process's id, or {@code null} when none could be read
 * @param problems every problem, in the order found (empty when the diagram is fine)
 * @param stages stage name → element id
 */
public record DiagramReport(String source, String processKey, List<Problem> problems,
    Map<String, String> stages) {

  /** Copies the collections. */
  public DiagramReport {
    problems = List.copyOf(problems);
    stages = Map.copyOf(stages);
  }

  /** @return whether the diagram has no problem */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** @throws ContractViolationException listing every problem, unless there is none */
  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new ContractViolationException(source, problems);
    }
  }
}
