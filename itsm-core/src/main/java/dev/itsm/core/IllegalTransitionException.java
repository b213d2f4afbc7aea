package dev.itsm.core;

import java.util.List;
import java.util.Set;

/**
 * An action is not allowed in the record's current state. Names the record, the state, the action
 * and the actions that are allowed; nothing was changed.
 */
public final class IllegalTransitionException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String recordNumber;
  private final String state;
  private final String action;
  private final List<String> allowedActions;

  /**
   * @param recordNumber the record, e.g. {@code INC0000001}
   * @param state its current state
   * @param action the refused action
   * @param allowedActions the actions allowed in that state
   */
  public IllegalTransitionException(String recordNumber, Enum<?> state, Enum<?> action,
      Set<? extends Enum<?>> allowedActions) {
    super("ITSM-ILLEGAL-TRANSITION", recordNumber + " is " + state.name() + ": action "
        + action.name() + " is not allowed; allowed actions in " + state.name() + ": "
        + (allowedActions.isEmpty() ? "none (the record is final)"
            : allowedActions.stream().map(Enum::name).sorted().toList()));
    this.recordNumber = recordNumber;
    this.state = state.name();
    this.action = action.name();
    this.allowedActions = allowedActions.stream().map(Enum::name).sorted().toList();
  }

  /** @return the record number */
  public String recordNumber() {
    return recordNumber;
  }

  /** @return the name of the record's current state */
  public String state() {
    return state;
  }

  /** @return the name of the refused action */
  public String action() {
    return action;
  }

  /** @return the names of the actions allowed in the current state, sorted */
  public List<String> allowedActions() {
    return allowedActions;
  }
}
