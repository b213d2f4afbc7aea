package dev.itsm.core.request;

import static dev.itsm.core.request.RequestState.APPROVED;
import static dev.itsm.core.request.RequestState.AWAITING_APPROVAL;
import static dev.itsm.core.request.RequestState.FULFILLED;
import static dev.itsm.core.request.RequestState.IN_FULFILMENT;
import static dev.itsm.core.request.RequestState.SUBMITTED;

import dev.itsm.core.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The service request state machine: which action is allowed in which state. Submission creates
 * the request in SUBMITTED and moves it on at once to AWAITING_APPROVAL when the item needs
 * approval (or to IN_FULFILMENT when the item runs its own process). Where an action can lead to
 * more than one state the service chooses by its rules.
 *
 * <table>
 * <caption>Transitions</caption>
 * <tr><th>action</th><th>from</th><th>to</th></tr>
 * <tr><td>DECIDE</td><td>AWAITING_APPROVAL</td><td>AWAITING_APPROVAL, APPROVED (IN_FULFILMENT for
 * an item with its own process) or REJECTED (approval policy and rejection rule)</td></tr>
 * <tr><td>START_TASK</td><td>SUBMITTED, APPROVED, IN_FULFILMENT</td><td>IN_FULFILMENT</td></tr>
 * <tr><td>COMPLETE_TASK</td><td>SUBMITTED, APPROVED, IN_FULFILMENT</td><td>IN_FULFILMENT, or
 * FULFILLED with the last task</td></tr>
 * <tr><td>CLOSE</td><td>FULFILLED</td><td>CLOSED (also automatically after the auto-close
 * period)</td></tr>
 * <tr><td>CANCEL</td><td>SUBMITTED, AWAITING_APPROVAL, APPROVED, IN_FULFILMENT</td>
 * <td>CANCELLED</td></tr>
 * <tr><td>ADD_NOTE</td><td>every state that is not final</td><td>(unchanged)</td></tr>
 * </table>
 */
public final class RequestLifecycle {

  private static final Map<RequestState, Set<RequestAction>> ALLOWED =
      new EnumMap<>(RequestState.class);

  static {
    for (RequestState s : RequestState.values()) {
      ALLOWED.put(s, EnumSet.noneOf(RequestAction.class));
      if (!s.isFinal()) {
        ALLOWED.get(s).add(RequestAction.ADD_NOTE);
      }
    }
    for (RequestState s : EnumSet.of(SUBMITTED, AWAITING_APPROVAL, APPROVED, IN_FULFILMENT)) {
      ALLOWED.get(s).add(RequestAction.CANCEL);
    }
    for (RequestState s : EnumSet.of(SUBMITTED, APPROVED, IN_FULFILMENT)) {
      ALLOWED.get(s).add(RequestAction.START_TASK);
      ALLOWED.get(s).add(RequestAction.COMPLETE_TASK);
    }
    ALLOWED.get(AWAITING_APPROVAL).add(RequestAction.DECIDE);
    ALLOWED.get(FULFILLED).add(RequestAction.CLOSE);
  }

  private RequestLifecycle() {}

  /**
   * @param state a state
   * @return the actions allowed in it (empty for final states)
   */
  public static Set<RequestAction> allowedActions(RequestState state) {
    Set<RequestAction> actions = ALLOWED.get(state);
    return actions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actions));
  }

  /**
   * @param state the current state
   * @param action the action
   * @return whether the action is allowed
   */
  public static boolean isAllowed(RequestState state, RequestAction action) {
    return ALLOWED.get(state).contains(action);
  }

  /**
   * @param number the request number, for the message
   * @param state the current state
   * @param action the action
   * @throws IllegalTransitionException naming the state, the action and the allowed actions
   */
  public static void check(String number, RequestState state, RequestAction action) {
    if (!isAllowed(state, action)) {
      throw new IllegalTransitionException(number, state, action, allowedActions(state));
    }
  }
}
