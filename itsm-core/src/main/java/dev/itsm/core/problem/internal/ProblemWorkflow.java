package dev.itsm.core.problem.internal;

import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemAction;

/**
 * The process side of problem management, called inside the API call's transaction after the
 * record is written. Internal: no compatibility guarantees.
 */
public interface ProblemWorkflow {

  /** Does nothing: unit tests without an engine. */
  ProblemWorkflow NONE = new ProblemWorkflow() {
    @Override
    public void started(Problem problem) {}

    @Override
    public void changed(ProblemAction action, Problem before, Problem after) {}
  };

  /** @param problem a new problem: start its process */
  void started(Problem problem);

  /**
   * @param action the action
   * @param before the record before
   * @param after the record after
   */
  void changed(ProblemAction action, Problem before, Problem after);
}
