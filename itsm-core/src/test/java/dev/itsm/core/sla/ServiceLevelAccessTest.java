package dev.itsm.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.store.memory.InMemorySlaClockStore;
import dev.itsm.core.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Service-level reads need {@code service-level.read} and see only the actor's tenant. */
class ServiceLevelAccessTest {

  private static final Actor AGENT = Actor.of("dana", "service-desk");
  private static final Actor ACME_AGENT = AGENT.inTenant("acme");
  private static final Actor CALLER = Actor.of("carl");

  private final MutableClock clock = new MutableClock(SlaFixture.T0);
  private final InMemorySlaClockStore store = new InMemorySlaClockStore();
  private final Transactions tx = Transactions.local();
  private final DefaultServiceLevelService sla = new DefaultServiceLevelService(
      ServiceLevels.defaults(), store, tx, new RecordingWorkflow(), clock,
      new Events(tx, List.of(), List.of()),
      new AccessGuard(RoleModel.standard(), Directory.NONE, Set.of("acme", "globex")));

  private SlaClock start(String tenant, String number) {
    return sla.start(tenant, SlaFixture.PROCESS, number, TargetKind.RESOLUTION, Priority.P2, null,
        null, "network", true, null).orElseThrow();
  }

  @Test
  void everyReadNeedsThePermission() {
    SlaClock c = start(Actor.DEFAULT_TENANT, "INC0000001");
    List<Runnable> reads = List.of(
        () -> sla.clocks(CALLER, "INC0000001"),
        () -> sla.history(CALLER, c.id()),
        () -> sla.atRisk(CALLER, 50, null),
        () -> sla.breached(CALLER, null),
        () -> sla.compliance(CALLER, SlaFixture.T0, SlaFixture.T0.plusSeconds(60)));
    for (Runnable read : reads) {
      assertThatThrownBy(read::run).isInstanceOfSatisfying(AccessDeniedException.class,
          e -> assertThat(e.permission()).isEqualTo(Permission.SERVICE_LEVEL_READ));
    }
    assertThat(sla.clocks(AGENT, "INC0000001")).hasSize(1);
  }

  @Test
  void clocksOfAnotherTenantAreNotThere() {
    SlaClock mine = start(Actor.DEFAULT_TENANT, "INC0000001");
    SlaClock theirs = start("acme", "ACME-INC0000001");
    clock.advance(Duration.ofHours(9)); // both over target (P2 resolution: 8 h)

    assertThat(theirs.tenant()).isEqualTo("acme");
    assertThatThrownBy(() -> sla.clocks(AGENT, "ACME-INC0000001"))
        .isInstanceOf(RecordNotFoundException.class);
    assertThat(sla.clocks(ACME_AGENT, "ACME-INC0000001")).hasSize(1);
    assertThat(sla.history(AGENT, theirs.id())).isEmpty();
    assertThat(sla.history(ACME_AGENT, theirs.id())).isNotEmpty();
    assertThat(sla.atRisk(AGENT, 1, null)).extracting(s -> s.clock().id())
        .containsExactly(mine.id());
    assertThat(sla.atRisk(ACME_AGENT, 1, null)).extracting(s -> s.clock().id())
        .containsExactly(theirs.id());
    assertThat(sla.atRisk(AGENT.inTenant("globex"), 1, null)).isEmpty();
    assertThatThrownBy(() -> sla.clocks(AGENT.inTenant("initech"), "INC0000001"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .anySatisfy(v -> assertThat(v.field()).isEqualTo("actor.tenant")));
  }

  @Test
  void complianceCountsOnlyTheActorsTenant() {
    start(Actor.DEFAULT_TENANT, "INC0000001");
    start("acme", "ACME-INC0000001");
    start("acme", "ACME-INC0000002");
    sla.achieve("INC0000001", TargetKind.RESOLUTION);
    sla.achieve("ACME-INC0000001", TargetKind.RESOLUTION);
    sla.achieve("ACME-INC0000002", TargetKind.RESOLUTION);

    var to = SlaFixture.T0.plusSeconds(3600);
    assertThat(sla.compliance(AGENT, SlaFixture.T0, to)).singleElement()
        .satisfies(c -> assertThat(c.achieved() + c.breached()).isEqualTo(1));
    assertThat(sla.compliance(ACME_AGENT, SlaFixture.T0, to)).singleElement()
        .satisfies(c -> assertThat(c.achieved() + c.breached()).isEqualTo(2));
  }
}
