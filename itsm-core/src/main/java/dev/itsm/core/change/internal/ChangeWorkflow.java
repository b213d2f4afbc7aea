package dev.itsm.core.change.internal;

import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeAction;

/**
 * The process side of change enablement, called inside the API call's transaction after the
 * record is written. The engine module drives {@code change.bpmn} with it. Internal: no
 * compatibility guarantees.
 */
public interface ChangeWorkflow {

  /** Does nothing: unit tests of the domain without an engine. */
  ChangeWorkflow NONE = new ChangeWorkflow() {
    @Override
    public void started(Change change) {}

    @Override
    public void changed(ChangeAction action, Change before, Change after) {}

    @Override
    public void escalated(Change change) {}
  };

  /**
   * @param first runs first
   * @param second runs second
   * @return a workflow telling both, in order
   */
  static ChangeWorkflow both(ChangeWorkflow first, ChangeWorkflow second) {
    return new ChangeWorkflow() {
      @Override
      public void started(Change change) {
        first.started(change);
        second.started(change);
      }

      @Override
      public void changed(ChangeAction action, Change before, Change after) {
        first.changed(action, before, after);
        second.changed(action, before, after);
      }

      @Override
      public void escalated(Change change) {
        first.escalated(change);
        second.escalated(change);
      }
    };
  }

  /** @param change a new change: start its process */
  void started(Change change);

  /**
   * Moves the process along with the record.
   *
   * @param action the API action
   * @param before the record before
   * @param after the record after
   */
  void changed(ChangeAction action, Change before, Change after);

  /** @param change a change whose authorisation was escalated at its deadline */
  void escalated(Change change);
}
