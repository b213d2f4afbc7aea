package dev.itsm.core.sla.internal;

import dev.itsm.core.sla.TargetKind;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a clock's thresholds do to the measured record; implemented by the record's practice.
 * Internal: no compatibility guarantees.
 */
public interface EscalationHandler {

  /** Does nothing. */
  EscalationHandler NONE = new EscalationHandler() {
    @Override
    public void reassign(String recordNumber, String group) {}

    @Override
    public void raisePriority(String recordNumber) {}

    @Override
    public void breached(String recordNumber, TargetKind kind) {}
  };

  /**
   * What thresholds do to the records of a practice without assignment groups or priorities
   * (changes, requests): a breach is handed to {@code breached} (e.g. to note it on the timeline);
   * reassign and raise-priority escalations do not apply and are logged.
   *
   * @param records the records' name for the log, e.g. {@code changes}
   * @param breached called with the record number and the missed target's kind
   * @return the handler
   */
  static EscalationHandler breachesOnly(String records,
      BiConsumer<String, TargetKind> breached) {
    Logger log = LoggerFactory.getLogger(EscalationHandler.class);
    return new EscalationHandler() {
      @Override
      public void reassign(String recordNumber, String group) {
        log.warn("{}: a reassign escalation does not apply to {}; ignored", recordNumber,
            records);
      }

      @Override
      public void raisePriority(String recordNumber) {
        log.warn("{}: a raise-priority escalation does not apply to {}; ignored", recordNumber,
            records);
      }

      @Override
      public void breached(String recordNumber, TargetKind kind) {
        breached.accept(recordNumber, kind);
      }
    };
  }

  /** @param recordNumber the record @param group the group to reassign it to */
  void reassign(String recordNumber, String group);

  /** @param recordNumber the record whose priority to raise one step */
  void raisePriority(String recordNumber);

  /** @param recordNumber the record @param kind the missed target's kind */
  void breached(String recordNumber, TargetKind kind);
}
