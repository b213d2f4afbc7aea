package dev.itsm.core.sla;

import dev.itsm.core.RecordNotFoundException;
import java.time.Instant;
import java.util.List;

/**
 * Service level management: the clocks of every record, their history, the records at risk, and
 * compliance figures. The clocks themselves start, pause, resume, re-target and stop with the
 * records' lifecycles; warnings and breaches fire on the engine's job executor.
 *
 * <pre>{@code
 * for (ClockStatus s : engine.serviceLevels().atRisk(75, "network")) {
 *   System.out.println(s.clock().recordNumber() + " " + s.percent() + "% left " + s.remaining());
 * }
 * }</pre>
 */
public interface ServiceLevelService {

  /**
   * @param recordNumber a record
   * @return its clocks with live figures, in start order
   * @throws RecordNotFoundException when the record has no clocks
   */
  List<ClockStatus> clocks(String recordNumber);

  /**
   * @param clockId a clock's id
   * @return its history, oldest first
   */
  List<SlaClockEntry> history(String clockId);

  /**
   * Clocks still counting (or paused) that are at or over a percentage of their target, breached
   * ones included, ordered by business time left (least first).
   *
   * @param percent 1 .. 100
   * @param group an assignment group (operational clocks of it, and clocks of records it
   *     holds), or {@code null} for all
   * @return the clocks at risk
   */
  List<ClockStatus> atRisk(int percent, String group);

  /**
   * @param group an assignment group, or {@code null} for all
   * @return clocks that missed their target and are still counting (the record has not met the
   *     target yet), most overdue first
   */
  List<ClockStatus> breached(String group);

  /**
   * @param from inclusive start of the period
   * @param to exclusive end of the period
   * @return compliance per kind and priority for the clocks that stopped in the period
   */
  List<Compliance> compliance(Instant from, Instant to);
}
