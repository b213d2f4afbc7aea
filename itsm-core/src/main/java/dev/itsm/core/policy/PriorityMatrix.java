package dev.itsm.core.policy;

import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.Urgency;

/**
 * Derives an incident's priority from its impact and urgency. Replace it on the engine builder to
 * use your organisation's matrix.
 */
@FunctionalInterface
public interface PriorityMatrix {

  /**
   * @param impact the impact
   * @param urgency the urgency
   * @return the priority
   */
  Priority priorityOf(Impact impact, Urgency urgency);

  /**
   * The ITIL impact × urgency matrix (the sum of the two levels, 2 .. 6, minus one):
   *
   * <pre>
   *                urgency HIGH  MEDIUM  LOW
   * impact HIGH            P1    P2      P3
   * impact MEDIUM          P2    P3      P4
   * impact LOW             P3    P4      P5
   * </pre>
   *
   * @return the default matrix
   */
  static PriorityMatrix itil() {
    return (impact, urgency) -> Priority.values()[impact.level() + urgency.level() - 2];
  }
}
