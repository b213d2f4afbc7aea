package dev.itsm.core.sla;

import dev.itsm.core.sla.internal.EscalationHandler;
import java.util.ArrayList;
import java.util.List;

/** An {@link EscalationHandler} that records every call, in order. */
public final class RecordingEscalations implements EscalationHandler {

  /**
   * @param action {@code reassign}, {@code raisePriority} or {@code breached}
   * @param recordNumber the record
   * @param detail the group, or the kind of the missed target, or {@code null}
   */
  public record Call(String action, String recordNumber, String detail) {}

  public final List<Call> calls = new ArrayList<>();

  /** Runs on every call, before it is recorded (e.g. to look at the state at that moment). */
  public Runnable onCall = () -> { };

  @Override
  public void reassign(String recordNumber, String group) {
    onCall.run();
    calls.add(new Call("reassign", recordNumber, group));
  }

  @Override
  public void raisePriority(String recordNumber) {
    onCall.run();
    calls.add(new Call("raisePriority", recordNumber, null));
  }

  @Override
  public void breached(String recordNumber, TargetKind kind) {
    onCall.run();
    calls.add(new Call("breached", recordNumber, kind.name()));
  }
}
