package dev.itsm.core.request.internal;

import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestAction;

/**
 * The process side of service request management, called inside the API call's transaction after
 * the record is written. The engine module drives {@code request.bpmn} with it. Internal: no
 * compatibility guarantees.
 */
public interface RequestWorkflow {

  /** Does nothing and knows every process: unit tests of the domain without an engine. */
  RequestWorkflow NONE = new RequestWorkflow() {
    @Override
    public void started(Request request) {}

    @Override
    public void changed(RequestAction action, Request before, Request after) {}
  };

  /**
   * @param first runs first
   * @param second runs second
   * @return a workflow telling both, in order (processes known to the first)
   */
  static RequestWorkflow both(RequestWorkflow first, RequestWorkflow second) {
    return new RequestWorkflow() {
      @Override
      public void started(Request request) {
        first.started(request);
        second.started(request);
      }

      @Override
      public void changed(RequestAction action, Request before, Request after) {
        first.changed(action, before, after);
        second.changed(action, before, after);
      }

      @Override
      public void fulfilled(Request before, Request after) {
        first.fulfilled(before, after);
        second.fulfilled(before, after);
      }

      @Override
      public boolean knowsProcess(String key, String tenant) {
        return first.knowsProcess(key, tenant);
      }
    };
  }

  /** @param request a new request: start its process */
  void started(Request request);

  /**
   * Moves the process along with the record.
   *
   * @param action the API action
   * @param before the record before
   * @param after the record after
   */
  void changed(RequestAction action, Request before, Request after);

  /**
   * The item's own fulfilment process ended and the request is FULFILLED (called from the
   * process, which moves on by itself).
   *
   * @param before the record before
   * @param after the record after
   */
  default void fulfilled(Request before, Request after) {}

  /**
   * @param key a process key
   * @param tenant an ITSM tenant
   * @return whether a process of that key is deployed for the tenant
   */
  default boolean knowsProcess(String key, String tenant) {
    return true;
  }
}
