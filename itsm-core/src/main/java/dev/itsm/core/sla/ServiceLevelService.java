package dev.itsm.core.sla;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.access.AccessDeniedException;
import java.time.Instant;
import java.util.List;

/**
 * Service level management: the clocks of every record, their history, the records at risk, and
 * compliance figures. The clocks themselves start, pause, resume, re-target and stop with the
 * records' lifecycles; warnings and breaches fire on the engine's job executor.
 *
 * <pre>{@code
 * for (ClockStatus s : engine.serviceLevels().atRisk(agent, 75, "network")) {
 *   System.out.println(s.clock().recordNumber() + " " + s.percent() + "% left " + s.remaining());
 * }
 * }</pre>
 *
 * <p>Every method needs {@link dev.itsm.core.access.Permission#SERVICE_LEVEL_READ} (else
 * {@link AccessDeniedException}) and sees only the clocks of the actor's tenant.
 */
public interface ServiceLevelService {

  /**
   * @param actor the acting user
   * @param recordNumber a record
   * @return its clocks with live figures, in start order
   * @throws RecordNotFoundException when the record has no clocks
   */
  List<ClockStatus> clocks(Actor actor, String recordNumber);

  /**
   * @param actor the acting user
   * @param clockId a clock's id
   * @return its history, oldest first; empty for an unknown clock or one of another tenant
   */
  List<SlaClockEntry> history(Actor actor, String clockId);

  /**
   * Clocks still counting (or paused) that are at or over a percentage of their target, breached
   * ones included, ordered by business time left (least first).
   *
   * @param actor the acting user
   * @param percent 1 .. 100
   * @param group an assignment group (operational clocks of it, and clocks of records it
   *     holds), or {@code null} for all
   * @return the clocks at risk
   * @throws dev.itsm.core.ValidationException when {@code percent} is not in 1..100
   */
  List<ClockStatus> atRisk(Actor actor, int percent, String group);

  /**
   * @param actor the acting user
   * @param group an assignment group, or {@code null} for all
   * @return clocks that missed their target and are still counting (the record has not met the
   *     target yet), most overdue first
   */
  List<ClockStatus> breached(Actor actor, String group);

  /**
   * @param actor the acting user
   * @param from inclusive start of the period
   * @param to exclusive end of the period
   * @return compliance per kind and priority for the clocks that stopped in the period
   */
  List<Compliance> compliance(Actor actor, Instant from, Instant to);
}
