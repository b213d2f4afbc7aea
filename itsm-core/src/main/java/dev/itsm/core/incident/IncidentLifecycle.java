package dev.itsm.core.incident;

import static dev.itsm.core.incident.IncidentState.CANCELLED;
import static dev.itsm.core.incident.IncidentState.CLOSED;
import static dev.itsm.core.incident.IncidentState.IN_PROGRESS;
import static dev.itsm.core.incident.IncidentState.NEW;
import static dev.itsm.core.incident.IncidentState.ON_HOLD;
import static dev.itsm.core.incident.IncidentState.RESOLVED;

import dev.itsm.core.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The incident state machine: which action is allowed in which state, and where it leads.
 *
 * <table>
 * <caption>Transitions</caption>
 * <tr><th>action</th><th>from</th><th>to</th></tr>
 * <tr><td>ASSIGN</td><td>NEW, IN_PROGRESS, ON_HOLD</td><td>(unchanged)</td></tr>
 * <tr><td>REPRIORITIZE</td><td>NEW, IN_PROGRESS, ON_HOLD</td><td>(unchanged)</td></tr>
 * <tr><td>ACKNOWLEDGE</td><td>NEW</td><td>IN_PROGRESS</td></tr>
 * <tr><td>PUT_ON_HOLD</td><td>IN_PROGRESS</td><td>ON_HOLD</td></tr>
 * <tr><td>RESUME</td><td>ON_HOLD</td><td>IN_PROGRESS</td></tr>
 * <tr><td>RESOLVE</td><td>IN_PROGRESS</td><td>RESOLVED</td></tr>
 * <tr><td>REOPEN</td><td>RESOLVED</td><td>IN_PROGRESS</td></tr>
 * <tr><td>CLOSE</td><td>RESOLVED</td><td>CLOSED</td></tr>
 * <tr><td>CANCEL</td><td>NEW, IN_PROGRESS, ON_HOLD</td><td>CANCELLED</td></tr>
 * <tr><td>ADD_WORK_NOTE</td><td>NEW, IN_PROGRESS, ON_HOLD, RESOLVED</td><td>(unchanged)</td></tr>
 * </table>
 */
public final class IncidentLifecycle {

  private static final Map<IncidentState, Map<IncidentAction, IncidentState>> TRANSITIONS =
      new EnumMap<>(IncidentState.class);

  static {
    for (IncidentState s : IncidentState.values()) {
      TRANSITIONS.put(s, new EnumMap<>(IncidentAction.class));
    }
    for (IncidentState s : EnumSet.of(NEW, IN_PROGRESS, ON_HOLD)) {
      allow(s, IncidentAction.ASSIGN, s);
      allow(s, IncidentAction.REPRIORITIZE, s);
      allow(s, IncidentAction.CANCEL, CANCELLED);
    }
    for (IncidentState s : EnumSet.of(NEW, IN_PROGRESS, ON_HOLD, RESOLVED)) {
      allow(s, IncidentAction.ADD_WORK_NOTE, s);
    }
    allow(NEW, IncidentAction.ACKNOWLEDGE, IN_PROGRESS);
    allow(IN_PROGRESS, IncidentAction.PUT_ON_HOLD, ON_HOLD);
    allow(ON_HOLD, IncidentAction.RESUME, IN_PROGRESS);
    allow(IN_PROGRESS, IncidentAction.RESOLVE, RESOLVED);
    allow(RESOLVED, IncidentAction.REOPEN, IN_PROGRESS);
    allow(RESOLVED, IncidentAction.CLOSE, CLOSED);
  }

  private IncidentLifecycle() {}

  private static void allow(IncidentState from, IncidentAction action, IncidentState to) {
    TRANSITIONS.get(from).put(action, to);
  }

  /**
   * @param state a state
   * @return the actions allowed in it (empty for {@link IncidentState#isFinal() final} states)
   */
  public static Set<IncidentAction> allowedActions(IncidentState state) {
    Set<IncidentAction> actions = TRANSITIONS.get(state).keySet();
    return actions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actions));
  }

  /**
   * @param state the current state
   * @param action the action
   * @return whether the action is allowed in the state
   */
  public static boolean isAllowed(IncidentState state, IncidentAction action) {
    return TRANSITIONS.get(state).containsKey(action);
  }

  /**
   * The state an action leads to, or a typed exception naming the state, the action and the allowed
   * actions.
   *
   * @param number the incident number, for the message
   * @param state the current state
   * @param action the action
   * @return the next state
   * @throws IllegalTransitionException when the action is not allowed in {@code state}
   */
  public static IncidentState next(String number, IncidentState state, IncidentAction action) {
    IncidentState to = TRANSITIONS.get(state).get(action);
    if (to == null) {
      throw new IllegalTransitionException(number, state, action, allowedActions(state));
    }
    return to;
  }
}
