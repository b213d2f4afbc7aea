package dev.itsm.core.sla.internal;

import dev.itsm.core.sla.SlaClock;
import java.time.Instant;

/**
 * The process side of a service-level clock: one {@code itsm-sla-clock} process instance per
 * clock, whose timer fires at the next threshold. Internal: no compatibility guarantees.
 */
public interface SlaClockWorkflow {

  /** A workflow without an engine (unit tests): thresholds fire only when called directly. */
  SlaClockWorkflow NONE = new SlaClockWorkflow() {
    @Override
    public void started(SlaClock clock, Instant nextThresholdAt) {}

    @Override
    public void changed(SlaClock clock, Instant nextThresholdAt) {}

    @Override
    public void stopped(SlaClock clock) {}
  };

  /**
   * @param clock a clock that started (or restarted after a reopen)
   * @param nextThresholdAt when its next threshold falls due, or {@code null}
   */
  void started(SlaClock clock, Instant nextThresholdAt);

  /**
   * @param clock a clock that paused, resumed or was re-targeted
   * @param nextThresholdAt when its next threshold falls due, or {@code null} (paused, all fired)
   */
  void changed(SlaClock clock, Instant nextThresholdAt);

  /** @param clock a clock that stopped for good */
  void stopped(SlaClock clock);
}
