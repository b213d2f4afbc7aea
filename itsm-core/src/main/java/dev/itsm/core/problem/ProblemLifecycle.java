package dev.itsm.core.problem;

import static dev.itsm.core.problem.ProblemState.ASSESS;
import static dev.itsm.core.problem.ProblemState.FIX_IN_PROGRESS;
import static dev.itsm.core.problem.ProblemState.NEW;
import static dev.itsm.core.problem.ProblemState.RESOLVED;
import static dev.itsm.core.problem.ProblemState.ROOT_CAUSE_ANALYSIS;

import dev.itsm.core.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The problem state machine.
 *
 * <table>
 * <caption>Transitions</caption>
 * <tr><th>action</th><th>from</th><th>to</th></tr>
 * <tr><td>ASSESS</td><td>NEW</td><td>ASSESS</td></tr>
 * <tr><td>START_ANALYSIS</td><td>ASSESS</td><td>ROOT_CAUSE_ANALYSIS</td></tr>
 * <tr><td>IDENTIFY_ROOT_CAUSE</td><td>ROOT_CAUSE_ANALYSIS</td><td>FIX_IN_PROGRESS</td></tr>
 * <tr><td>RESOLVE</td><td>FIX_IN_PROGRESS</td><td>RESOLVED</td></tr>
 * <tr><td>CLOSE</td><td>RESOLVED</td><td>CLOSED</td></tr>
 * <tr><td>CANCEL</td><td>NEW, ASSESS, ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS</td><td>CANCELLED</td></tr>
 * <tr><td>RECORD_WORKAROUND, LINK_INCIDENTS</td><td>NEW .. FIX_IN_PROGRESS</td><td>(unchanged)</td></tr>
 * <tr><td>LINK_CHANGE</td><td>ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS</td><td>(unchanged)</td></tr>
 * <tr><td>PUBLISH_KNOWN_ERROR</td><td>ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS, RESOLVED</td><td>(unchanged)</td></tr>
 * <tr><td>ADD_NOTE</td><td>every state that is not final</td><td>(unchanged)</td></tr>
 * </table>
 */
public final class ProblemLifecycle {

  private static final Map<ProblemState, Map<ProblemAction, ProblemState>> T =
      new EnumMap<>(ProblemState.class);

  static {
    for (ProblemState s : ProblemState.values()) {
      T.put(s, new EnumMap<>(ProblemAction.class));
      if (!s.isFinal()) {
        T.get(s).put(ProblemAction.ADD_NOTE, s);
      }
    }
    for (ProblemState s : EnumSet.of(NEW, ASSESS, ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS)) {
      T.get(s).put(ProblemAction.CANCEL, ProblemState.CANCELLED);
      T.get(s).put(ProblemAction.RECORD_WORKAROUND, s);
      T.get(s).put(ProblemAction.LINK_INCIDENTS, s);
    }
    for (ProblemState s : EnumSet.of(ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS)) {
      T.get(s).put(ProblemAction.LINK_CHANGE, s);
    }
    for (ProblemState s : EnumSet.of(ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS, RESOLVED)) {
      T.get(s).put(ProblemAction.PUBLISH_KNOWN_ERROR, s);
    }
    T.get(NEW).put(ProblemAction.ASSESS, ASSESS);
    T.get(ASSESS).put(ProblemAction.START_ANALYSIS, ROOT_CAUSE_ANALYSIS);
    T.get(ROOT_CAUSE_ANALYSIS).put(ProblemAction.IDENTIFY_ROOT_CAUSE, FIX_IN_PROGRESS);
    T.get(FIX_IN_PROGRESS).put(ProblemAction.RESOLVE, RESOLVED);
    T.get(RESOLVED).put(ProblemAction.CLOSE, ProblemState.CLOSED);
  }

  private ProblemLifecycle() {}

  /** @param state a state @return the actions allowed in it */
  public static Set<ProblemAction> allowedActions(ProblemState state) {
    Set<ProblemAction> a = T.get(state).keySet();
    return a.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(a));
  }

  /**
   * @param number the problem, for the message
   * @param state the current state
   * @param action the action
   * @return the next state
   * @throws IllegalTransitionException naming the state, the action and the allowed actions
   */
  public static ProblemState next(String number, ProblemState state, ProblemAction action) {
    ProblemState to = T.get(state).get(action);
    if (to == null) {
      throw new IllegalTransitionException(number, state, action, allowedActions(state));
    }
    return to;
  }
}
