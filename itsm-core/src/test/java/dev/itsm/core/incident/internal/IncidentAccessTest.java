package dev.itsm.core.incident.internal;

import static dev.itsm.core.incident.IncidentFixtures.openCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.ChangeIncidentPriority;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.spi.Directory;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incident service under {@link RoleModel#standard()} with the tenants acme and globex: every
 * permission the service needs is granted to the right actors and refused to the others (a
 * refused call changes nothing), callers see only their own incidents, and another tenant's
 * incident does not exist for any method.
 */
class IncidentAccessTest {

  /** Reports an incident (no group: a caller). The caller of {@code openCommand()}. */
  static final Actor ALICE = Actor.of("alice");
  /** Another caller, with no group. */
  static final Actor MALLORY = Actor.of("mallory");
  /** A member of network-ops, the group network incidents are assigned to. */
  static final Actor NINA = Actor.of("nina", "network-ops");
  /** A service-desk agent. */
  static final Actor DANA = Actor.of("dana", "service-desk");
  /** Staff of another group: reads, but works no network incident. */
  static final Actor OSCAR = Actor.of("oscar", "facilities");
  /** An incident manager. */
  static final Actor IAN = Actor.of("ian", "incident-managers");
  /** The library's own identity: reads any record to compare before and after. */
  static final Actor SYSTEM = Actor.system();

  ServiceFixture f;
  IncidentService incidents;

  @BeforeEach
  void wire() {
    f = ServiceFixture.builder()
        .guard(new AccessGuard(RoleModel.standard(), Directory.NONE, Set.of("acme", "globex")))
        .build();
    incidents = f.service;
  }

  /** @return a NEW network incident of alice, assigned to network-ops */
  Incident opened() {
    return incidents.open(DANA, openCommand().build());
  }

  Incident inProgress() {
    return incidents.acknowledge(NINA, new AcknowledgeIncident(opened().number()));
  }

  Incident onHold() {
    return incidents.putOnHold(NINA, new PutIncidentOnHold(inProgress().number(),
        HoldReason.AWAITING_CALLER, null));
  }

  Incident resolved() {
    return incidents.resolve(NINA, new ResolveIncident(inProgress().number(),
        ResolutionCode.SOLVED_PERMANENTLY, "Replaced the router"));
  }

  /** Asserts that the call is refused for lack of the permission and changed nothing. */
  void refused(Incident incident, Permission permission, ThrowingCallable call) {
    Incident before = incidents.get(SYSTEM, incident.number());
    int timeline = incidents.timeline(SYSTEM, incident.number()).size();
    int audit = incidents.auditTrail(SYSTEM, incident.number()).size();

    assertThatThrownBy(call).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
      assertThat(e.permission()).isEqualTo(permission);
      assertThat(e.recordNumber()).isEqualTo(incident.number());
      assertThat(e.rule()).isEqualTo("permission:" + permission.id());
    });

    assertThat(incidents.get(SYSTEM, incident.number())).isEqualTo(before);
    assertThat(incidents.timeline(SYSTEM, incident.number())).hasSize(timeline);
    assertThat(incidents.auditTrail(SYSTEM, incident.number())).hasSize(audit);
  }

  @Nested
  class Permissions {

    @Test
    void open() {
      assertThat(incidents.open(NINA, openCommand().caller("bob").build()).caller())
          .isEqualTo("bob");
      // a caller logs an incident for themself, not for others
      assertThat(incidents.open(ALICE, openCommand().build()).caller()).isEqualTo("alice");
      long count = incidents.query(SYSTEM).count();
      assertThatThrownBy(() -> incidents.open(MALLORY, openCommand().build()))
          .isInstanceOfSatisfying(AccessDeniedException.class,
              e -> assertThat(e.permission()).isEqualTo(Permission.INCIDENT_OPEN));
      assertThat(incidents.query(SYSTEM).count()).isEqualTo(count);
    }

    @Test
    void read() {
      Incident i = opened();
      for (Actor allowed : List.of(ALICE, NINA, OSCAR, IAN)) {
        assertThat(incidents.get(allowed, i.number())).isEqualTo(i);
        assertThat(incidents.find(allowed, i.number())).contains(i);
        assertThat(incidents.timeline(allowed, i.number())).isNotEmpty();
        assertThat(incidents.auditTrail(allowed, i.number())).isNotEmpty();
      }
      refused(i, Permission.INCIDENT_READ, () -> incidents.get(MALLORY, i.number()));
      refused(i, Permission.INCIDENT_READ, () -> incidents.find(MALLORY, i.number()));
      refused(i, Permission.INCIDENT_READ, () -> incidents.timeline(MALLORY, i.number()));
      refused(i, Permission.INCIDENT_READ, () -> incidents.auditTrail(MALLORY, i.number()));
    }

    @Test
    void assign() {
      Incident i = opened();
      refused(i, Permission.INCIDENT_ASSIGN, () -> incidents.assign(OSCAR,
          new AssignIncident(i.number(), "facilities", null)));
      refused(i, Permission.INCIDENT_ASSIGN, () -> incidents.assign(ALICE,
          new AssignIncident(i.number(), "network-ops", "alice")));
      assertThat(incidents.assign(NINA, new AssignIncident(i.number(), "network-ops", "nina"))
          .assignee()).isEqualTo("nina");
      assertThat(incidents.assign(DANA, new AssignIncident(i.number(), "desktop-support", null))
          .assignmentGroup()).isEqualTo("desktop-support");
      // nina's group no longer works it
      Incident moved = incidents.get(SYSTEM, i.number());
      refused(moved, Permission.INCIDENT_ASSIGN, () -> incidents.assign(NINA,
          new AssignIncident(i.number(), "network-ops", "nina")));
    }

    @Test
    void reprioritize() {
      Incident i = opened();
      ChangeIncidentPriority raise = new ChangeIncidentPriority(i.number(), Impact.HIGH,
          Urgency.HIGH, "whole site down");
      // the resolver works the incident but does not set its priority
      refused(i, Permission.INCIDENT_REPRIORITIZE, () -> incidents.reprioritize(NINA, raise));
      refused(i, Permission.INCIDENT_REPRIORITIZE, () -> incidents.reprioritize(ALICE, raise));
      assertThat(incidents.reprioritize(DANA, raise).impact()).isEqualTo(Impact.HIGH);
      assertThat(incidents.reprioritize(IAN, new ChangeIncidentPriority(i.number(), Impact.LOW,
          Urgency.LOW, "workaround in place")).impact()).isEqualTo(Impact.LOW);
    }

    @Test
    void workAcknowledgeHoldResume() {
      Incident i = opened();
      refused(i, Permission.INCIDENT_WORK,
          () -> incidents.acknowledge(OSCAR, new AcknowledgeIncident(i.number())));
      refused(i, Permission.INCIDENT_WORK,
          () -> incidents.acknowledge(ALICE, new AcknowledgeIncident(i.number())));
      assertThat(incidents.acknowledge(NINA, new AcknowledgeIncident(i.number())).state())
          .isEqualTo(IncidentState.IN_PROGRESS);

      Incident working = incidents.get(SYSTEM, i.number());
      PutIncidentOnHold hold = new PutIncidentOnHold(i.number(), HoldReason.AWAITING_VENDOR, null);
      refused(working, Permission.INCIDENT_WORK, () -> incidents.putOnHold(OSCAR, hold));
      assertThat(incidents.putOnHold(DANA, hold).state()).isEqualTo(IncidentState.ON_HOLD);

      Incident held = incidents.get(SYSTEM, i.number());
      ResumeIncident resume = new ResumeIncident(i.number(), "vendor answered");
      refused(held, Permission.INCIDENT_WORK, () -> incidents.resume(ALICE, resume));
      refused(held, Permission.INCIDENT_WORK, () -> incidents.resume(OSCAR, resume));
      assertThat(incidents.resume(NINA, resume).state()).isEqualTo(IncidentState.IN_PROGRESS);
    }

    @Test
    void note() {
      Incident i = opened();
      refused(i, Permission.INCIDENT_NOTE, () -> incidents.addWorkNote(OSCAR,
          new AddWorkNote(i.number(), "not mine", AddWorkNote.Visibility.INTERNAL)));
      refused(i, Permission.INCIDENT_NOTE, () -> incidents.addWorkNote(MALLORY,
          new AddWorkNote(i.number(), "hi", AddWorkNote.Visibility.CUSTOMER)));
      for (Actor allowed : List.of(ALICE, NINA, DANA, IAN)) {
        incidents.addWorkNote(allowed, new AddWorkNote(i.number(), "from " + allowed.id(),
            AddWorkNote.Visibility.CUSTOMER));
      }
      assertThat(incidents.timeline(ALICE, i.number())).extracting(e -> e.actorId())
          .contains("alice", "nina", "dana", "ian");
    }

    @Test
    void resolve() {
      Incident i = inProgress();
      ResolveIncident fix = new ResolveIncident(i.number(), ResolutionCode.SOLVED_WORKAROUND,
          "Restarted the tunnel");
      // the service desk routes network incidents but does not resolve them
      refused(i, Permission.INCIDENT_RESOLVE, () -> incidents.resolve(DANA, fix));
      refused(i, Permission.INCIDENT_RESOLVE, () -> incidents.resolve(ALICE, fix));
      assertThat(incidents.resolve(NINA, fix).state()).isEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void anAssigneeOutsideTheGroupResolvesToo() {
      Incident i = incidents.assign(DANA, new AssignIncident(inProgress().number(),
          "network-ops", "oscar"));
      assertThat(incidents.resolve(OSCAR, new ResolveIncident(i.number(),
          ResolutionCode.SOLVED_PERMANENTLY, "Swapped the cable")).state())
          .isEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void reopen() {
      Incident i = resolved();
      ReopenIncident reopen = new ReopenIncident(i.number(), "still broken");
      refused(i, Permission.INCIDENT_REOPEN, () -> incidents.reopen(NINA, reopen));
      refused(i, Permission.INCIDENT_REOPEN, () -> incidents.reopen(MALLORY, reopen));
      assertThat(incidents.reopen(ALICE, reopen).state()).isEqualTo(IncidentState.IN_PROGRESS);
    }

    @Test
    void close() {
      Incident i = resolved();
      CloseIncident close = new CloseIncident(i.number(), "works again");
      refused(i, Permission.INCIDENT_CLOSE, () -> incidents.close(NINA, close));
      refused(i, Permission.INCIDENT_CLOSE, () -> incidents.close(OSCAR, close));
      assertThat(incidents.close(ALICE, close).state()).isEqualTo(IncidentState.CLOSED);
      assertThat(incidents.close(DANA, new CloseIncident(resolved().number(), null)).state())
          .isEqualTo(IncidentState.CLOSED);
    }

    @Test
    void cancel() {
      Incident i = opened();
      CancelIncident cancel = new CancelIncident(i.number(), "logged twice");
      refused(i, Permission.INCIDENT_CANCEL, () -> incidents.cancel(NINA, cancel));
      refused(i, Permission.INCIDENT_CANCEL, () -> incidents.cancel(MALLORY, cancel));
      assertThat(incidents.cancel(ALICE, cancel).state()).isEqualTo(IncidentState.CANCELLED);
      assertThat(incidents.cancel(DANA, new CancelIncident(opened().number(), "duplicate"))
          .state()).isEqualTo(IncidentState.CANCELLED);
    }

    @Test
    void aDeniedActorLearnsNothingAboutTheLifecycle() {
      Incident i = opened();
      // resolving a NEW incident is an illegal transition, but oscar may not resolve at all
      refused(i, Permission.INCIDENT_RESOLVE, () -> incidents.resolve(OSCAR,
          new ResolveIncident(i.number(), ResolutionCode.SOLVED_WORKAROUND, "n/a")));
      assertThatThrownBy(() -> incidents.resolve(NINA, new ResolveIncident(i.number(),
          ResolutionCode.SOLVED_WORKAROUND, "n/a"))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theLibrarysOwnActorPassesEveryCheck() {
      Incident i = opened();
      assertThat(incidents.acknowledge(SYSTEM, new AcknowledgeIncident(i.number())).state())
          .isEqualTo(IncidentState.IN_PROGRESS);
    }
  }

  @Nested
  class Queries {

    @Test
    void aCallerWithoutGroupsSeesOnlyTheirOwnIncidents() {
      Incident alices = opened();
      Incident bobs = incidents.open(DANA, openCommand().caller("bob").build());
      Incident alicesSecond = incidents.open(ALICE, openCommand().title("Printer jam").build());

      assertThat(incidents.query(ALICE).list()).extracting(Incident::number)
          .containsExactlyInAnyOrder(alices.number(), alicesSecond.number());
      assertThat(incidents.query(ALICE).count()).isEqualTo(2);
      // naming another caller does not widen the scope
      assertThat(incidents.query(ALICE).caller("bob").list()).isEmpty();
      assertThat(incidents.query(MALLORY).list()).isEmpty();
      assertThat(incidents.query(MALLORY).count()).isZero();

      assertThat(incidents.query(OSCAR).list()).extracting(Incident::number)
          .containsExactlyInAnyOrder(alices.number(), bobs.number(), alicesSecond.number());
      assertThat(incidents.query(NINA).caller("bob").list()).extracting(Incident::number)
          .containsExactly(bobs.number());
    }
  }

  @Nested
  class Tenants {

    final Actor acme = Actor.of("ian", "incident-managers").inTenant("acme");
    final Actor acmeCaller = Actor.of("alice").inTenant("acme");

    @Test
    void eachTenantNumbersItsOwnIncidents() {
      assertThat(opened().number()).isEqualTo("INC0000001");
      assertThat(opened().number()).isEqualTo("INC0000002");
      Incident first = incidents.open(acme, openCommand().build());
      assertThat(first.number()).isEqualTo("ACME-INC0000001");
      assertThat(first.tenant()).isEqualTo("acme");
      assertThat(incidents.open(acme, openCommand().build()).number())
          .isEqualTo("ACME-INC0000002");
      assertThat(incidents.open(Actor.of("gil", "service-desk").inTenant("globex"),
          openCommand().build()).number()).isEqualTo("GLOBEX-INC0000001");
      Incident third = opened();
      assertThat(third.number()).isEqualTo("INC0000003");
      assertThat(third.tenant()).isEqualTo(Actor.DEFAULT_TENANT);
    }

    @Test
    void eachTenantQueriesItsOwnIncidents() {
      Incident mine = opened();
      Incident acmes = incidents.open(acme, openCommand().build());
      Incident acmeCallers = incidents.open(acmeCaller, openCommand().build());

      assertThat(incidents.query(NINA).list()).containsExactly(mine);
      assertThat(incidents.query(acme).list()).extracting(Incident::number)
          .containsExactlyInAnyOrder(acmes.number(), acmeCallers.number());
      // alice of acme is not alice of the default tenant
      assertThat(incidents.query(acmeCaller).caller("alice").list()).extracting(Incident::number)
          .containsExactlyInAnyOrder(acmes.number(), acmeCallers.number());
      assertThat(incidents.query(ALICE).list()).containsExactly(mine);
      assertThat(incidents.get(acmeCaller, acmes.number())).isEqualTo(acmes);
    }

    @Test
    void anUndeclaredTenantIsRefused() {
      Actor initech = Actor.of("ian", "incident-managers").inTenant("initech");
      assertThatThrownBy(() -> incidents.open(initech, openCommand().build()))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
              .contains("actor.tenant"));
      assertThatThrownBy(() -> incidents.query(initech))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> incidents.find(initech, "INC0000001"))
          .isInstanceOf(ValidationException.class);
    }

    /** Every method of the service, on one record, for an actor of another tenant. */
    static Stream<Arguments> everyMethod() {
      return Stream.<Object[]>of(
          call("get", (s, a, n) -> s.get(a, n)),
          call("timeline", (s, a, n) -> s.timeline(a, n)),
          call("auditTrail", (s, a, n) -> s.auditTrail(a, n)),
          call("assign", (s, a, n) -> s.assign(a, new AssignIncident(n, "network-ops", "gil"))),
          call("reprioritize", (s, a, n) -> s.reprioritize(a,
              new ChangeIncidentPriority(n, Impact.HIGH, Urgency.HIGH, "mine now"))),
          call("acknowledge", (s, a, n) -> s.acknowledge(a, new AcknowledgeIncident(n))),
          call("putOnHold", (s, a, n) -> s.putOnHold(a,
              new PutIncidentOnHold(n, HoldReason.AWAITING_CALLER, null))),
          call("resume", (s, a, n) -> s.resume(a, new ResumeIncident(n, null))),
          call("resolve", (s, a, n) -> s.resolve(a,
              new ResolveIncident(n, ResolutionCode.SOLVED_WORKAROUND, "x"))),
          call("reopen", (s, a, n) -> s.reopen(a, new ReopenIncident(n, "x"))),
          call("close", (s, a, n) -> s.close(a, new CloseIncident(n, null))),
          call("cancel", (s, a, n) -> s.cancel(a, new CancelIncident(n, "x"))),
          call("addWorkNote", (s, a, n) -> s.addWorkNote(a,
              new AddWorkNote(n, "x", AddWorkNote.Visibility.INTERNAL))))
          .map(Arguments::of);
    }

    /** A call of the service on a record. */
    @FunctionalInterface
    interface Call {
      Object on(IncidentService service, Actor actor, String number);
    }

    static Object[] call(String name, Call call) {
      return new Object[] {name, call};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMethod")
    void anotherTenantsIncidentIsNotFoundByAnyMethod(String method, Call call) {
      Incident fresh = incidents.open(acme, openCommand().build());
      Incident working = incidents.acknowledge(acme,
          new AcknowledgeIncident(incidents.open(acme, openCommand().build()).number()));
      for (Incident acmes : List.of(fresh, working)) {
        Incident before = incidents.get(acme, acmes.number());
        int timeline = incidents.timeline(acme, acmes.number()).size();
        int audit = incidents.auditTrail(acme, acmes.number()).size();
        for (Actor outsider : List.of(Actor.of("gil", "incident-managers").inTenant("globex"),
            Actor.of("alice").inTenant("globex"), IAN, ALICE)) {
          assertThatThrownBy(() -> call.on(incidents, outsider, acmes.number()))
              .as("%s by %s of %s", method, outsider.id(), outsider.tenant())
              .isInstanceOf(RecordNotFoundException.class);
        }
        assertThat(incidents.get(acme, acmes.number())).isEqualTo(before);
        assertThat(incidents.timeline(acme, acmes.number())).hasSize(timeline);
        assertThat(incidents.auditTrail(acme, acmes.number())).hasSize(audit);
      }
    }

    @Test
    void anotherTenantsIncidentIsNotFoundNorListed() {
      Incident acmes = incidents.open(acme, openCommand().build());
      Actor globex = Actor.of("gil", "incident-managers").inTenant("globex");
      for (Actor outsider : List.of(globex, IAN, ALICE, Actor.of("alice").inTenant("globex"))) {
        assertThat(incidents.find(outsider, acmes.number())).isEmpty();
        assertThat(incidents.query(outsider).list()).isEmpty();
        assertThat(incidents.query(outsider).count()).isZero();
        assertThat(incidents.query(outsider).text("VPN").caller("alice").list()).isEmpty();
      }
      assertThat(incidents.find(acme, acmes.number())).contains(acmes);
    }
  }
}
