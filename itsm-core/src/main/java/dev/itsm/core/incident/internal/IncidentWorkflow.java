package dev.itsm.core.incident.internal;

import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentAction;

/**
 * The process side of incident management, called inside the API call's transaction after the
 * record is written. The engine module drives {@code incident.bpmn} with it. Internal: no
 * compatibility guarantees.
 */
public interface IncidentWorkflow {

  /** A workflow that does nothing, for unit tests of the domain without an engine. */
  IncidentWorkflow NONE = new IncidentWorkflow() {
    @Override
    public void started(Incident incident) {}

    @Override
    public void changed(IncidentAction action, Incident before, Incident after) {}
  };

  /**
   * @param first runs first
   * @param second runs second
   * @return a workflow that tells both, in order
   */
  static IncidentWorkflow both(IncidentWorkflow first, IncidentWorkflow second) {
    return new IncidentWorkflow() {
      @Override
      public void started(Incident incident) {
        first.started(incident);
        second.started(incident);
      }

      @Override
      public void changed(IncidentAction action, Incident before, Incident after) {
        first.changed(action, before, after);
        second.changed(action, before, after);
      }
    };
  }

  /**
   * @param live workflows to tell, in order; the list may grow after this is built
   * @return a workflow that tells each in the list at the time of the call
   */
  static IncidentWorkflow all(java.util.List<IncidentWorkflow> live) {
    return new IncidentWorkflow() {
      @Override
      public void started(Incident incident) {
        for (IncidentWorkflow w : live) {
          w.started(incident);
        }
      }

      @Override
      public void changed(IncidentAction action, Incident before, Incident after) {
        for (IncidentWorkflow w : live) {
          w.changed(action, before, after);
        }
      }
    };
  }

  /** @param incident a newly opened incident: start its process */
  void started(Incident incident);

  /**
   * Moves the process along with the record.
   *
   * @param action the API action
   * @param before the record before
   * @param after the record after
   */
  void changed(IncidentAction action, Incident before, Incident after);
}
