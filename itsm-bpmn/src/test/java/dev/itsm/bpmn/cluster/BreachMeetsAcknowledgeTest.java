package dev.itsm.bpmn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.sla.ClockStatus;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.testdb.ScratchDatabase;
import dev.itsm.core.testdb.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The response breach of an incident fires (on the job executor, as on another node) at the moment
 * a user acknowledges the incident. The timer job writes the clock, then the record; the call
 * writes the record, then the clock. Held at that point, the two deadlock in the database, which
 * rolls one back. The call must then fail like any other lost race, with the typed, retryable
 * conflict, and change nothing; retried, it succeeds; the job completes (retried by the engine
 * if it was the one rolled back); the breach is recorded at most once. On H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class BreachMeetsAcknowledgeTest {

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  @Test
  void aDeadlockBetweenTheBreachTimerAndTheCallIsARetryableConflict() throws Exception {
    CountDownLatch jobWroteTheClock = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (ScratchDatabase db = kind.create("breach_meets_ack");
        HikariDataSource pool = ClusterFixture.pool("breach-meets-ack", db.jdbcUrl(), db.user(),
            db.password());
        ItsmEngine engine = ClusterFixture.builder(pool).beforeHook(e -> {
          // in the breach job, after it updated the clock and before it updates the record
          if (e instanceof IncidentEvent.TargetMissed && first.getAndSet(false)) {
            jobWroteTheClock.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
              Thread.currentThread().interrupt();
            }
          }
        }).build()) {
      Actor agent = Actor.of("dana", "service-desk");
      Incident inc = engine.incidents().open(agent, OpenIncident.builder()
          .title("Printer on fire").caller("bob").channel(Channel.PHONE)
          .impact(Impact.MEDIUM).urgency(Urgency.HIGH).build()); // P2: response 2 s
      assertThat(jobWroteTheClock.await(30, TimeUnit.SECONDS)).as("breach job started").isTrue();

      Future<Incident> ack = caller.submit(() -> engine.incidents().acknowledge(agent,
          new AcknowledgeIncident(inc.number())));
      Thread.sleep(500); // let the call write the record and reach the clock the job holds
      release.countDown();

      Incident acknowledged;
      try {
        acknowledged = ack.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(dev.itsm.core.ConcurrentModificationException.class)
            .satisfies(t -> assertThat(((ItsmException) t).isRetryable()).isTrue());
        assertThat(engine.incidents().get(Actor.system(), inc.number()).state()).isEqualTo(IncidentState.NEW);
        acknowledged = retried(() -> engine.incidents().acknowledge(agent,
            new AcknowledgeIncident(inc.number())));
      }
      assertThat(acknowledged.state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(engine.awaitDueJobs(Duration.ofSeconds(30))).isTrue();

      assertThat(engine.processEngine().getManagementService().createJobQuery()
          .withException().count()).isZero();
      assertThat(engine.processEngine().getRuntimeService().createIncidentQuery().count())
          .isZero();
      ClockStatus response = engine.serviceLevels().clocks(dev.itsm.core.Actor.of("dana", "service-desk"), inc.number()).stream()
          .filter(s -> s.clock().kind() == TargetKind.RESPONSE).findFirst().orElseThrow();
      assertThat(response.clock().stoppedAt()).isNotNull();
      Incident stored = engine.incidents().get(Actor.system(), inc.number());
      assertThat(stored.milestones().responseBreachedAt() != null)
          .isEqualTo(response.clock().firedPercents().contains(100));
      assertThat(engine.incidents().auditTrail(Actor.system(), inc.number())).extracting(AuditEntry::operation)
          .containsOnlyOnce("incident.open", "incident.acknowledge")
          .filteredOn("incident.targetMissed"::equals).hasSizeLessThanOrEqualTo(1);
      assertThat(engine.processEngine().getTaskService().createTaskQuery()
          .processInstanceBusinessKey(inc.number()).singleResult().getTaskDefinitionKey())
          .isEqualTo("Task_ResolveIncident");
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
  }

  /** A client's retry: the job may still hold the record for a moment (another conflict). */
  private static Incident retried(java.util.function.Supplier<Incident> call)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (dev.itsm.core.ConcurrentModificationException e) {
        if (attempt == 10) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
