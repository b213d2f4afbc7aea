package dev.itsm.core.sla;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;

/** Something that happened to a service-level clock; delivered to hooks and listeners. */
public sealed interface ServiceLevelEvent extends ItsmEvent {

  /** @return the clock after the change */
  SlaClock clock();

  @Override
  default String recordNumber() {
    return clock().recordNumber();
  }

  /**
   * A warning threshold was reached (fires once per clock and threshold).
   *
   * @param clock the clock @param percent the threshold @param actor the system @param occurredAt when
   */
  record Warning(SlaClock clock, int percent, Actor actor, Instant occurredAt)
      implements ServiceLevelEvent {}

  /**
   * The target was missed (fires once per clock).
   *
   * @param clock the clock @param actor the system @param occurredAt when
   */
  record Breached(SlaClock clock, Actor actor, Instant occurredAt) implements ServiceLevelEvent {}

  /**
   * A threshold's {@link Escalation.Notify} action: deliver it to the recipient.
   *
   * @param clock the clock @param percent the threshold @param recipient who to notify
   * @param actor the system @param occurredAt when
   */
  record EscalationRequested(SlaClock clock, int percent, String recipient, Actor actor,
      Instant occurredAt) implements ServiceLevelEvent {}
}
