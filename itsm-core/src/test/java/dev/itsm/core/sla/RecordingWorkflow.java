package dev.itsm.core.sla;

import dev.itsm.core.sla.internal.SlaClockWorkflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link SlaClockWorkflow} that records every call, in order. */
public final class RecordingWorkflow implements SlaClockWorkflow {

  /** What the service told the process side. */
  public enum Type { START, CHANGE, STOP }

  /**
   * @param type which method was called
   * @param clock the clock passed
   * @param next the next threshold passed ({@code null} for {@link Type.STOP})
   */
  public record Call(Type type, SlaClock clock, Instant next) {}

  public final List<Call> calls = new ArrayList<>();

  @Override
  public void started(SlaClock clock, Instant nextThresholdAt) {
    calls.add(new Call(Type.START, clock, nextThresholdAt));
  }

  @Override
  public void changed(SlaClock clock, Instant nextThresholdAt) {
    calls.add(new Call(Type.CHANGE, clock, nextThresholdAt));
  }

  @Override
  public void stopped(SlaClock clock) {
    calls.add(new Call(Type.STOP, clock, null));
  }

  /** @return the calls of one clock, in order */
  public List<Call> of(String clockId) {
    return calls.stream().filter(c -> c.clock().id().equals(clockId)).toList();
  }
}
