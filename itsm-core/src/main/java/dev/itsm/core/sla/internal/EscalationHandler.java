package dev.itsm.core.sla.internal;

import dev.itsm.core.sla.TargetKind;

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

  /** @param recordNumber the record @param group the group to reassign it to */
  void reassign(String recordNumber, String group);

  /** @param recordNumber the record whose priority to raise one step */
  void raisePriority(String recordNumber);

  /** @param recordNumber the record @param kind the missed target's kind */
  void breached(String recordNumber, TargetKind kind);
}
