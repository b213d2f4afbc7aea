package dev.itsm.core.change;

import static dev.itsm.core.change.ChangeFixture.ANN;
import static dev.itsm.core.change.ChangeFixture.BEN;
import static dev.itsm.core.change.ChangeFixture.CAT;
import static dev.itsm.core.change.ChangeFixture.ESC;
import static dev.itsm.core.change.ChangeFixture.EVE;
import static dev.itsm.core.change.ChangeFixture.IVAN;
import static dev.itsm.core.change.ChangeFixture.MAX;
import static dev.itsm.core.change.ChangeFixture.MIA;
import static dev.itsm.core.change.ChangeFixture.NOBODY;
import static dev.itsm.core.change.ChangeFixture.OLIVIA;
import static dev.itsm.core.change.ChangeFixture.RITA;
import static dev.itsm.core.change.ChangeFixture.T0;
import static dev.itsm.core.change.ChangeFixture.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.ItsmException;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.VetoException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.change.internal.LinkedIncidents;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.internal.ServiceFixture;
import dev.itsm.core.spi.Directory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Change enablement's rules on in-memory stores: every path, every refusal. */
class ChangeServiceTest {

  private final ChangeFixture f = ChangeFixture.standard();
  private final ChangeService changes = f.service;
  private static final Instant DAY1 = T0.plus(Duration.ofDays(1));

  @Nested
  class Paths {

    @Test
    void normalChangeGoesAssessAuthoriseScheduleImplementClose() {
      Change c = changes.create(RITA, normal(Impact.MEDIUM, false, false).build());
      assertThat(c.number()).isEqualTo("CHG0000001");
      assertThat(c.state()).isEqualTo(ChangeState.ASSESSMENT);
      assertThat(c.risk()).isEqualTo(ChangeRisk.MEDIUM);
      assertThat(c.requester()).isEqualTo("rita");

      c = changes.assess(OLIVIA, new AssessChange(c.number(), Impact.LOW, false, true, true));
      assertThat(c.risk()).isEqualTo(ChangeRisk.LOW);
      c = changes.assess(OLIVIA, new AssessChange(c.number(), Impact.MEDIUM, false, false, true));
      assertThat(c.risk()).isEqualTo(ChangeRisk.MEDIUM);

      f.clock.advance(Duration.ofMinutes(5));
      c = changes.submitForAuthorization(OLIVIA, new SubmitChange(c.number(), "please"));
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZATION);
      assertThat(c.authority()).isEqualTo("change-manager");
      assertThat(c.approverGroup()).isEqualTo("change-managers");
      assertThat(c.approvalPolicy()).isEqualTo(ApprovalPolicy.quorum(2));
      assertThat(c.eligibleApprovers()).isEqualTo(3);
      assertThat(c.authorizationDue()).isEqualTo(f.clock.instant().plus(Duration.ofDays(3)));

      c = changes.decide(MAX, DecideChange.approve(c.number(), "looks fine"));
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZATION);
      f.clock.advance(Duration.ofMinutes(1));
      c = changes.decide(MIA, DecideChange.approve(c.number(), null));
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZED);
      assertThat(c.authorizedAt()).isEqualTo(f.clock.instant());
      assertThat(changes.decisions(MAX, c.number())).extracting(ApprovalRecord::approver,
          ApprovalRecord::decision, ApprovalRecord::comment).containsExactly(
              org.assertj.core.groups.Tuple.tuple("max", Decision.APPROVE, "looks fine"),
              org.assertj.core.groups.Tuple.tuple("mia", Decision.APPROVE, null));

      c = changes.schedule(MAX, ScheduleChange.window(c.number(), DAY1,
          DAY1.plus(Duration.ofHours(2))));
      assertThat(c.state()).isEqualTo(ChangeState.SCHEDULED);
      c = changes.schedule(MAX, new ScheduleChange(c.number(), DAY1.plus(Duration.ofHours(1)),
          DAY1.plus(Duration.ofHours(3)), "ivy", null));
      assertThat(c.plannedStart()).isEqualTo(DAY1.plus(Duration.ofHours(1)));
      assertThat(c.implementer()).isEqualTo("ivy");
      c = changes.startImplementation(IVAN, new StartImplementation(c.number(), null));
      assertThat(c.state()).isEqualTo(ChangeState.IMPLEMENTATION);
      c = changes.recordOutcome(IVAN, new RecordOutcome(c.number(), ChangeOutcome.SUCCESSFUL,
          "Firmware 9.3 running"));
      assertThat(c.state()).isEqualTo(ChangeState.CLOSED);
      assertThat(c.reviewRequired()).isFalse();
      assertThat(c.closedAt()).isNotNull();

      assertThat(changes.timeline(MAX, c.number())).extracting(TimelineEntry::text)
          .anyMatch(t -> t.startsWith("Raised as NORMAL change, risk MEDIUM"))
          .anyMatch(t -> t.contains("Submitted to the change authority change-manager"))
          .anyMatch(t -> t.contains("Approved by mia") && t.endsWith("authorised"))
          .anyMatch(t -> t.startsWith("Outcome SUCCESSFUL"));
      assertThat(changes.auditTrail(MAX, c.number())).extracting(AuditEntry::operation)
          .containsExactly("change.create", "change.assess", "change.assess", "change.submit",
              "change.decide", "change.decide", "change.schedule", "change.schedule",
              "change.start", "change.recordOutcome");
      assertThat(f.published).extracting(e -> e.getClass().getSimpleName()).containsExactly(
          "Created", "Assessed", "Assessed", "SubmittedForAuthorization", "DecisionRecorded",
          "DecisionRecorded", "Authorized", "Scheduled", "Scheduled", "ImplementationStarted",
          "OutcomeRecorded");
    }

    @Test
    void standardChangeIsPreAuthorisedAndGoesStraightToScheduling() {
      Change c = changes.createStandard(RITA, CreateStandardChange.of("restart-app-server",
          "olivia", "app-7"));
      assertThat(c.type()).isEqualTo(ChangeType.STANDARD);
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZED);
      assertThat(c.risk()).isEqualTo(ChangeRisk.LOW);
      assertThat(c.authority()).isEqualTo("pre-authorised");
      assertThat(c.title()).isEqualTo("Restart an application server");
      assertThat(c.implementerGroup()).isEqualTo("operations");
      assertThat(c.template()).isEqualTo("restart-app-server");
      c = changes.schedule(MAX, ScheduleChange.window(c.number(), DAY1, DAY1.plusSeconds(600)));
      assertThat(c.state()).isEqualTo(ChangeState.SCHEDULED);
      assertThat(changes.standardChanges(MAX)).containsExactly(ChangeFixture.RESTART);
    }

    @Test
    void unknownTemplateIsRefusedAndNothingIsStored() {
      ValidationException e = assertThrows(ValidationException.class, () -> changes
          .createStandard(RITA, CreateStandardChange.of("reboot-the-internet", "olivia")));
      assertThat(e.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("template", "InCatalog"));
      assertThat(e.getMessage()).contains("restart-app-server");
      assertThat(changes.query(MAX).count()).isZero();
    }

    @Test
    void emergencyChangeIsAuthorisedByTheEcabAndAlwaysReviewed() {
      Change c = changes.create(RITA, normal(Impact.LOW, false, true)
          .type(ChangeType.EMERGENCY).build());
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZATION);
      assertThat(c.authority()).isEqualTo("ecab");
      assertThat(c.authorizationDue()).isEqualTo(T0.plus(Duration.ofHours(4)));
      c = changes.decide(EVE, DecideChange.approve(c.number(), "go"));
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZED);
      c = changes.schedule(MAX, ScheduleChange.window(c.number(), T0.plusSeconds(600),
          T0.plusSeconds(3600)));
      changes.startImplementation(IVAN, new StartImplementation(c.number(), null));
      c = changes.recordOutcome(IVAN, new RecordOutcome(c.number(), ChangeOutcome.SUCCESSFUL,
          "patched"));
      assertThat(c.state()).isEqualTo(ChangeState.REVIEW);
      assertThat(c.reviewRequired()).isTrue();
      c = changes.completeReview(MAX, new CompleteReview(c.number(), "Root cause: missed patch"));
      assertThat(c.state()).isEqualTo(ChangeState.CLOSED);
      assertThat(c.reviewNotes()).isEqualTo("Root cause: missed patch");
    }

    @Test
    void failedAndHighRiskChangesNeedAReview() {
      Change failed = f.scheduled(DAY1);
      changes.startImplementation(IVAN, new StartImplementation(failed.number(), null));
      failed = changes.recordOutcome(IVAN, new RecordOutcome(failed.number(),
          ChangeOutcome.FAILED, "reload hung; backed out"));
      assertThat(failed.state()).isEqualTo(ChangeState.REVIEW);

      Change high = changes.create(RITA, normal(Impact.HIGH, true, true).build());
      assertThat(high.risk()).isEqualTo(ChangeRisk.HIGH);
      changes.submitForAuthorization(OLIVIA, new SubmitChange(high.number(), null));
      for (Actor a : List.of(ANN, BEN, CAT)) {
        high = changes.decide(a, DecideChange.approve(high.number(), null));
      }
      assertThat(high.state()).isEqualTo(ChangeState.AUTHORIZED);
      changes.schedule(MAX, ScheduleChange.window(high.number(), DAY1.plus(Duration.ofDays(1)),
          DAY1.plus(Duration.ofDays(1)).plusSeconds(60)));
      changes.startImplementation(IVAN, new StartImplementation(high.number(), null));
      high = changes.recordOutcome(IVAN, new RecordOutcome(high.number(),
          ChangeOutcome.SUCCESSFUL_WITH_ISSUES, "slow"));
      assertThat(high.state()).isEqualTo(ChangeState.REVIEW);
    }

    @Test
    void aHostReviewRuleCanReviewEverything() {
      ChangeFixture all = ChangeFixture.with(b -> b.reviewRule(ReviewRule.ALWAYS));
      Change c = all.scheduled(DAY1);
      all.service.startImplementation(IVAN, new StartImplementation(c.number(), null));
      c = all.service.recordOutcome(IVAN, new RecordOutcome(c.number(),
          ChangeOutcome.SUCCESSFUL, "ok"));
      assertThat(c.state()).isEqualTo(ChangeState.REVIEW);
    }

    @Test
    void cancelWorksUntilImplementationStarts() {
      Change c = f.scheduled(DAY1);
      c = changes.cancel(OLIVIA, new CancelChange(c.number(), "no longer needed"));
      assertThat(c.state()).isEqualTo(ChangeState.CANCELLED);
      Change started = f.scheduled(DAY1.plus(Duration.ofDays(2)));
      changes.startImplementation(IVAN, new StartImplementation(started.number(), null));
      IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
          () -> changes.cancel(OLIVIA, new CancelChange(started.number(), "too late")));
      assertThat(e.state()).isEqualTo("IMPLEMENTATION");
      assertThat(e.allowedActions()).containsExactly("ADD_NOTE", "RECORD_OUTCOME");
    }

    @Test
    void failedSimilarChangesRaiseTheRisk() {
      for (int i = 0; i < 2; i++) {
        Change c = f.scheduled(DAY1.plus(Duration.ofDays(i)));
        changes.startImplementation(IVAN, new StartImplementation(c.number(), null));
        changes.recordOutcome(IVAN, new RecordOutcome(c.number(), ChangeOutcome.FAILED, "no"));
      }
      assertThat(f.lowRisk().risk()).isEqualTo(ChangeRisk.HIGH);
      f.clock.advance(Duration.ofDays(91));
      assertThat(f.lowRisk().risk()).isEqualTo(ChangeRisk.LOW);
    }

    @Test
    void notesGoToTheTimelineAndTheAudit() {
      Change c = f.lowRisk();
      changes.addNote(MAX, new AddChangeNote(c.number(), "Vendor confirmed"));
      assertThat(changes.timeline(MAX, c.number())).extracting(TimelineEntry::text)
          .contains("Vendor confirmed");
      assertThat(changes.auditTrail(MAX, c.number())).extracting(AuditEntry::operation)
          .contains("change.addNote");
    }
  }

  @Nested
  class Authorisation {

    private Change highRiskInAuthorisation(ChangeFixture fx) {
      Change c = fx.service.create(RITA, normal(Impact.HIGH, true, true).build());
      return fx.service.submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
    }

    @Test
    void quorumPercentageCountsEligibleMembersOnly() {
      Change c = highRiskInAuthorisation(f);
      // cab has 8 members; requester rita, owner olivia and implementer ivan are excluded:
      // 60 % of 5 is 3
      assertThat(c.eligibleApprovers()).isEqualTo(5);
      c = changes.decide(ANN, DecideChange.approve(c.number(), null));
      c = changes.decide(BEN, DecideChange.approve(c.number(), null));
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZATION);
      c = changes.decide(CAT, DecideChange.approve(c.number(), null));
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZED);
    }

    @Test
    void oneRejectionRejectsByDefault() {
      Change c = highRiskInAuthorisation(f);
      changes.decide(ANN, DecideChange.approve(c.number(), null));
      c = changes.decide(BEN, DecideChange.reject(c.number(), "no backout test"));
      assertThat(c.state()).isEqualTo(ChangeState.REJECTED);
      assertThat(c.rejectedAt()).isNotNull();
      assertThat(f.published.get(f.published.size() - 1))
          .isInstanceOf(ChangeEvent.Rejected.class);
      assertThrows(IllegalTransitionException.class,
          () -> changes.decide(CAT, DecideChange.approve(f.store.find("CHG0000001").get()
              .number(), null)));
    }

    @Test
    void underTheImpossibilityRuleRejectionsCountUntilApprovalCannotBeReached() {
      ChangeFixture fx = ChangeFixture.with(b -> b.rejectionRule(
          RejectionRule.WHEN_APPROVAL_IMPOSSIBLE).authorityPolicy((t, r) ->
          new ChangeAuthority("cab", "cab", ApprovalPolicy.quorum(4), Duration.ofDays(5))));
      Change c = highRiskInAuthorisation(fx);
      c = fx.service.decide(ANN, DecideChange.reject(c.number(), "risky"));
      assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZATION);
      c = fx.service.decide(BEN, DecideChange.reject(c.number(), "risky"));
      assertThat(c.state()).isEqualTo(ChangeState.REJECTED);
    }

    @Test
    void aRejectionNeedsAComment() {
      Change c = highRiskInAuthorisation(f);
      ValidationException e = assertThrows(ValidationException.class,
          () -> changes.decide(ANN, DecideChange.reject(c.number(), " ")));
      assertThat(e.violations()).extracting(Violation::field).containsExactly("comment");
      assertThat(changes.decisions(MAX, c.number())).isEmpty();
    }

    @Test
    void theRequesterOwnerAndImplementerCannotDecide() {
      Change c = highRiskInAuthorisation(f);
      for (Actor conflicted : List.of(RITA, OLIVIA, IVAN)) {
        for (Decision d : Decision.values()) {
          NotPermittedException e = assertThrows(NotPermittedException.class,
              () -> changes.decide(conflicted, new DecideChange(c.number(), d, "x")));
          assertThat(e.rule()).isEqualTo("segregation-of-duties");
          assertThat(e.actorId()).isEqualTo(conflicted.id());
          assertThat(e.getMessage()).contains(conflicted.id() + " is the");
        }
      }
      assertThat(changes.decisions(MAX, c.number())).isEmpty();
      assertThat(changes.get(MAX, c.number())).isEqualTo(c);
    }

    @Test
    void theImplementerNamedAtSchedulingIsNotConflictedBeforehand() {
      Change c = changes.create(RITA, normal(Impact.LOW, false, true).implementer(null).build());
      c = changes.submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
      assertThat(changes.decide(MAX, DecideChange.approve(c.number(), null)).state())
          .isEqualTo(ChangeState.AUTHORIZED);
    }

    @Test
    void onlyMembersOfTheApproverGroupDecideAndEachOnce() {
      Change c = highRiskInAuthorisation(f);
      NotPermittedException outsider = assertThrows(NotPermittedException.class,
          () -> changes.decide(MAX, DecideChange.approve(c.number(), null)));
      assertThat(outsider.rule()).isEqualTo("not-an-approver");
      assertThat(outsider.getMessage()).contains("approver group cab");
      changes.decide(ANN, DecideChange.approve(c.number(), null));
      NotPermittedException twice = assertThrows(NotPermittedException.class,
          () -> changes.decide(ANN, DecideChange.approve(c.number(), null)));
      assertThat(twice.rule()).isEqualTo("already-decided");
      assertThat(changes.decisions(MAX, c.number())).hasSize(1);
    }

    @Test
    void policiesThatCountMembersNeedADirectory() {
      ChangeFixture fx = new ChangeFixture(ChangePolicies.builder().authorityPolicy((t, r) ->
          new ChangeAuthority("cab", "cab", ApprovalPolicy.all(), Duration.ofDays(1))).build(),
          Directory.NONE, LinkedIncidents.NONE, List.of());
      Change c = fx.lowRisk();
      ItsmException e = assertThrows(ItsmException.class, () -> fx.service
          .submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null)));
      assertThat(e.code()).isEqualTo("ITSM-APPROVERS-UNKNOWN");
      assertThat(e.getMessage()).contains("directory(...)");
      assertThat(fx.service.get(MAX, c.number()).state()).isEqualTo(ChangeState.ASSESSMENT);
    }

    @Test
    void anUnreachableQuorumIsRefusedAtSubmission() {
      ChangeFixture fx = ChangeFixture.with(b -> b.authorityPolicy((t, r) ->
          new ChangeAuthority("cab", "cab", ApprovalPolicy.quorum(6), Duration.ofDays(1))));
      Change c = fx.lowRisk();
      ItsmException e = assertThrows(ItsmException.class, () -> fx.service
          .submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null)));
      assertThat(e.code()).isEqualTo("ITSM-NOT-ENOUGH-APPROVERS");
      assertThat(e.getMessage()).contains("has 5 eligible member(s)");
      assertThat(fx.service.get(MAX, c.number()).state()).isEqualTo(ChangeState.ASSESSMENT);
    }

    @Test
    void pastTheDeadlineTheEscalationGroupDecidesAlone() {
      Change c = highRiskInAuthorisation(f);
      changes.decide(ANN, DecideChange.approve(c.number(), null));
      assertThrows(NotPermittedException.class,
          () -> changes.decide(ESC, DecideChange.approve(c.number(), null)));
      f.clock.advance(Duration.ofDays(5));
      assertThat(f.service.authorizationOverdue(c.number())).isTrue();
      assertThat(f.service.authorizationOverdue(c.number())).isFalse();
      assertThat(changes.get(MAX, c.number()).authorizationEscalated()).isTrue();
      NotPermittedException e = assertThrows(NotPermittedException.class,
          () -> changes.decide(NOBODY, DecideChange.approve(c.number(), null)));
      assertThat(e.getMessage()).contains("escalation group change-escalation");
      Change decided = changes.decide(ESC, DecideChange.approve(c.number(), "overdue; approved"));
      assertThat(decided.state()).isEqualTo(ChangeState.AUTHORIZED);
      assertThat(changes.decisions(MAX, c.number())).last().extracting(ApprovalRecord::escalated)
          .isEqualTo(true);
      assertThat(f.published).anyMatch(ev -> ev instanceof ChangeEvent.AuthorizationEscalated);
    }

    @Test
    void escalationDoesNothingOnceDecided() {
      Change c = f.authorized();
      assertThat(f.service.authorizationOverdue(c.number())).isFalse();
    }
  }

  @Nested
  class Schedule {

    private final FreezeWindow yearEnd = FreezeWindow.of("year-end close",
        DAY1, DAY1.plus(Duration.ofDays(3)));

    @Test
    void normalChangesCannotBeScheduledInAFreeze() {
      ChangeFixture fx = ChangeFixture.with(b -> b.freezeWindow(yearEnd));
      Change c = fx.authorized();
      ValidationException e = assertThrows(ValidationException.class, () -> fx.service.schedule(
          MAX, new ScheduleChange(c.number(), DAY1.plusSeconds(3600), DAY1.plusSeconds(7200),
              null, "please")));
      assertThat(e.violations()).extracting(Violation::field, Violation::rule).containsExactly(
          org.assertj.core.groups.Tuple.tuple("plannedStart", "FreezeWindow"));
      assertThat(e.getMessage()).contains("year-end close").contains("only emergency changes");
      assertThat(fx.service.get(MAX, c.number()).state()).isEqualTo(ChangeState.AUTHORIZED);
      // just outside is fine
      assertThat(fx.service.schedule(MAX, ScheduleChange.window(c.number(),
          DAY1.minusSeconds(3600), DAY1)).state()).isEqualTo(ChangeState.SCHEDULED);
    }

    @Test
    void aFreezeOnOtherServicesDoesNotApply() {
      ChangeFixture fx = ChangeFixture.with(b -> b.freezeWindow(new FreezeWindow("billing",
          DAY1, DAY1.plus(Duration.ofDays(3)), Set.of("billing"))));
      Change c = fx.authorized();
      assertThat(fx.service.schedule(MAX, ScheduleChange.window(c.number(), DAY1.plusSeconds(60),
          DAY1.plusSeconds(120))).state()).isEqualTo(ChangeState.SCHEDULED);
    }

    @Test
    void anEmergencyChangeOverridesAFreezeOnlyWithAJustification() {
      ChangeFixture fx = ChangeFixture.with(b -> b.freezeWindow(yearEnd));
      Change c = fx.service.create(RITA, normal(Impact.LOW, false, true)
          .type(ChangeType.EMERGENCY).build());
      fx.service.decide(EVE, DecideChange.approve(c.number(), null));
      ValidationException e = assertThrows(ValidationException.class, () -> fx.service.schedule(
          MAX, ScheduleChange.window(c.number(), DAY1.plusSeconds(60), DAY1.plusSeconds(120))));
      assertThat(e.getMessage()).contains("give a freezeOverride justification");
      Change s = fx.service.schedule(MAX, new ScheduleChange(c.number(), DAY1.plusSeconds(60),
          DAY1.plusSeconds(120), null, "Security fix cannot wait"));
      assertThat(s.state()).isEqualTo(ChangeState.SCHEDULED);
      assertThat(s.freezeOverride()).isEqualTo("Security fix cannot wait");
      assertThat(fx.service.timeline(MAX, c.number())).extracting(TimelineEntry::text)
          .anyMatch(t -> t.contains("freeze overridden: Security fix cannot wait"));
    }

    @Test
    void collisionsOnASharedItemAreFlaggedByDefault() {
      Change first = f.scheduled(DAY1);
      Change other = changes.create(RITA, normal(Impact.LOW, false, true)
          .configurationItems("other-sw").services("voip").build());
      changes.submitForAuthorization(OLIVIA, new SubmitChange(other.number(), null));
      changes.decide(MAX, DecideChange.approve(other.number(), null));
      Change separate = changes.schedule(MAX, ScheduleChange.window(other.number(), DAY1,
          DAY1.plusSeconds(600)));
      assertThat(separate.collisions()).isEmpty();

      Change second = f.authorized();
      second = changes.schedule(MAX, ScheduleChange.window(second.number(),
          DAY1.plusSeconds(1800), DAY1.plusSeconds(5400)));
      assertThat(second.state()).isEqualTo(ChangeState.SCHEDULED);
      assertThat(second.collisions()).containsExactly(first.number());
      assertThat(changes.timeline(MAX, second.number())).extracting(TimelineEntry::text)
          .anyMatch(t -> t.contains("WARNING collides with " + first.number()
              + " (network, core-sw-1"));
      // moved after the first: no collision any more
      second = changes.schedule(MAX, ScheduleChange.window(second.number(),
          DAY1.plusSeconds(3600), DAY1.plusSeconds(7200)));
      assertThat(second.collisions()).isEmpty();
    }

    @Test
    void collisionsAreRefusedInBlockMode() {
      ChangeFixture fx = ChangeFixture.with(b -> b.collisionMode(CollisionMode.BLOCK));
      Change first = fx.scheduled(DAY1);
      Change second = fx.authorized();
      ValidationException e = assertThrows(ValidationException.class, () -> fx.service.schedule(
          MAX, ScheduleChange.window(second.number(), DAY1.plusSeconds(60),
              DAY1.plusSeconds(120))));
      assertThat(e.violations()).extracting(Violation::rule).containsExactly("Collision");
      assertThat(e.getMessage()).contains(first.number());
      assertThat(fx.service.get(MAX, second.number()).state()).isEqualTo(ChangeState.AUTHORIZED);
    }

    @Test
    void theScheduleListsScheduledChangesOfAPeriodInOrder() {
      Change later = f.scheduled(DAY1.plus(Duration.ofDays(2)));
      Change sooner = f.scheduled(DAY1);
      f.lowRisk();
      Change far = f.scheduled(DAY1.plus(Duration.ofDays(30)));
      assertThat(changes.schedule(MAX, T0, T0.plus(Duration.ofDays(7)))).extracting(Change::number)
          .containsExactly(sooner.number(), later.number());
      assertThat(changes.schedule(MAX, T0, T0.plus(Duration.ofDays(60)))).extracting(Change::number)
          .containsExactly(sooner.number(), later.number(), far.number());
      ValidationException e = assertThrows(ValidationException.class,
          () -> changes.schedule(MAX, DAY1, T0));
      assertThat(e.violations()).extracting(Violation::field).containsExactly("to");
    }

    @Test
    void aWindowMustEndAfterItStarts() {
      Change c = f.authorized();
      ValidationException e = assertThrows(ValidationException.class, () -> changes.schedule(MAX,
          ScheduleChange.window(c.number(), DAY1, DAY1)));
      assertThat(e.violations()).extracting(Violation::field).containsExactly("plannedEnd");
    }
  }

  @Nested
  class Refusals {

    @Test
    void createReportsEveryBrokenRuleAtOnceAndStoresNothing() {
      ValidationException e = assertThrows(ValidationException.class, () -> changes.create(RITA,
          normal(Impact.LOW, false, true).type(ChangeType.STANDARD).title(" ")
              .plannedWindow(DAY1, T0).build()));
      assertThat(e.violations()).extracting(Violation::field)
          .contains("title");
      ValidationException e2 = assertThrows(ValidationException.class, () -> changes.create(RITA,
          normal(Impact.LOW, false, true).type(ChangeType.STANDARD).plannedWindow(DAY1, T0)
              .build()));
      assertThat(e2.violations()).extracting(Violation::field)
          .containsExactly("type", "plannedEnd");
      assertThat(changes.query(MAX).count()).isZero();
      assertThat(f.published).isEmpty();
    }

    @Test
    void missingActorAndCommandAreNamed() {
      ValidationException e = assertThrows(ValidationException.class,
          () -> changes.create(null, null));
      assertThat(e.violations()).extracting(Violation::field).containsExactly("actor", "command");
    }

    @Test
    void illegalTransitionsNameTheStateAndTheAllowedActions() {
      Change c = f.lowRisk();
      IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
          () -> changes.startImplementation(IVAN, new StartImplementation(c.number(), null)));
      assertThat(e.getMessage()).contains("CHG0000001 is ASSESSMENT")
          .contains("START_IMPLEMENTATION").contains("SUBMIT_FOR_AUTHORIZATION");
    }

    @Test
    void aVetoingHookStopsTheChange() {
      ChangeFixture fx = new ChangeFixture(ChangePolicies.builder().build(),
          ChangeFixture.DIRECTORY, LinkedIncidents.NONE, List.of(event -> {
            if (event instanceof ChangeEvent.Scheduled s && s.change().plannedStart()
                .isBefore(DAY1)) {
              throw new VetoException("no-rush", "schedule at least a day ahead");
            }
          }));
      Change c = fx.authorized();
      assertThrows(VetoException.class, () -> fx.service.schedule(MAX,
          ScheduleChange.window(c.number(), T0.plusSeconds(60), T0.plusSeconds(120))));
      assertThat(fx.service.get(MAX, c.number()).state()).isEqualTo(ChangeState.AUTHORIZED);
    }
  }

  @Nested
  class LinkedIncidentsPolicy {

    private final ServiceFixture incidents = ServiceFixture.inMemory();

    private ChangeFixture fixture(boolean resolve) {
      return new ChangeFixture(ChangePolicies.builder().resolveLinkedIncidents(resolve).build(),
          ChangeFixture.DIRECTORY, LinkedIncidents.over(incidents.service), List.of());
    }

    private Change closedSuccessfully(ChangeFixture fx, String... linked) {
      Change c = fx.service.create(RITA, normal(Impact.LOW, false, true).incidents(linked)
          .build());
      fx.service.submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
      fx.service.decide(MAX, DecideChange.approve(c.number(), null));
      fx.service.schedule(MAX, ScheduleChange.window(c.number(), DAY1, DAY1.plusSeconds(60)));
      fx.service.startImplementation(IVAN, new StartImplementation(c.number(), null));
      return fx.service.recordOutcome(IVAN, new RecordOutcome(c.number(),
          ChangeOutcome.SUCCESSFUL, "done"));
    }

    @Test
    void closingASuccessfulChangeResolvesItsOpenIncidents() {
      Incident inProgress = incidents.inProgress();
      Incident fresh = incidents.opened();
      Incident onHold = incidents.onHold();
      Incident resolved = incidents.resolved();
      Change c = closedSuccessfully(fixture(true), inProgress.number(), fresh.number(),
          onHold.number(), resolved.number());
      assertThat(c.state()).isEqualTo(ChangeState.CLOSED);
      for (Incident i : List.of(inProgress, fresh, onHold)) {
        Incident after = incidents.service.get(Actor.system(), i.number());
        assertThat(after.state()).as(i.number()).isEqualTo(IncidentState.RESOLVED);
        assertThat(after.resolutionNotes()).contains(c.number());
      }
      assertThat(incidents.service.get(Actor.system(), resolved.number()).resolutionNotes())
          .doesNotContain(c.number());
    }

    @Test
    void thePolicyCanBeSwitchedOff() {
      Incident inProgress = incidents.inProgress();
      closedSuccessfully(fixture(false), inProgress.number());
      assertThat(incidents.service.get(Actor.system(), inProgress.number()).state())
          .isEqualTo(IncidentState.IN_PROGRESS);
    }

    @Test
    void linksToIncidentsThatDoNotExistAreRefused() {
      ChangeFixture fx = fixture(true);
      ValidationException e = assertThrows(ValidationException.class, () -> fx.service.create(
          RITA, normal(Impact.LOW, false, true).incidents("INC0000042").build()));
      assertThat(e.violations()).extracting(Violation::field).containsExactly("incidents[0]");
      assertThat(fx.service.query(MAX).linkedIncident("INC0000042").count()).isZero();
    }

    @Test
    void changesAreFoundByTheIncidentsTheyAddress() {
      Incident i = incidents.inProgress();
      ChangeFixture fx = fixture(true);
      Change c = fx.service.create(RITA, normal(Impact.LOW, false, true).incidents(i.number())
          .build());
      assertThat(fx.service.query(MAX).linkedIncident(i.number()).list()).containsExactly(c);
    }
  }
}
