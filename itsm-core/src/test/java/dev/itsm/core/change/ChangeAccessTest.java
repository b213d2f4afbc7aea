package dev.itsm.core.change;

import static dev.itsm.core.change.ChangeFixture.DIRECTORY;
import static dev.itsm.core.change.ChangeFixture.IVAN;
import static dev.itsm.core.change.ChangeFixture.MAX;
import static dev.itsm.core.change.ChangeFixture.OLIVIA;
import static dev.itsm.core.change.ChangeFixture.RESTART;
import static dev.itsm.core.change.ChangeFixture.RITA;
import static dev.itsm.core.change.ChangeFixture.T0;
import static dev.itsm.core.change.ChangeFixture.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.access.AccessDecision;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.change.internal.LinkedIncidents;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.spi.AccessPolicy;
import dev.itsm.core.spi.Directory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Change enablement behind the access gate with the standard role model and the tenants acme and
 * globex: every permission the change service uses is granted to someone and refused to someone
 * (a refusal changes nothing and comes before the lifecycle), callers see only their own changes,
 * and a change of one tenant does not exist for another.
 */
class ChangeAccessTest {

  private static final Instant DAY1 = T0.plus(Duration.ofDays(1));
  /** Staff, but neither requester, owner nor implementer of the fixture's changes. */
  private static final Actor OSCAR = Actor.of("oscar", "service-desk");
  /** A caller: in no group. */
  private static final Actor CARL = Actor.of("carl");
  /** Carl at work in the apps team: raises changes he then sees as a caller too. */
  private static final Actor CARL_AT_WORK = Actor.of("carl", "apps");
  /** A change manager the host's own policy restricts (contractor). */
  private static final Actor EXT = Actor.of("ext-kim", "change-managers");

  /** The standard role model, plus a host rule: contractors neither raise nor decide changes. */
  private static final AccessPolicy POLICY = RoleModel.standard().and(r ->
      r.actor().id().startsWith("ext-") && (r.permission() == Permission.CHANGE_CREATE
          || r.permission() == Permission.CHANGE_DECIDE)
          ? AccessDecision.deny("contractors neither raise nor decide changes")
          : AccessDecision.allow());

  private final ChangeFixture f = new ChangeFixture(
      ChangePolicies.builder().standardChange(RESTART).build(), DIRECTORY, LinkedIncidents.NONE,
      List.of(), new AccessGuard(POLICY, Directory.NONE, Set.of("acme", "globex")));
  private final ChangeService changes = f.service;

  private Change lowRisk(Actor requester) {
    return changes.create(requester, normal(Impact.LOW, false, true).build());
  }

  private Change inAuthorisation() {
    Change c = f.lowRisk();
    return changes.submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
  }

  private Change authorised() {
    return f.authorized();
  }

  private Change inImplementation() {
    Change c = f.scheduled(DAY1);
    return changes.startImplementation(IVAN, new StartImplementation(c.number(), null));
  }

  private Change inReview() {
    Change c = inImplementation();
    return changes.recordOutcome(IVAN, new RecordOutcome(c.number(), ChangeOutcome.FAILED,
        "rolled back"));
  }

  /** The call is refused for the permission and the change (read as a manager) is unchanged. */
  private void denied(Permission permission, String number, Executable call) {
    Actor reader = number.startsWith("ACME-") ? MAX.inTenant("acme") : MAX;
    Change before = changes.get(reader, number);
    int lines = changes.timeline(reader, number).size();
    int audits = changes.auditTrail(reader, number).size();
    AccessDeniedException e = assertThrows(AccessDeniedException.class, call);
    assertThat(e.permission()).isEqualTo(permission);
    assertThat(e.rule()).isEqualTo("permission:" + permission.id());
    assertThat(e.recordNumber()).isEqualTo(number);
    assertThat(changes.get(reader, number)).isEqualTo(before);
    assertThat(changes.timeline(reader, number)).hasSize(lines);
    assertThat(changes.auditTrail(reader, number)).hasSize(audits);
  }

  // ----------------------------------------------------------------------------- permissions

  @Test
  void raisingIsForStaffAndTheHostPolicyCanRefuseIt() {
    assertThat(lowRisk(OSCAR).requester()).isEqualTo("oscar");
    assertThat(lowRisk(CARL_AT_WORK).requester()).isEqualTo("carl");
    assertThat(changes.createStandard(CARL_AT_WORK, CreateStandardChange.of(RESTART.id(),
        "olivia", "app-1")).state()).isEqualTo(ChangeState.AUTHORIZED);
    long count = changes.query(MAX).count();
    // a caller in no group would otherwise make themselves owner and implementer
    assertThat(assertThrows(AccessDeniedException.class, () -> changes.createStandard(CARL,
        CreateStandardChange.of(RESTART.id(), "carl", "app-1"))).permission())
        .isEqualTo(Permission.CHANGE_CREATE);
    assertThat(assertThrows(AccessDeniedException.class, () -> lowRisk(CARL)).permission())
        .isEqualTo(Permission.CHANGE_CREATE);
    AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> lowRisk(EXT));
    assertThat(e.permission()).isEqualTo(Permission.CHANGE_CREATE);
    assertThat(e.recordNumber()).isNull();
    e = assertThrows(AccessDeniedException.class, () -> changes.createStandard(EXT,
        CreateStandardChange.of(RESTART.id(), "olivia", "app-1")));
    assertThat(e.permission()).isEqualTo(Permission.CHANGE_CREATE);
    assertThat(changes.query(MAX).count()).isEqualTo(count);
    assertThat(f.published).hasSize((int) count);
  }

  @Test
  void readingIsForStaffAndTheRequester() {
    Change c = f.lowRisk();
    assertThat(changes.get(OSCAR, c.number())).isEqualTo(c);
    assertThat(changes.find(OSCAR, c.number())).contains(c);
    assertThat(changes.timeline(OSCAR, c.number())).isNotEmpty();
    assertThat(changes.auditTrail(OSCAR, c.number())).isNotEmpty();
    assertThat(changes.decisions(OSCAR, c.number())).isEmpty();
    Change own = lowRisk(CARL_AT_WORK);
    assertThat(changes.get(CARL, own.number())).isEqualTo(own);
    assertThat(changes.timeline(CARL, own.number())).isNotEmpty();
    assertThat(changes.standardChanges(CARL)).containsExactly(RESTART);

    for (Executable read : List.<Executable>of(() -> changes.get(CARL, c.number()),
        () -> changes.find(CARL, c.number()), () -> changes.timeline(CARL, c.number()),
        () -> changes.auditTrail(CARL, c.number()), () -> changes.decisions(CARL, c.number()))) {
      denied(Permission.CHANGE_READ, c.number(), read);
    }
  }

  @Test
  void assessingAndSubmittingAreForTheOwnerImplementerAndChangeManagers() {
    Change c = f.lowRisk();
    AssessChange answers = new AssessChange(c.number(), Impact.MEDIUM, false, true, true);
    for (Actor refused : List.of(OSCAR, RITA, CARL)) {
      denied(Permission.CHANGE_ASSESS, c.number(), () -> changes.assess(refused, answers));
      denied(Permission.CHANGE_SUBMIT, c.number(),
          () -> changes.submitForAuthorization(refused, new SubmitChange(c.number(), null)));
    }
    assertThat(changes.assess(OLIVIA, answers).version()).isEqualTo(2);
    assertThat(changes.assess(IVAN, answers).version()).isEqualTo(3);
    assertThat(changes.assess(MAX, answers).version()).isEqualTo(4);
    assertThat(changes.submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null))
        .state()).isEqualTo(ChangeState.AUTHORIZATION);
  }

  @Test
  void decidingPassesThePolicyFirstAndThenTheApprovalRulesStillHold() {
    Change c = inAuthorisation();
    // the host policy refuses the contractor, although in the approver group
    denied(Permission.CHANGE_DECIDE, c.number(),
        () -> changes.decide(EXT, DecideChange.approve(c.number(), "ok")));
    // the policy lets everyone ask; segregation of duties and eligibility still refuse
    NotPermittedException sod = assertThrows(NotPermittedException.class,
        () -> changes.decide(OLIVIA, DecideChange.approve(c.number(), "mine")));
    assertThat(sod).isNotInstanceOf(AccessDeniedException.class);
    assertThat(sod.rule()).isEqualTo("segregation-of-duties");
    NotPermittedException notApprover = assertThrows(NotPermittedException.class,
        () -> changes.decide(OSCAR, DecideChange.approve(c.number(), "ok")));
    assertThat(notApprover).isNotInstanceOf(AccessDeniedException.class);
    assertThat(notApprover.rule()).isEqualTo("not-an-approver");
    assertThat(changes.decisions(MAX, c.number())).isEmpty();
    assertThat(changes.decide(MAX, DecideChange.approve(c.number(), "fine")).state())
        .isEqualTo(ChangeState.AUTHORIZED);
  }

  @Test
  void schedulingIsForTheOwnerImplementerAndChangeManagers() {
    Change c = authorised();
    ScheduleChange window = ScheduleChange.window(c.number(), DAY1, DAY1.plusSeconds(3600));
    for (Actor refused : List.of(OSCAR, RITA, CARL)) {
      denied(Permission.CHANGE_SCHEDULE, c.number(), () -> changes.schedule(refused, window));
    }
    assertThat(changes.schedule(OLIVIA, window).state()).isEqualTo(ChangeState.SCHEDULED);
    assertThat(changes.schedule(MAX, window).version()).isGreaterThan(c.version() + 1);
  }

  @Test
  void implementingIsForTheOwnerImplementerAndChangeManagers() {
    Change c = f.scheduled(DAY1);
    for (Actor refused : List.of(OSCAR, RITA)) {
      denied(Permission.CHANGE_IMPLEMENT, c.number(),
          () -> changes.startImplementation(refused, new StartImplementation(c.number(), null)));
    }
    changes.startImplementation(IVAN, new StartImplementation(c.number(), null));
    RecordOutcome done = new RecordOutcome(c.number(), ChangeOutcome.SUCCESSFUL, "done");
    denied(Permission.CHANGE_IMPLEMENT, c.number(), () -> changes.recordOutcome(OSCAR, done));
    assertThat(changes.recordOutcome(IVAN, done).state()).isEqualTo(ChangeState.CLOSED);
  }

  @Test
  void reviewingIsForChangeManagersOnly() {
    Change c = inReview();
    CompleteReview review = new CompleteReview(c.number(), "lessons learnt");
    for (Actor refused : List.of(IVAN, OLIVIA, RITA, OSCAR)) {
      denied(Permission.CHANGE_REVIEW, c.number(), () -> changes.completeReview(refused, review));
    }
    assertThat(changes.completeReview(MAX, review).state()).isEqualTo(ChangeState.CLOSED);
  }

  @Test
  void cancellingIsForTheRequesterAndChangeManagers() {
    Change a = f.lowRisk();
    Change b = lowRisk(CARL_AT_WORK);
    for (Actor refused : List.of(OSCAR, OLIVIA, IVAN, CARL)) {
      denied(Permission.CHANGE_CANCEL, a.number(),
          () -> changes.cancel(refused, new CancelChange(a.number(), "no longer needed")));
    }
    assertThat(changes.cancel(RITA, new CancelChange(a.number(), "not needed")).state())
        .isEqualTo(ChangeState.CANCELLED);
    assertThat(changes.cancel(CARL, new CancelChange(b.number(), "mine")).state())
        .isEqualTo(ChangeState.CANCELLED);
    Change c = f.lowRisk();
    assertThat(changes.cancel(MAX, new CancelChange(c.number(), "duplicate")).state())
        .isEqualTo(ChangeState.CANCELLED);
  }

  @Test
  void notesAreForTheRequesterOwnerImplementerAndChangeManagers() {
    Change c = f.lowRisk();
    for (Actor refused : List.of(OSCAR, CARL)) {
      denied(Permission.CHANGE_NOTE, c.number(),
          () -> changes.addNote(refused, new AddChangeNote(c.number(), "hello")));
    }
    for (Actor allowed : List.of(RITA, OLIVIA, IVAN, MAX)) {
      changes.addNote(allowed, new AddChangeNote(c.number(), "from " + allowed.id()));
    }
    assertThat(changes.timeline(MAX, c.number())).extracting(TimelineEntry::text)
        .contains("from rita", "from olivia", "from ivan", "from max");
  }

  @Test
  void aRefusalComesBeforeTheLifecycle() {
    Change c = f.lowRisk(); // ASSESSMENT: starting the implementation is not allowed yet
    denied(Permission.CHANGE_IMPLEMENT, c.number(),
        () -> changes.startImplementation(OSCAR, new StartImplementation(c.number(), null)));
    denied(Permission.CHANGE_REVIEW, c.number(),
        () -> changes.completeReview(OLIVIA, new CompleteReview(c.number(), "n")));
  }

  // ------------------------------------------------------------------------------ read scope

  @Test
  void aCallerInNoGroupSeesOnlyTheirOwnChanges() {
    Change ritas = f.scheduled(DAY1);
    Change carls = lowRisk(CARL_AT_WORK);
    changes.submitForAuthorization(OLIVIA, new SubmitChange(carls.number(), null));
    changes.decide(MAX, DecideChange.approve(carls.number(), "ok"));
    changes.schedule(MAX, ScheduleChange.window(carls.number(), DAY1.plusSeconds(7200),
        DAY1.plusSeconds(9000)));
    assertThat(changes.query(CARL).list()).extracting(Change::number)
        .containsExactly(carls.number());
    assertThat(changes.query(CARL).count()).isEqualTo(1);
    assertThat(changes.query(CARL).requester("rita").list()).isEmpty();
    assertThat(changes.schedule(CARL, T0, T0.plus(Duration.ofDays(7))))
        .extracting(Change::number).containsExactly(carls.number());
    assertThat(changes.query(OSCAR).list()).extracting(Change::number)
        .containsExactlyInAnyOrder(ritas.number(), carls.number());
    assertThat(changes.schedule(OSCAR, T0, T0.plus(Duration.ofDays(7))))
        .extracting(Change::number).containsExactly(ritas.number(), carls.number());
  }

  // --------------------------------------------------------------------------------- tenants

  @Test
  void numbersArePerTenant() {
    Change home = f.lowRisk();
    Change acme1 = lowRisk(RITA.inTenant("acme"));
    Change acme2 = changes.createStandard(RITA.inTenant("acme"),
        CreateStandardChange.of(RESTART.id(), "olivia", "app-1"));
    Change globex = lowRisk(RITA.inTenant("globex"));
    Change home2 = f.lowRisk();
    assertThat(home.number()).isEqualTo("CHG0000001");
    assertThat(acme1.number()).isEqualTo("ACME-CHG0000001");
    assertThat(acme2.number()).isEqualTo("ACME-CHG0000002");
    assertThat(globex.number()).isEqualTo("GLOBEX-CHG0000001");
    assertThat(home2.number()).isEqualTo("CHG0000002");
    assertThat(List.of(home, acme1, acme2, globex, home2)).extracting(Change::tenant)
        .containsExactly("default", "acme", "acme", "globex", "default");
  }

  @Test
  void anUndeclaredTenantIsRefused() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> lowRisk(RITA.inTenant("initech")));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("actor.tenant");
    assertThat(changes.query(MAX).count()).isZero();
  }

  @Test
  void aChangeOfAnotherTenantDoesNotExistThroughAnyMethod() {
    Actor acmeMax = MAX.inTenant("acme");
    Actor g = MAX.inTenant("globex"); // a change manager, but of globex
    Actor gIvan = IVAN.inTenant("globex");
    Change c = changes.create(RITA.inTenant("acme"), normal(Impact.LOW, false, true)
        .plannedWindow(DAY1, DAY1.plusSeconds(3600)).build());
    String n = c.number();
    changes.submitForAuthorization(OLIVIA.inTenant("acme"), new SubmitChange(n, null));
    Change before = changes.get(acmeMax, n);
    int lines = changes.timeline(acmeMax, n).size();
    int audits = changes.auditTrail(acmeMax, n).size();

    List<Executable> calls = List.of(
        () -> changes.get(g, n),
        () -> changes.timeline(g, n),
        () -> changes.auditTrail(g, n),
        () -> changes.decisions(g, n),
        () -> changes.assess(g, new AssessChange(n, Impact.HIGH, true, false, false)),
        () -> changes.submitForAuthorization(g, new SubmitChange(n, null)),
        () -> changes.decide(g, DecideChange.approve(n, "ok")),
        () -> changes.decide(g, DecideChange.reject(n, "no")),
        () -> changes.schedule(g, ScheduleChange.window(n, DAY1, DAY1.plusSeconds(60))),
        () -> changes.startImplementation(gIvan, new StartImplementation(n, null)),
        () -> changes.recordOutcome(gIvan, new RecordOutcome(n, ChangeOutcome.FAILED, "x")),
        () -> changes.completeReview(g, new CompleteReview(n, "x")),
        () -> changes.cancel(g, new CancelChange(n, "x")),
        () -> changes.addNote(g, new AddChangeNote(n, "x")));
    for (Executable call : calls) {
      RecordNotFoundException e = assertThrows(RecordNotFoundException.class, call);
      assertThat(e.getMessage()).contains(n);
    }
    assertThat(changes.find(g, n)).isEmpty();
    assertThat(changes.query(g).list()).isEmpty();
    assertThat(changes.query(g).count()).isZero();
    assertThat(changes.query(g).linkedProblem(null).requester("rita").list()).isEmpty();
    assertThat(changes.schedule(g, T0, T0.plus(Duration.ofDays(7)))).isEmpty();
    // the default tenant does not see it either
    assertThat(changes.find(MAX, n)).isEmpty();
    assertThrows(RecordNotFoundException.class, () -> changes.get(MAX, n));
    assertThat(changes.query(MAX).count()).isZero();

    assertThat(changes.get(acmeMax, n)).isEqualTo(before);
    assertThat(changes.timeline(acmeMax, n)).hasSize(lines);
    assertThat(changes.auditTrail(acmeMax, n)).hasSize(audits);
    assertThat(changes.decisions(acmeMax, n)).isEmpty();
    assertThat(changes.query(acmeMax).list()).containsExactly(before);
    // a change raised in globex stays in globex
    Change theirs = changes.createStandard(g, CreateStandardChange.of(RESTART.id(), "olivia",
        "app-1"));
    assertThat(theirs.tenant()).isEqualTo("globex");
    assertThat(changes.query(acmeMax).list()).containsExactly(before);
    assertThat(changes.standardChanges(g)).containsExactly(RESTART);
  }

  @Test
  void similarFailedChangesOfAnotherTenantDoNotRaiseTheRisk() {
    // two failed network changes in acme make the next acme network change HIGH risk ...
    for (int i = 0; i < 2; i++) {
      Actor acme = RITA.inTenant("acme");
      Change c = changes.create(acme, normal(Impact.LOW, false, true).build());
      Actor acmeMax = MAX.inTenant("acme");
      changes.submitForAuthorization(acmeMax, new SubmitChange(c.number(), null));
      changes.decide(acmeMax, DecideChange.approve(c.number(), "ok"));
      changes.schedule(acmeMax, ScheduleChange.window(c.number(), DAY1, DAY1.plusSeconds(60)));
      changes.startImplementation(acmeMax, new StartImplementation(c.number(), null));
      changes.recordOutcome(acmeMax, new RecordOutcome(c.number(), ChangeOutcome.FAILED, "x"));
    }
    assertThat(lowRisk(RITA.inTenant("acme")).risk()).isEqualTo(ChangeRisk.HIGH);
    // ... but not in globex
    assertThat(lowRisk(RITA.inTenant("globex")).risk()).isEqualTo(ChangeRisk.LOW);
  }
}
