package dev.itsm.bpmn;

import static dev.itsm.bpmn.TestEngines.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.ServiceTarget;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Timers fire on the real job executor once the engine clock passes their due date, on H2 and
 * PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class IncidentTimersTest {

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;
  @TempDir Path dir;
  EngineDatabase database;
  ItsmEngine engine;
  final List<ItsmEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    database = EngineDatabase.create(kind, dir, "timers");
    engine = TestEngines.builder(database).autoCloseAfter(Duration.ofDays(3))
        .afterListener(events::add).build();
  }

  @AfterEach
  void stop() {
    engine.close();
    database.close();
    EngineClock.reset();
  }

  @Test
  void resolvedIncidentClosesAutomaticallyAfterThePeriod() {
    Incident inc = TestEngines.resolved(engine);

    EngineClock.advance(Duration.ofDays(2));
    sleepAFewPolls();
    assertThat(engine.incidents().get(AGENT, inc.number()).state()).isEqualTo(IncidentState.RESOLVED);

    EngineClock.advance(Duration.ofDays(1).plusMinutes(1));
    assertThat(engine.awaitDueJobs(Duration.ofSeconds(30))).as("due jobs ran").isTrue();
    assertThat(engine.incidents().get(AGENT, inc.number()).state()).isEqualTo(IncidentState.CLOSED);

    Incident closed = engine.incidents().get(AGENT, inc.number());
    assertThat(closed.milestones().closedAt()).isNotNull();
    assertThat(engine.incidents().auditTrail(AGENT, inc.number())).last()
        .satisfies(e -> {
          assertThat(e.actorId()).isEqualTo("system");
          assertThat(e.operation()).isEqualTo("incident.closeAutomatically");
        });
    assertThat(engine.processEngine().getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("EndEvent_IncidentClosedAutomatically").count()).isOne();
    TestEngines.await(Duration.ofSeconds(10), "closed event",
        () -> events.stream().anyMatch(e -> e instanceof IncidentEvent.Closed c
            && c.automatically()));
  }

  @Test
  void missedResponseTargetIsRecordedOnce() {
    Incident p1 = engine.incidents().open(AGENT, TestEngines.vpnOutage()
        .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    assertThat(p1.milestones().responseDue())
        .isEqualTo(p1.milestones().openedAt().plus(Duration.ofMinutes(15)));

    EngineClock.advance(Duration.ofMinutes(16));
    TestEngines.await(Duration.ofSeconds(30), "response breach",
        () -> engine.incidents().get(AGENT, p1.number()).milestones().responseBreachedAt() != null);

    Incident after = engine.incidents().get(AGENT, p1.number());
    assertThat(after.state()).isEqualTo(IncidentState.NEW);
    assertThat(after.milestones().resolutionBreachedAt()).isNull();
    assertThat(engine.incidents().timeline(AGENT, p1.number()))
        .filteredOn(t -> t.kind() == TimelineEntry.Kind.SYSTEM)
        .singleElement().extracting(TimelineEntry::text).asString()
        .startsWith("Response target missed");
    TestEngines.await(Duration.ofSeconds(10), "target missed event",
        () -> events.stream().anyMatch(e -> e instanceof IncidentEvent.TargetMissed t
            && t.target() == ServiceTarget.RESPONSE));
  }

  @Test
  void metResponseTargetIsNotBreached() {
    Incident inc = TestEngines.openAndAcknowledge(engine);
    EngineClock.advance(Duration.ofHours(5));
    sleepAFewPolls();
    assertThat(engine.incidents().get(AGENT, inc.number()).milestones().responseBreachedAt()).isNull();
  }

  private static void sleepAFewPolls() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
