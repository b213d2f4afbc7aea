package dev.itsm.core.request;

import static dev.itsm.core.request.RequestFixture.ACCESS;
import static dev.itsm.core.request.RequestFixture.ADMIN;
import static dev.itsm.core.request.RequestFixture.CAROL;
import static dev.itsm.core.request.RequestFixture.DAN;
import static dev.itsm.core.request.RequestFixture.DAVE;
import static dev.itsm.core.request.RequestFixture.IAN;
import static dev.itsm.core.request.RequestFixture.LAPTOP;
import static dev.itsm.core.request.RequestFixture.MIA;
import static dev.itsm.core.request.RequestFixture.NOBODY;
import static dev.itsm.core.request.RequestFixture.NORA;
import static dev.itsm.core.request.RequestFixture.PAT;
import static dev.itsm.core.request.RequestFixture.RITA;
import static dev.itsm.core.request.RequestFixture.SID;
import static dev.itsm.core.request.RequestFixture.SOL;
import static dev.itsm.core.request.RequestFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.VetoException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.Decision;
import dev.itsm.core.change.RejectionRule;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.request.internal.RequestWorkflow;
import dev.itsm.core.spi.Directory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Service request management's rules on in-memory stores: every path, every refusal. */
class RequestServiceTest {

  private final RequestFixture f = RequestFixture.standard();
  private final RequestService requests = f.service;

  private static CompleteFulfilmentTask done(Request r, int task, String note) {
    return new CompleteFulfilmentTask(r.number(), task, note);
  }

  private static List<FulfilmentTaskState> taskStates(Request r) {
    return r.tasks().stream().map(RequestTask::state).toList();
  }

  private List<String> eventNames() {
    return f.published.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  @Nested
  class ApprovalPaths {

    @Test
    void managerApprovalThenSequentialTasksThenConfirmation() {
      Request r = f.laptop();
      assertThat(r.number()).isEqualTo("REQ0000001");
      assertThat(r.state()).isEqualTo(RequestState.AWAITING_APPROVAL);
      assertThat(r.requestedBy()).isEqualTo("carol");
      assertThat(r.requestedFor()).isEqualTo("carol");
      assertThat(r.itemVersion()).isEqualTo(1);
      assertThat(r.approvalKind()).isEqualTo(RequestApproval.Kind.MANAGER);
      assertThat(r.approver()).isEqualTo("mia");
      assertThat(r.eligibleApprovers()).isEqualTo(1);
      assertThat(r.form()).containsExactly(Map.entry("model", "14-inch"), Map.entry("ram", "16"),
          Map.entry("neededBy", "2026-03-09"), Map.entry("dock", "true"));
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.PENDING,
          FulfilmentTaskState.PENDING);

      f.clock.advance(Duration.ofHours(1));
      r = requests.decide(MIA, DecideRequest.approve(r.number(), "Go ahead"));
      assertThat(r.state()).isEqualTo(RequestState.APPROVED);
      assertThat(r.approvedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.OPEN,
          FulfilmentTaskState.PENDING);

      r = requests.startTask(PAT, new StartFulfilmentTask(r.number(), 1));
      assertThat(r.state()).isEqualTo(RequestState.IN_FULFILMENT);
      assertThat(r.task(1).orElseThrow().assignee()).isEqualTo("pat");
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.IN_PROGRESS,
          FulfilmentTaskState.PENDING);
      r = requests.completeTask(PAT, done(r, 1, "PO 4711"));
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.DONE,
          FulfilmentTaskState.OPEN);
      r = requests.completeTask(DAN, done(r, 2, "Handed over"));
      assertThat(r.state()).isEqualTo(RequestState.FULFILLED);
      assertThat(r.fulfilledAt()).isNotNull();
      r = requests.close(CAROL, new CloseRequest(r.number(), "Works fine"));
      assertThat(r.state()).isEqualTo(RequestState.CLOSED);

      assertThat(requests.decisions(ADMIN, r.number())).extracting(RequestDecision::approver,
          RequestDecision::decision, RequestDecision::comment)
          .containsExactly(tuple("mia", Decision.APPROVE, "Go ahead"));
      assertThat(requests.timeline(ADMIN, r.number())).extracting(TimelineEntry::text).containsExactly(
          "Submitted: Standard laptop (laptop v1): My old one no longer charges; awaiting"
              + " approval by mia (manager of carol)",
          "Approved by mia: Go ahead [1 approval(s), 0 rejection(s); ANY]; approved; stage 1"
              + " open: Order hardware (procurement)",
          "Task 1 (Order hardware) started by pat",
          "Task 1 (Order hardware) done by pat: PO 4711; stage 2 open: Image and hand over"
              + " (desktop-support)",
          "Task 2 (Image and hand over) done by dan: Handed over; fulfilled. Delivery note: Your"
              + " laptop is ready at the IT desk, floor 2",
          "Closed: receipt confirmed by carol: Works fine");
      assertThat(requests.auditTrail(ADMIN, r.number())).extracting(AuditEntry::operation,
          AuditEntry::actorId).containsExactly(tuple("request.submit", "carol"),
          tuple("request.decide", "mia"), tuple("request.startTask", "pat"),
          tuple("request.completeTask", "pat"), tuple("request.completeTask", "dan"),
          tuple("request.close", "carol"));
      assertThat(eventNames()).containsExactly("Submitted", "DecisionRecorded", "Approved",
          "TaskStarted", "TaskCompleted", "TaskCompleted", "Fulfilled", "Closed");
    }

    @Test
    void groupApprovalThenParallelTasksInAnyOrder() {
      Request r = f.access();
      assertThat(r.approverGroup()).isEqualTo("security-owners");
      assertThat(r.approvalPolicy()).isEqualTo(ApprovalPolicy.any());
      assertThat(r.eligibleApprovers()).as("four owners; dave is neither of them").isEqualTo(4);
      r = requests.decide(SOL, DecideRequest.approve(r.number(), null));
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.OPEN,
          FulfilmentTaskState.OPEN);
      r = requests.completeTask(NORA, done(r, 2, "Rule 88"));
      assertThat(r.state()).isEqualTo(RequestState.IN_FULFILMENT);
      r = requests.completeTask(IAN, done(r, 1, null));
      assertThat(r.state()).isEqualTo(RequestState.FULFILLED);
      assertThat(requests.timeline(ADMIN, r.number()).get(3).text())
          .endsWith("fulfilled. Delivery note: Your account is active; the password comes by"
              + " text message");
    }

    @Test
    void aQuorumNeedsTwoApproversAndEachDecidesOnce() {
      f.accessApprovedBy(ApprovalPolicy.quorum(2));
      Request r = f.access();
      assertThat(r.itemVersion()).isEqualTo(2);
      r = requests.decide(SOL, DecideRequest.approve(r.number(), null));
      assertThat(r.state()).isEqualTo(RequestState.AWAITING_APPROVAL);
      String number = r.number();
      NotPermittedException twice = assertThrows(NotPermittedException.class,
          () -> requests.decide(SOL, DecideRequest.approve(number, "again")));
      assertThat(twice.rule()).isEqualTo("already-decided");
      r = requests.decide(SID, DecideRequest.approve(r.number(), null));
      assertThat(r.state()).isEqualTo(RequestState.APPROVED);
    }

    @Test
    void aRejectionNeedsACommentAndEndsTheRequest() {
      Request r = f.laptop();
      String number = r.number();
      ValidationException noReason = assertThrows(ValidationException.class,
          () -> requests.decide(MIA, DecideRequest.reject(number, " ")));
      assertThat(noReason.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("comment", "RequiredForRejection"));
      r = requests.decide(MIA, DecideRequest.reject(number, "Your laptop is a year old"));
      assertThat(r.state()).isEqualTo(RequestState.REJECTED);
      assertThat(r.rejectedAt()).isNotNull();
      assertThat(taskStates(r)).containsOnly(FulfilmentTaskState.CANCELLED);
      assertThrows(IllegalTransitionException.class,
          () -> requests.startTask(PAT, new StartFulfilmentTask(number, 1)));
      assertThat(eventNames()).containsExactly("Submitted", "DecisionRecorded", "Rejected");
    }

    @Test
    void whenApprovalIsImpossibleRejectionsCountAgainstTheQuorum() {
      f.catalog.define(ADMIN, ACCESS.toBuilder().approval(RequestApproval.group(
          "security-owners", ApprovalPolicy.quorum(3))
          .withRejectionRule(RejectionRule.WHEN_APPROVAL_IMPOSSIBLE)).build());
      Request r = f.access();
      r = requests.decide(SOL, DecideRequest.reject(r.number(), "no"));
      assertThat(r.state()).as("3 of 4 still possible").isEqualTo(RequestState.AWAITING_APPROVAL);
      r = requests.decide(SID, DecideRequest.reject(r.number(), "no"));
      assertThat(r.state()).isEqualTo(RequestState.REJECTED);
    }

    @Test
    void anItemWithoutApprovalOpensItsFirstStageAtOnce() {
      Request r = requests.submit(RITA, SubmitRequest.builder().item("onboarding")
          .requestedFor("newbie").build());
      assertThat(r.state()).isEqualTo(RequestState.SUBMITTED);
      assertThat(r.approvalKind()).isEqualTo(RequestApproval.Kind.NONE);
      assertThat(r.approvalPolicy()).isNull();
      assertThat(r.eligibleApprovers()).isZero();
      assertThat(r.requestedFor()).isEqualTo("newbie");
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.OPEN,
          FulfilmentTaskState.OPEN, FulfilmentTaskState.PENDING);
      String number = r.number();
      assertThrows(IllegalTransitionException.class,
          () -> requests.decide(MIA, DecideRequest.approve(number, null)));
      assertThat(requests.timeline(ADMIN, number).get(0).text()).isEqualTo("Submitted: Onboarding kit"
          + " (onboarding v1) for newbie; no approval needed; stage 1 open: Create account"
          + " (identity), Order hardware (procurement)");
    }
  }

  @Nested
  class SegregationOfDuties {

    @Test
    void theRequesterMayNotApproveEvenAsAMemberOfTheGroup() {
      Request r = requests.submit(CAROL, SubmitRequest.builder().item("system-access")
          .value("system", "erp").value("role", "buyer").build());
      assertThat(r.eligibleApprovers()).as("carol is excluded").isEqualTo(3);
      String number = r.number();
      NotPermittedException e = assertThrows(NotPermittedException.class,
          () -> requests.decide(CAROL, DecideRequest.approve(number, "mine")));
      assertThat(e.rule()).isEqualTo("segregation-of-duties");
      assertThat(e.getMessage()).contains("carol is the requester of " + number);
      assertThat(requests.decisions(ADMIN, number)).isEmpty();
      assertThat(requests.get(ADMIN, number)).isEqualTo(r);
    }

    @Test
    void thePersonARequestIsForMayNotApproveIt() {
      Request r = requests.submit(DAVE, SubmitRequest.builder().item("system-access")
          .requestedFor("sol").value("system", "erp").value("role", "buyer").build());
      String number = r.number();
      NotPermittedException e = assertThrows(NotPermittedException.class,
          () -> requests.decide(SOL, DecideRequest.approve(number, null)));
      assertThat(e.rule()).isEqualTo("segregation-of-duties");
      assertThat(e.getMessage()).contains("sol is the person " + number + " is for");
    }

    @Test
    void aManagerWhoIsThePersonTheRequestIsForIsRefusedAtSubmission() {
      ValidationException e = assertThrows(ValidationException.class, () -> requests.submit(
          RITA, SubmitRequest.builder().item("laptop").requestedFor("carol")
              .value("model", "16-inch").build()));
      assertThat(e.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("item", "SegregationOfDuties"));
      assertThat(requests.query(ADMIN).count()).isZero();
    }

    @Test
    void onlyTheManagerAndOnlyGroupMembersDecide() {
      Request laptop = f.laptop();
      NotPermittedException notManager = assertThrows(NotPermittedException.class,
          () -> requests.decide(SOL, DecideRequest.approve(laptop.number(), null)));
      assertThat(notManager.rule()).isEqualTo("not-an-approver");
      assertThat(notManager.getMessage()).contains("it waits for mia, the manager of carol");
      Request access = f.access();
      NotPermittedException notOwner = assertThrows(NotPermittedException.class,
          () -> requests.decide(MIA, DecideRequest.approve(access.number(), null)));
      assertThat(notOwner.rule()).isEqualTo("not-an-approver");
      assertThat(notOwner.getMessage()).contains("approver group security-owners");
    }

    @Test
    void aRequesterWithoutAKnownManagerIsRefusedWithTheRule() {
      ValidationException e = assertThrows(ValidationException.class, () -> requests.submit(
          MIA, SubmitRequest.builder().item("laptop").value("model", "16-inch").build()));
      assertThat(e.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("item", "ManagerKnown"));
      assertThat(e.getMessage()).contains("knows no manager of mia");
    }

    @Test
    void aGroupWithTooFewEligibleMembersIsRefusedAtSubmission() {
      f.accessApprovedBy(ApprovalPolicy.quorum(4));
      ValidationException e = assertThrows(ValidationException.class,
          () -> requests.submit(CAROL, SubmitRequest.builder().item("system-access")
              .value("system", "erp").value("role", "buyer").build()));
      assertThat(e.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("item", "Approvers"));
      assertThat(e.getMessage()).contains("has 3 eligible member(s)");
      RequestFixture noDirectory = new RequestFixture(Directory.NONE, List.of(),
          RequestWorkflow.NONE);
      noDirectory.catalog.define(ADMIN, ACCESS.toBuilder().approval(RequestApproval.group(
          "security-owners", ApprovalPolicy.all())).build());
      ValidationException unknown = assertThrows(ValidationException.class,
          () -> noDirectory.service.submit(CAROL, SubmitRequest.builder().item("system-access")
              .value("system", "erp").value("role", "buyer").build()));
      assertThat(unknown.getMessage()).contains("does not know that group");
    }
  }

  @Nested
  class Fulfilment {

    private Request approvedLaptop() {
      Request r = f.laptop();
      return requests.decide(MIA, DecideRequest.approve(r.number(), null));
    }

    @Test
    void aTaskOfALaterStageWaitsForTheStageBefore() {
      Request r = approvedLaptop();
      String number = r.number();
      ValidationException e = assertThrows(ValidationException.class,
          () -> requests.completeTask(DAN, new CompleteFulfilmentTask(number, 2, null)));
      assertThat(e.violations()).extracting(Violation::field, Violation::rule,
          Violation::message).containsExactly(tuple("task", "TaskOpen", "task 2 (Image and"
              + " hand over) of " + number + " is PENDING: it opens when stage 1 is done"));
      assertThat(requests.get(ADMIN, number)).isEqualTo(r);
    }

    @Test
    void onlyTheTasksGroupWorksOnIt() {
      Request r = approvedLaptop();
      NotPermittedException e = assertThrows(NotPermittedException.class,
          () -> requests.completeTask(DAN, done(r, 1, null)));
      assertThat(e.rule()).isEqualTo("not-in-fulfilment-group");
      assertThat(e.getMessage()).contains("not in the group procurement");
    }

    @Test
    void aStartedTaskIsNotTakenTwiceAndADoneTaskNotDoneAgain() {
      Request r = approvedLaptop();
      requests.startTask(PAT, new StartFulfilmentTask(r.number(), 1));
      Actor other = Actor.of("paula", "procurement");
      ValidationException taken = assertThrows(ValidationException.class,
          () -> requests.startTask(other, new StartFulfilmentTask(r.number(), 1)));
      assertThat(taken.getMessage()).contains("was started by pat already");
      requests.completeTask(other, done(r, 1, "took over"));
      ValidationException again = assertThrows(ValidationException.class,
          () -> requests.completeTask(PAT, done(r, 1, null)));
      assertThat(again.getMessage()).contains("is DONE");
      assertThat(requests.get(ADMIN, r.number()).task(1).orElseThrow().assignee()).isEqualTo("paula");
    }

    @Test
    void anUnknownTaskNumberIsNamed() {
      Request r = approvedLaptop();
      ValidationException e = assertThrows(ValidationException.class,
          () -> requests.completeTask(PAT, done(r, 3, null)));
      assertThat(e.violations()).extracting(Violation::message)
          .containsExactly(r.number() + " has tasks 1..2");
    }

    @Test
    void stagesOfParallelTasksRunOneAfterTheOther() {
      Request r = requests.submit(RITA, SubmitRequest.builder().item("onboarding").build());
      r = requests.completeTask(PAT, done(r, 2, null));
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.OPEN,
          FulfilmentTaskState.DONE, FulfilmentTaskState.PENDING);
      r = requests.completeTask(IAN, done(r, 1, null));
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.DONE,
          FulfilmentTaskState.DONE, FulfilmentTaskState.OPEN);
      r = requests.completeTask(DAN, done(r, 3, null));
      assertThat(r.state()).isEqualTo(RequestState.FULFILLED);
      assertThat(r.fulfilmentStartedAt()).isNotNull();
    }

    @Test
    void cancellingCancelsTheOpenTasksAndKeepsTheDoneOnes() {
      Request r = requests.submit(RITA, SubmitRequest.builder().item("onboarding").build());
      r = requests.completeTask(PAT, done(r, 2, null));
      r = requests.cancel(RITA, new CancelRequest(r.number(), "Hire withdrew"));
      assertThat(r.state()).isEqualTo(RequestState.CANCELLED);
      assertThat(taskStates(r)).containsExactly(FulfilmentTaskState.CANCELLED,
          FulfilmentTaskState.DONE, FulfilmentTaskState.CANCELLED);
      String number = r.number();
      IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
          () -> requests.addNote(RITA, new AddRequestNote(number, "too late")));
      assertThat(e.getMessage()).contains("CANCELLED");
    }

    @Test
    void aFulfilledRequestClosesAutomaticallyOnceAndOnlyWhenFulfilled() {
      Request r = requests.submit(RITA, SubmitRequest.builder().item("onboarding").build());
      assertThat(f.service.closeAutomatically(r.number())).isFalse();
      requests.completeTask(PAT, done(r, 2, null));
      requests.completeTask(IAN, done(r, 1, null));
      requests.completeTask(DAN, done(r, 3, null));
      assertThat(f.service.closeAutomatically(r.number())).isTrue();
      assertThat(f.service.closeAutomatically(r.number())).isFalse();
      Request closed = requests.get(ADMIN, r.number());
      assertThat(closed.state()).isEqualTo(RequestState.CLOSED);
      assertThat(requests.auditTrail(ADMIN, r.number())).last().extracting(AuditEntry::actorId,
          AuditEntry::operation).containsExactly("system", "request.closeAutomatically");
      assertThat(f.published).last().isInstanceOfSatisfying(RequestEvent.Closed.class,
          c -> assertThat(c.automatically()).isTrue());
    }

    @Test
    void anItemWithItsOwnProcessIsInFulfilmentUntilTheProcessEnds() {
      f.catalog.define(ADMIN, CatalogItem.builder("imaged-laptop").name("Imaged laptop")
          .approval(RequestApproval.manager()).fulfilmentProcess("laptop-imaging").build());
      Request r = requests.submit(CAROL, SubmitRequest.builder().item("imaged-laptop").build());
      assertThat(r.tasks()).isEmpty();
      r = requests.decide(MIA, DecideRequest.approve(r.number(), null));
      assertThat(r.state()).isEqualTo(RequestState.IN_FULFILMENT);
      assertThat(r.approvedAt()).isNotNull();
      String number = r.number();
      ValidationException noTasks = assertThrows(ValidationException.class,
          () -> requests.completeTask(PAT, new CompleteFulfilmentTask(number, 1, null)));
      assertThat(noTasks.getMessage()).contains("runs the process laptop-imaging");
      assertThat(f.service.fulfilledByProcess(number)).isTrue();
      assertThat(requests.get(ADMIN, number).state()).isEqualTo(RequestState.FULFILLED);
      assertThat(f.service.fulfilledByProcess(number)).isFalse();
      assertThat(requests.timeline(ADMIN, number)).last().extracting(TimelineEntry::text)
          .isEqualTo("Fulfilled by the process laptop-imaging");
    }

    @Test
    void workQueuesFindRequestsByOpenTaskGroupApproverAndPeople() {
      Request laptop = f.laptop();
      Request access = f.access();
      requests.decide(SOL, DecideRequest.approve(access.number(), null));
      assertThat(requests.query(ADMIN).openTaskGroup("identity").list()).extracting(Request::number)
          .containsExactly(access.number());
      assertThat(requests.query(ADMIN).approver("mia").state(RequestState.AWAITING_APPROVAL).list())
          .extracting(Request::number).containsExactly(laptop.number());
      assertThat(requests.query(ADMIN).approverGroup("security-owners").count()).isEqualTo(1);
      assertThat(requests.query(ADMIN).requestedBy("carol").list()).containsExactly(laptop);
      assertThat(requests.query(ADMIN).item("system-access").requestedFor("dave").count())
          .isEqualTo(1);
      assertThat(requests.query(ADMIN).orderBy(RequestSort.OLDEST_FIRST).list())
          .extracting(Request::number).containsExactly(laptop.number(), access.number());
    }
  }

  @Nested
  class FormValidation {

    private ValidationException refused(Map<String, Object> form) {
      return assertThrows(ValidationException.class, () -> requests.submit(CAROL,
          SubmitRequest.builder().item("laptop").form(form).build()));
    }

    @Test
    void everyBadValueIsReportedWithTheFieldsMessageAndNothingIsStored() {
      ValidationException e = refused(Map.of("model", "15-inch", "ram", 128, "neededBy",
          "next week", "justification", "x".repeat(201), "dock", "maybe", "colour", "red"));
      assertThat(e.command()).isEqualTo("SubmitRequest");
      assertThat(e.violations()).extracting(Violation::field, Violation::rule,
          Violation::message).containsExactlyInAnyOrder(
              tuple("form.model", "Choice", "Choose the 14-inch or the 16-inch model"),
              tuple("form.ram", "Max", "must be at most 64"),
              tuple("form.neededBy", "Type", "must be a date such as 2026-03-02"),
              tuple("form.justification", "MaxLength",
                  "Say in up to 200 characters why you need it"),
              tuple("form.dock", "Type", "must be true or false"),
              tuple("form.colour", "Unknown", "is not a field of catalog item laptop (fields:"
                  + " [model, ram, neededBy, justification, dock])"));
      assertThat(requests.query(ADMIN).count()).isZero();
      assertThat(f.audit.forRecord("REQ0000001")).isEmpty();
      assertThat(f.published).isEmpty();
      assertThat(f.laptop().number()).as("no number was drawn").isEqualTo("REQ0000001");
    }

    @Test
    void aRequiredFieldMustBeGiven() {
      ValidationException e = refused(Map.of("ram", 16));
      assertThat(e.violations()).extracting(Violation::field, Violation::rule,
          Violation::message).containsExactly(tuple("form.model", "Required",
              "Choose the 14-inch or the 16-inch model"));
      ValidationException blank = refused(Map.of("model", "  "));
      assertThat(blank.violations()).extracting(Violation::rule).containsExactly("Required");
    }

    @Test
    void valuesAreKeptInCanonicalForm() {
      Request r = requests.submit(CAROL, SubmitRequest.builder().item("laptop")
          .value("model", " 16-inch ").value("ram", "32.0").value("neededBy",
              LocalDate.of(2026, 4, 1)).value("dock", "TRUE").value("justification", "  old  ")
          .build());
      assertThat(r.form()).containsExactly(Map.entry("model", "16-inch"), Map.entry("ram", "32"),
          Map.entry("neededBy", "2026-04-01"), Map.entry("justification", "old"),
          Map.entry("dock", "true"));
    }

    @Test
    void numbersBelowTheMinimumTextOffThePatternAndWrongTypesAreRefused() {
      assertThat(refused(Map.of("model", "14-inch", "ram", 4)).violations())
          .extracting(Violation::rule, Violation::message)
          .containsExactly(tuple("Min", "must be at least 8"));
      assertThat(refused(Map.of("model", "14-inch", "ram", "lots")).violations())
          .extracting(Violation::rule).containsExactly("Type");
      assertThat(refused(Map.of("model", 14)).violations()).extracting(Violation::rule)
          .containsExactly("Choice");
      ValidationException role = assertThrows(ValidationException.class,
          () -> requests.submit(DAVE, SubmitRequest.builder().item("system-access")
              .value("system", "crm").value("role", "Sales Rep").build()));
      assertThat(role.violations()).extracting(Violation::field, Violation::rule,
          Violation::message).containsExactly(tuple("form.role", "Pattern",
              "Name the role in lower-case letters and dashes, e.g. sales-rep"));
      ValidationException text = assertThrows(ValidationException.class,
          () -> requests.submit(CAROL, SubmitRequest.builder().item("laptop")
              .value("model", "14-inch").value("justification", 42).build()));
      assertThat(text.violations()).extracting(Violation::rule).containsExactly("Type");
    }

    @Test
    void theCommandItselfIsValidatedFirst() {
      ValidationException e = assertThrows(ValidationException.class,
          () -> requests.submit(CAROL, SubmitRequest.builder().item(" ").quantity(0).build()));
      assertThat(e.violations()).extracting(Violation::field)
          .containsExactly("item", "quantity");
      ValidationException unknown = assertThrows(ValidationException.class,
          () -> requests.submit(CAROL, SubmitRequest.builder().item("yacht").build()));
      assertThat(unknown.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("item", "InCatalog"));
      assertThat(unknown.getMessage()).contains("[laptop, onboarding, system-access]");
    }
  }

  @Nested
  class Versioning {

    @Test
    void aRunningRequestKeepsTheVersionItWasMadeWith() {
      Request old = f.laptop();
      CatalogItem v2 = f.catalog.define(ADMIN, LAPTOP.toBuilder()
          .field(FormField.text("costCentre").required())
          .approval(RequestApproval.group("security-owners"))
          .sequential(FulfilmentTask.of("Register asset", "asset-management"))
          .deliveryNote("Collect it at reception").build());
      assertThat(v2.version()).isEqualTo(2);
      assertThat(f.catalog.item(ADMIN, "laptop")).isEqualTo(v2);

      Request fresh = requests.submit(CAROL, SubmitRequest.builder().item("laptop")
          .value("model", "14-inch").value("costCentre", "4711").build());
      assertThat(fresh.itemVersion()).isEqualTo(2);
      assertThat(fresh.approverGroup()).isEqualTo("security-owners");
      assertThat(fresh.tasks()).hasSize(3);

      Request r = requests.decide(MIA, DecideRequest.approve(old.number(), null));
      assertThat(r.itemVersion()).isEqualTo(1);
      assertThat(r.tasks()).extracting(RequestTask::name).containsExactly("Order hardware",
          "Image and hand over");
      r = requests.completeTask(PAT, done(r, 1, null));
      r = requests.completeTask(DAN, done(r, 2, null));
      assertThat(r.state()).isEqualTo(RequestState.FULFILLED);
      assertThat(requests.timeline(ADMIN, r.number())).last().extracting(TimelineEntry::text)
          .asString().endsWith("Delivery note: Your laptop is ready at the IT desk, floor 2");
    }

    @Test
    void anUnchangedDefinitionIsNoNewVersion() {
      CatalogItem again = f.catalog.define(ADMIN, LAPTOP);
      assertThat(again.version()).isEqualTo(1);
      assertThat(f.catalog.versions(ADMIN, "laptop")).hasSize(1);
      assertThat(f.published).isEmpty();
    }

    @Test
    void versionsAreAuditedWithTheirChangesAndPublished() {
      f.clock.advance(Duration.ofDays(1));
      f.catalog.define(ADMIN, LAPTOP.toBuilder().deliveryNote("Collect it at reception")
          .build());
      assertThat(f.catalog.versions(ADMIN, "laptop")).extracting(CatalogItem::version,
          CatalogItem::definedBy, CatalogItem::definedAt).containsExactly(
              tuple(1, "cathy", T0), tuple(2, "cathy", T0.plus(Duration.ofDays(1))));
      List<AuditEntry> trail = f.catalog.auditTrail(ADMIN, "laptop");
      assertThat(trail).extracting(AuditEntry::recordNumber, AuditEntry::operation)
          .containsExactly(tuple("catalog:laptop", "catalog.define"),
              tuple("catalog:laptop", "catalog.define"));
      assertThat(trail.get(1).changes()).containsExactly(new FieldChange("version", "1", "2"),
          new FieldChange("deliveryNote", "Your laptop is ready at the IT desk, floor 2",
              "Collect it at reception"));
      assertThat(f.published).singleElement().isInstanceOfSatisfying(
          CatalogEvent.ItemDefined.class, e -> {
            assertThat(e.recordNumber()).isEqualTo("catalog:laptop");
            assertThat(e.previous().version()).isEqualTo(1);
          });
    }

    @Test
    void aRetiredItemTakesNoNewRequestsButRunningOnesGoOn() {
      Request running = f.laptop();
      f.published.clear();
      CatalogItem retired = f.catalog.retire(ADMIN, new RetireCatalogItem("laptop",
          "Replaced by the 2027 model"));
      assertThat(retired.retired()).isTrue();
      assertThat(retired.version()).isEqualTo(2);
      assertThat(f.catalog.items(ADMIN)).extracting(CatalogItem::id)
          .containsExactly("onboarding", "system-access");
      ValidationException e = assertThrows(ValidationException.class, f::laptop);
      assertThat(e.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("item", "NotRetired"));
      assertThat(requests.decide(MIA, DecideRequest.approve(running.number(), null)).state())
          .isEqualTo(RequestState.APPROVED);
      assertThat(f.catalog.auditTrail(ADMIN, "laptop")).last().extracting(AuditEntry::changes)
          .asList().contains(new FieldChange("reason", null, "Replaced by the 2027 model"));
      assertThat(f.published).first().isInstanceOf(CatalogEvent.ItemRetired.class);
      assertThrows(ValidationException.class, () -> f.catalog.retire(ADMIN,
          new RetireCatalogItem("laptop", "again")));
      assertThat(f.catalog.item(ADMIN, "laptop", 1)).isEqualTo(f.catalog.versions(ADMIN, "laptop").get(0));
    }
  }

  @Nested
  class HooksAndTransitions {

    @Test
    void aBeforeHookVetoesASubmissionAndNothingIsStored() {
      RequestFixture vetoing = new RequestFixture(RequestFixture.DIRECTORY, List.of(event -> {
        if (event instanceof RequestEvent.Submitted s && s.request().quantity() > 2) {
          throw new VetoException("bulk-order", "order more than two through procurement");
        }
      }), RequestWorkflow.NONE);
      vetoing.catalog.define(ADMIN, LAPTOP);
      assertThrows(VetoException.class, () -> vetoing.service.submit(CAROL, SubmitRequest
          .builder().item("laptop").value("model", "14-inch").quantity(3).build()));
      assertThat(vetoing.service.query(ADMIN).count()).isZero();
      assertThat(vetoing.service.submit(CAROL, SubmitRequest.builder().item("laptop")
          .value("model", "14-inch").quantity(2).build()).quantity()).isEqualTo(2);
    }

    @Test
    void illegalActionsNameTheStateAndTheAllowedActions() {
      Request r = f.laptop();
      IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
          () -> requests.close(CAROL, new CloseRequest(r.number(), null)));
      assertThat(e.getMessage()).contains("AWAITING_APPROVAL").contains("DECIDE");
      Request noted = requests.addNote(DAN, new AddRequestNote(r.number(), "Stock arrives Monday"));
      assertThat(noted).isEqualTo(r);
      assertThat(requests.timeline(ADMIN, r.number())).last().extracting(TimelineEntry::kind)
          .isEqualTo(TimelineEntry.Kind.WORK_NOTE);
      assertThat(requests.auditTrail(ADMIN, r.number())).last().extracting(AuditEntry::operation)
          .isEqualTo("request.addNote");
    }

    @Test
    void everyEventCarriesTheActorAndTheRecordBeforeAndAfter() {
      Request r = f.laptop();
      requests.decide(MIA, DecideRequest.approve(r.number(), null));
      ItsmEvent approved = f.published.get(2);
      assertThat(approved).isInstanceOfSatisfying(RequestEvent.Approved.class, a -> {
        assertThat(a.actor()).isEqualTo(MIA);
        assertThat(a.previous().state()).isEqualTo(RequestState.AWAITING_APPROVAL);
        assertThat(a.request().state()).isEqualTo(RequestState.APPROVED);
        assertThat(a.action()).isEqualTo(RequestAction.DECIDE);
      });
      assertThat(f.published.get(0)).isInstanceOfSatisfying(RequestEvent.Submitted.class,
          s -> assertThat(s.action()).isNull());
    }

    @Test
    void theLifecycleTableMatchesTheStates() {
      assertThat(RequestLifecycle.allowedActions(RequestState.SUBMITTED)).containsExactlyInAnyOrder(
          RequestAction.START_TASK, RequestAction.COMPLETE_TASK, RequestAction.CANCEL,
          RequestAction.ADD_NOTE);
      assertThat(RequestLifecycle.allowedActions(RequestState.FULFILLED))
          .containsExactlyInAnyOrder(RequestAction.CLOSE, RequestAction.ADD_NOTE);
      for (RequestState s : Set.of(RequestState.CLOSED, RequestState.REJECTED,
          RequestState.CANCELLED)) {
        assertThat(RequestLifecycle.allowedActions(s)).isEmpty();
      }
    }
  }
}
