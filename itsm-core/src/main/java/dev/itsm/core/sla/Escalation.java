package dev.itsm.core.sla;

import java.util.Objects;

/**
 * An action taken when a clock reaches a threshold, configured per target and percentage.
 *
 * <pre>{@code
 * ServiceLevelTarget.resolution("P1 resolution").priority(Priority.P1).within(Duration.ofHours(4))
 *     .escalate(75, Escalation.notify("duty-manager"))
 *     .escalate(90, Escalation.raisePriority())
 *     .escalate(100, Escalation.reassign("major-incident-team"))
 *     .build();
 * }</pre>
 */
public sealed interface Escalation {

  /**
   * Publishes a {@link ServiceLevelEvent.EscalationRequested} event naming the recipient; the
   * host's after-listener delivers it (mail, chat, pager).
   *
   * @param recipient a user, group or channel id
   * @return the escalation
   */
  static Escalation notify(String recipient) {
    return new Notify(recipient);
  }

  /**
   * Reassigns the record to a group.
   *
   * @param group the group
   * @return the escalation
   */
  static Escalation reassign(String group) {
    return new Reassign(group);
  }

  /**
   * Raises the record's priority by one step (for incidents: urgency one step up, or impact when
   * urgency is already high), which also re-targets its clocks.
   *
   * @return the escalation
   */
  static Escalation raisePriority() {
    return new RaisePriority();
  }

  /** @param recipient who to notify */
  record Notify(String recipient) implements Escalation {
    /** Checks the recipient. */
    public Notify {
      Objects.requireNonNull(recipient, "recipient");
    }
  }

  /** @param group the group to reassign to */
  record Reassign(String group) implements Escalation {
    /** Checks the group. */
    public Reassign {
      Objects.requireNonNull(group, "group");
    }
  }

  /** Raise the priority one step. */
  record RaisePriority() implements Escalation {}
}
