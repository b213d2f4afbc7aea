package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.spi.AfterListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After-commit events go through an outbox written with the change: a failing listener gets the
 * event again (same idempotency key) until it accepts it, and events not yet delivered when the
 * engine stops are delivered after a restart.
 */
class OutboxDeliveryTest {

  @TempDir Path dir;

  /** Records deliveries; fails the first {@code failures} attempts. */
  static final class FlakyListener implements AfterListener {
    final AtomicInteger failuresLeft;
    final List<String> keys = new CopyOnWriteArrayList<>();
    final List<ItsmEvent> accepted = new CopyOnWriteArrayList<>();

    FlakyListener(int failures) {
      failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public void after(ItsmEvent event) {
      throw new AssertionError("the two-argument method is called");
    }

    @Override
    public void after(ItsmEvent event, String key) {
      keys.add(key);
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("mail server down (injected)");
      }
      accepted.add(event);
    }
  }

  @Test
  void aFailingListenerGetsTheEventAgainUntilItAcceptsIt() {
    FlakyListener listener = new FlakyListener(2);
    try (ItsmEngine engine = TestEngines.builder(dir).afterListener(listener)
        .outboxPollInterval(Duration.ofMillis(50)).build()) {
      Incident inc = TestEngines.open(engine);
      assertThat(engine.pendingEvents()).as("first attempt failed, the event waits").isOne();

      // backoff 1 s then 2 s (engine clock): move on instead of waiting
      EngineClock.advance(Duration.ofSeconds(1));
      TestEngines.await(Duration.ofSeconds(10), "second attempt", () -> listener.keys.size() >= 2);
      EngineClock.advance(Duration.ofSeconds(2));
      TestEngines.await(Duration.ofSeconds(10), "delivery", () -> !listener.accepted.isEmpty());

      assertThat(listener.keys).hasSize(3).containsOnly(listener.keys.get(0));
      assertThat(listener.accepted).singleElement()
          .isInstanceOfSatisfying(IncidentEvent.Opened.class,
              o -> assertThat(o.incident()).isEqualTo(inc));
      TestEngines.await(Duration.ofSeconds(5), "nothing pending", () -> engine.pendingEvents() == 0);
    } finally {
      EngineClock.reset();
    }
  }

  @Test
  void eventsNotDeliveredBeforeAStopAreDeliveredAfterTheRestart() {
    Incident inc;
    try (ItsmEngine first = TestEngines.builder(dir).afterListener(new FlakyListener(1000))
        .build()) {
      inc = TestEngines.openAndAcknowledge(first);
      assertThat(first.pendingEvents()).isEqualTo(2);
    }
    FlakyListener healthy = new FlakyListener(0);
    try (ItsmEngine second = TestEngines.builder(dir).afterListener(healthy)
        .outboxPollInterval(Duration.ofMillis(50)).build()) {
      EngineClock.advance(Duration.ofMinutes(10)); // past any backoff
      TestEngines.await(Duration.ofSeconds(10), "redelivery", () -> healthy.accepted.size() == 2);
      assertThat(healthy.accepted).extracting(e -> e.getClass().getSimpleName())
          .containsExactly("Opened", "Acknowledged");
      assertThat(((IncidentEvent) healthy.accepted.get(1)).incident())
          .isEqualTo(second.incidents().get(Actor.system(), inc.number()));
      assertThat(second.pendingEvents()).isZero();
    } finally {
      EngineClock.reset();
    }
  }
}
