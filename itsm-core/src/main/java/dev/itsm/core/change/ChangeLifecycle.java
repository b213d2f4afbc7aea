package dev.itsm.core.change;

import static dev.itsm.core.change.ChangeState.ASSESSMENT;
import static dev.itsm.core.change.ChangeState.AUTHORIZATION;
import static dev.itsm.core.change.ChangeState.AUTHORIZED;
import static dev.itsm.core.change.ChangeState.IMPLEMENTATION;
import static dev.itsm.core.change.ChangeState.REVIEW;
import static dev.itsm.core.change.ChangeState.SCHEDULED;

import dev.itsm.core.IllegalTransitionException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The change state machine: which action is allowed in which state. Where an action can lead to
 * more than one state (a decision, an outcome) the service chooses by its rules.
 *
 * <table>
 * <caption>Transitions</caption>
 * <tr><th>action</th><th>from</th><th>to</th></tr>
 * <tr><td>ASSESS</td><td>ASSESSMENT</td><td>ASSESSMENT</td></tr>
 * <tr><td>SUBMIT_FOR_AUTHORIZATION</td><td>ASSESSMENT</td><td>AUTHORIZATION</td></tr>
 * <tr><td>DECIDE</td><td>AUTHORIZATION</td><td>AUTHORIZATION, AUTHORIZED or REJECTED (approval
 * policy and rejection rule)</td></tr>
 * <tr><td>SCHEDULE</td><td>AUTHORIZED, SCHEDULED</td><td>SCHEDULED</td></tr>
 * <tr><td>START_IMPLEMENTATION</td><td>SCHEDULED</td><td>IMPLEMENTATION</td></tr>
 * <tr><td>RECORD_OUTCOME</td><td>IMPLEMENTATION</td><td>REVIEW when a review is required, else
 * CLOSED</td></tr>
 * <tr><td>COMPLETE_REVIEW</td><td>REVIEW</td><td>CLOSED</td></tr>
 * <tr><td>CANCEL</td><td>ASSESSMENT, AUTHORIZATION, AUTHORIZED, SCHEDULED</td><td>CANCELLED</td></tr>
 * <tr><td>ADD_NOTE</td><td>every state that is not final</td><td>(unchanged)</td></tr>
 * </table>
 */
public final class ChangeLifecycle {

  private static final Map<ChangeState, Set<ChangeAction>> ALLOWED =
      new EnumMap<>(ChangeState.class);

  static {
    for (ChangeState s : ChangeState.values()) {
      ALLOWED.put(s, EnumSet.noneOf(ChangeAction.class));
    }
    for (ChangeState s : ChangeState.values()) {
      if (!s.isFinal()) {
        allow(s, ChangeAction.ADD_NOTE);
      }
    }
    for (ChangeState s : EnumSet.of(ASSESSMENT, AUTHORIZATION, AUTHORIZED, SCHEDULED)) {
      allow(s, ChangeAction.CANCEL);
    }
    allow(ASSESSMENT, ChangeAction.ASSESS);
    allow(ASSESSMENT, ChangeAction.SUBMIT_FOR_AUTHORIZATION);
    allow(AUTHORIZATION, ChangeAction.DECIDE);
    allow(AUTHORIZED, ChangeAction.SCHEDULE);
    allow(SCHEDULED, ChangeAction.SCHEDULE);
    allow(SCHEDULED, ChangeAction.START_IMPLEMENTATION);
    allow(IMPLEMENTATION, ChangeAction.RECORD_OUTCOME);
    allow(REVIEW, ChangeAction.COMPLETE_REVIEW);
  }

  private ChangeLifecycle() {}

  private static void allow(ChangeState state, ChangeAction action) {
    ALLOWED.get(state).add(action);
  }

  /**
   * @param state a state
   * @return the actions allowed in it (empty for final states)
   */
  public static Set<ChangeAction> allowedActions(ChangeState state) {
    Set<ChangeAction> actions = ALLOWED.get(state);
    return actions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actions));
  }

  /**
   * @param state the current state
   * @param action the action
   * @return whether the action is allowed
   */
  public static boolean isAllowed(ChangeState state, ChangeAction action) {
    return ALLOWED.get(state).contains(action);
  }

  /**
   * @param number the change number, for the message
   * @param state the current state
   * @param action the action
   * @throws IllegalTransitionException naming the state, the action and the allowed actions
   */
  public static void check(String number, ChangeState state, ChangeAction action) {
    if (!isAllowed(state, action)) {
      throw new IllegalTransitionException(number, state, action, allowedActions(state));
    }
  }
}
