package dev.itsm.core.change;

import dev.itsm.core.Actor;
import dev.itsm.core.MutableClock;
import dev.itsm.core.change.internal.ChangeWorkflow;
import dev.itsm.core.change.internal.DefaultChangeService;
import dev.itsm.core.change.internal.LinkedIncidents;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.BeforeHook;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.store.memory.InMemoryAuditStore;
import dev.itsm.core.store.memory.InMemoryChangeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@link DefaultChangeService} for unit tests: in-memory stores, local transactions, a
 * {@link MutableClock}, simple Java risk and authority policies and a small directory.
 *
 * <p>Risk: HIGH when two similar changes failed or impact HIGH with an outage; MEDIUM when impact
 * HIGH or untested; else LOW. Authority: EMERGENCY → ecab ANY 4 h; LOW → change-managers ANY
 * 2 days; MEDIUM → change-managers QUORUM:2 3 days; HIGH → cab QUORUM:60% 5 days.
 */
public final class ChangeFixture {

  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  public static final Actor RITA = Actor.of("rita", "cab");          // requester, also in cab
  public static final Actor OLIVIA = Actor.of("olivia", "cab");      // owner, also in cab
  public static final Actor IVAN = Actor.of("ivan", "cab");          // implementer, also in cab
  public static final Actor ANN = Actor.of("ann", "cab");
  public static final Actor BEN = Actor.of("ben", "cab");
  public static final Actor CAT = Actor.of("cat", "cab");
  public static final Actor MAX = Actor.of("max", "change-managers");
  public static final Actor MIA = Actor.of("mia", "change-managers");
  public static final Actor EVE = Actor.of("eve", "ecab");
  public static final Actor ESC = Actor.of("esko", "change-escalation");
  public static final Actor NOBODY = Actor.of("nils", "service-desk");

  public static final Directory DIRECTORY = Directory.of(Map.of(
      "cab", Set.of("rita", "olivia", "ivan", "ann", "ben", "cat", "dan", "eli"),
      "change-managers", Set.of("max", "mia", "moe"),
      "ecab", Set.of("eve", "ed")));

  public static final ChangeRiskPolicy RISK = f ->
      f.failedSimilarChanges() >= 2 || f.impact() == Impact.HIGH && f.requiresOutage()
          ? ChangeRisk.HIGH
          : f.impact() == Impact.HIGH || !f.tested() ? ChangeRisk.MEDIUM : ChangeRisk.LOW;

  public static final ChangeAuthorityPolicy AUTHORITY = (type, risk) ->
      type == ChangeType.EMERGENCY
          ? new ChangeAuthority("ecab", "ecab", ApprovalPolicy.any(), Duration.ofHours(4))
          : switch (risk) {
            case LOW -> new ChangeAuthority("change-manager", "change-managers",
                ApprovalPolicy.any(), Duration.ofDays(2));
            case MEDIUM -> new ChangeAuthority("change-manager", "change-managers",
                ApprovalPolicy.quorum(2), Duration.ofDays(3));
            case HIGH -> new ChangeAuthority("cab", "cab", ApprovalPolicy.quorumPercent(60),
                Duration.ofDays(5));
          };

  private static final CommandValidator VALIDATOR = new CommandValidator();

  public final MutableClock clock = new MutableClock(T0);
  public final InMemoryChangeStore store = new InMemoryChangeStore();
  public final InMemoryAuditStore audit = new InMemoryAuditStore();
  public final List<ChangeEvent> published = new ArrayList<>();
  public final DefaultChangeService service;

  /** @param policies policies @param directory directory @param incidents incidents @param hooks before-hooks */
  public ChangeFixture(ChangePolicies policies, Directory directory, LinkedIncidents incidents,
      List<BeforeHook> hooks) {
    this(policies, directory, incidents, hooks, AccessGuard.PERMIT_ALL);
  }

  /**
   * @param policies policies @param directory directory @param incidents incidents
   * @param hooks before-hooks @param guard the access gate
   */
  public ChangeFixture(ChangePolicies policies, Directory directory, LinkedIncidents incidents,
      List<BeforeHook> hooks, AccessGuard guard) {
    Transactions tx = Transactions.local();
    AfterListener recorder = e -> {
      if (e instanceof ChangeEvent c) {
        published.add(c);
      }
    };
    service = new DefaultChangeService(new DefaultChangeService.Settings(clock, policies,
        policies.riskPolicy() != null ? policies.riskPolicy() : RISK,
        policies.authorityPolicy() != null ? policies.authorityPolicy() : AUTHORITY, directory,
        NumberingPolicy.standard(), incidents), store, audit, tx, ChangeWorkflow.NONE, VALIDATOR,
        new Events(tx, hooks, List.of(recorder)), guard);
  }

  /** @return the defaults with the fixture's directory and a restart-server template */
  public static ChangeFixture standard() {
    return with(b -> b);
  }

  /** @param custom adjusts the policies @return a fixture */
  public static ChangeFixture with(UnaryOperator<ChangePolicies.Builder> custom) {
    return new ChangeFixture(custom.apply(ChangePolicies.builder().standardChange(RESTART))
        .build(), DIRECTORY, LinkedIncidents.NONE, List.of());
  }

  public static final StandardChangeTemplate RESTART = new StandardChangeTemplate(
      "restart-app-server", "Restart an application server", "Rolling restart", "application",
      "Drain, restart, check health", "None needed", "Health check", "operations", Impact.LOW);

  /** @return a normal change command: network, core-sw-1, impact as given */
  public static CreateChange.Builder normal(Impact impact, boolean outage, boolean tested) {
    return CreateChange.builder().type(ChangeType.NORMAL).title("Upgrade core switch firmware")
        .justification("Vendor security advisory").category("network").services("network")
        .configurationItems("core-sw-1").implementationPlan("Stage, reload, verify")
        .backoutPlan("Boot the previous image").owner("olivia").implementerGroup("network")
        .implementer("ivan").impact(impact).requiresOutage(outage).tested(tested)
        .backoutTested(true);
  }

  /** @return a LOW-risk normal change, raised by rita */
  public Change lowRisk() {
    return service.create(RITA, normal(Impact.LOW, false, true).build());
  }

  /** @return a LOW-risk change authorised by max */
  public Change authorized() {
    Change c = lowRisk();
    service.submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
    return service.decide(MAX, DecideChange.approve(c.number(), "fine"));
  }

  /** @param start window start @return an authorised change scheduled for an hour from start */
  public Change scheduled(Instant start) {
    Change c = authorized();
    return service.schedule(MAX, ScheduleChange.window(c.number(), start,
        start.plus(Duration.ofHours(1))));
  }
}
