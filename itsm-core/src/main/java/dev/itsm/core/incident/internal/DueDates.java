package dev.itsm.core.incident.internal;

import dev.itsm.core.incident.Incident;
import dev.itsm.core.sla.TargetKind;
import java.time.Instant;

/**
 * When an incident's response and resolution targets fall due if its clocks run without pause;
 * recorded on the incident at opening. Internal: no compatibility guarantees.
 */
@FunctionalInterface
public interface DueDates {

  /**
   * @param kind {@link TargetKind#RESPONSE} or {@link TargetKind#RESOLUTION}
   * @param draft the incident being opened
   * @param start when its clocks start
   * @return the due time, or {@code null} when no target applies
   */
  Instant due(TargetKind kind, Incident draft, Instant start);
}
