package dev.itsm.core.incident.internal;

import static dev.itsm.core.incident.IncidentFixtures.AGENT;
import static dev.itsm.core.incident.IncidentFixtures.FALLBACK_GROUP;
import static dev.itsm.core.incident.IncidentFixtures.ROUTING;
import static dev.itsm.core.incident.IncidentFixtures.T0;

import dev.itsm.core.MutableClock;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.AssignmentRule;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.policy.PriorityMatrix;
import dev.itsm.core.internal.Events;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.sla.internal.SlaClockWorkflow;
import dev.itsm.core.store.memory.InMemorySlaClockStore;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.BeforeHook;
import dev.itsm.core.spi.IncidentStore;
import dev.itsm.core.store.memory.InMemoryAuditStore;
import dev.itsm.core.store.memory.InMemoryIncidentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DefaultIncidentService} wired for unit tests ({@link Transactions#local()},
 * {@link IncidentWorkflow#NONE}, ITIL matrix, default targets, routing by category, a
 * {@link MutableClock} at {@link IncidentFixtures#T0}, {@link AccessGuard#PERMIT_ALL} unless a
 * test sets a guard), with its stores exposed, plus shortcuts to
 * bring an incident into each state.
 */
public final class ServiceFixture {

  /** Building a validator factory is slow; one is enough for all tests. */
  private static final CommandValidator VALIDATOR = new CommandValidator();

  public final MutableClock clock;
  public final IncidentStore store;
  public final AuditStore audit;
  public final DefaultIncidentService service;

  private ServiceFixture(Builder b) {
    clock = b.clock;
    store = b.store;
    audit = b.audit;
    Transactions tx = Transactions.local();
    DefaultServiceLevelService sla = new DefaultServiceLevelService(ServiceLevels.defaults(),
        new InMemorySlaClockStore(), tx, SlaClockWorkflow.NONE, clock,
        new Events(tx, List.of(), List.of()), dev.itsm.core.internal.AccessGuard.PERMIT_ALL);
    service = new DefaultIncidentService(
        new DefaultIncidentService.Settings(clock, b.matrix, b.rule, b.fallbackGroup,
            NumberingPolicy.standard(), IncidentClocks.dueDates(sla)),
        store, audit, tx, b.workflow, VALIDATOR,
        new Events(tx, b.beforeHooks, b.afterListeners), b.guard);
  }

  /** @return an in-memory service with the defaults */
  public static ServiceFixture inMemory() {
    return builder().build();
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a NEW incident opened from {@link IncidentFixtures#validOpen()} */
  public Incident opened() {
    return service.open(AGENT, IncidentFixtures.validOpen());
  }

  /** @param command the command @return the opened incident */
  public Incident opened(OpenIncident command) {
    return service.open(AGENT, command);
  }

  /** @return an incident acknowledged a minute after opening */
  public Incident inProgress() {
    Incident i = opened();
    clock.advance(Duration.ofMinutes(1));
    return service.acknowledge(AGENT, new AcknowledgeIncident(i.number()));
  }

  /** @return an incident put on hold (awaiting the vendor) a minute after acknowledging */
  public Incident onHold() {
    Incident i = inProgress();
    clock.advance(Duration.ofMinutes(1));
    return service.putOnHold(AGENT,
        new PutIncidentOnHold(i.number(), HoldReason.AWAITING_VENDOR, "ticket V-1"));
  }

  /** @return an incident resolved a minute after acknowledging */
  public Incident resolved() {
    Incident i = inProgress();
    clock.advance(Duration.ofMinutes(1));
    return service.resolve(AGENT,
        new ResolveIncident(i.number(), ResolutionCode.SOLVED_PERMANENTLY, "Replaced the router"));
  }

  /** @return a closed incident */
  public Incident closed() {
    Incident i = resolved();
    clock.advance(Duration.ofMinutes(1));
    return service.close(AGENT, new CloseIncident(i.number(), "caller confirmed"));
  }

  /** @return a cancelled incident */
  public Incident cancelled() {
    Incident i = opened();
    clock.advance(Duration.ofMinutes(1));
    return service.cancel(AGENT, new CancelIncident(i.number(), "logged twice"));
  }

  /** Builds {@link ServiceFixture}s. */
  public static final class Builder {
    private MutableClock clock = new MutableClock(T0);
    private IncidentStore store = new InMemoryIncidentStore();
    private AuditStore audit = new InMemoryAuditStore();
    private PriorityMatrix matrix = PriorityMatrix.itil();
    private AssignmentRule rule = AssignmentRule.byCategory(ROUTING);
    private String fallbackGroup = FALLBACK_GROUP;
    private IncidentWorkflow workflow = IncidentWorkflow.NONE;
    private AccessGuard guard = AccessGuard.PERMIT_ALL;
    private final List<BeforeHook> beforeHooks = new ArrayList<>();
    private final List<AfterListener> afterListeners = new ArrayList<>();

    private Builder() {}

    public Builder clock(MutableClock v) { clock = v; return this; }
    public Builder stores(IncidentStore incidents, AuditStore auditTrail) {
      store = incidents;
      audit = auditTrail;
      return this;
    }
    public Builder priorityMatrix(PriorityMatrix v) { matrix = v; return this; }
    public Builder assignmentRule(AssignmentRule v) { rule = v; return this; }
    public Builder fallbackGroup(String v) { fallbackGroup = v; return this; }
    public Builder workflow(IncidentWorkflow v) { workflow = v; return this; }
    /** Access is not checked unless a test sets a guard. */
    public Builder guard(AccessGuard v) { guard = v; return this; }
    public Builder beforeHook(BeforeHook v) { beforeHooks.add(v); return this; }
    public Builder afterListener(AfterListener v) { afterListeners.add(v); return this; }

    public ServiceFixture build() {
      return new ServiceFixture(this);
    }
  }
}
