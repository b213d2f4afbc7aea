package dev.itsm.bpmn;

import static dev.itsm.bpmn.TestEngines.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.ItsmException;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two calls updating the same incident at once: one wins, the other gets a retryable conflict (on
 * H2 and PostgreSQL).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ConcurrentUpdateTest {

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;
  @TempDir Path dir;

  @Test
  void oneOfTwoConcurrentUpdatesWinsTheOtherGetsAConflict() throws Exception {
    CyclicBarrier bothRead = new CyclicBarrier(2);
    CountDownLatch armed = new CountDownLatch(1);
    try (EngineDatabase database = EngineDatabase.create(kind, dir, "concurrent_update");
        ItsmEngine engine = TestEngines.builder(database).beforeHook(e -> {
      // both calls have read version N before either writes
      if (armed.getCount() == 0 && e instanceof IncidentEvent.Assigned) {
        try {
          bothRead.await(10, TimeUnit.SECONDS);
        } catch (Exception ex) {
          throw new IllegalStateException(ex);
        }
      }
    }).build()) {
      Incident inc = TestEngines.openAndAcknowledge(engine);
      armed.countDown();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Incident>> calls = new ArrayList<>();
      for (String group : List.of("database", "storage")) {
        calls.add(pool.submit(() -> engine.incidents().assign(AGENT,
            new AssignIncident(inc.number(), group, null))));
      }
      List<Incident> wins = new ArrayList<>();
      List<Throwable> losses = new ArrayList<>();
      for (Future<Incident> f : calls) {
        try {
          wins.add(f.get(60, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          losses.add(e.getCause());
        }
      }
      pool.shutdown();

      assertThat(wins).hasSize(1);
      assertThat(losses).singleElement().isInstanceOf(ConcurrentModificationException.class)
          .satisfies(t -> assertThat(((ItsmException) t).isRetryable()).isTrue());
      Incident stored = engine.incidents().get(AGENT, inc.number());
      assertThat(stored.assignmentGroup()).isEqualTo(wins.get(0).assignmentGroup());
      assertThat(stored.version()).isEqualTo(inc.version() + 1);
      assertThat(engine.incidents().auditTrail(AGENT, inc.number()))
          .filteredOn(a -> a.operation().equals("incident.assign")).hasSize(1);
    }
  }
}
