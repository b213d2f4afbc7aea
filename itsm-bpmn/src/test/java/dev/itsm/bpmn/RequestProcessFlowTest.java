package dev.itsm.bpmn;

import static dev.itsm.core.request.RequestFixture.ACCESS;
import static dev.itsm.core.request.RequestFixture.CAROL;
import static dev.itsm.core.request.RequestFixture.DAN;
import static dev.itsm.core.request.RequestFixture.DESK;
import static dev.itsm.core.request.RequestFixture.DAVE;
import static dev.itsm.core.request.RequestFixture.IAN;
import static dev.itsm.core.request.RequestFixture.LAPTOP;
import static dev.itsm.core.request.RequestFixture.MIA;
import static dev.itsm.core.request.RequestFixture.NORA;
import static dev.itsm.core.request.RequestFixture.ONBOARDING;
import static dev.itsm.core.request.RequestFixture.PAT;
import static dev.itsm.core.request.RequestFixture.RITA;
import static dev.itsm.core.request.RequestFixture.SOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.VetoException;
import dev.itsm.core.request.CancelRequest;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.CloseRequest;
import dev.itsm.core.request.CompleteFulfilmentTask;
import dev.itsm.core.request.DecideRequest;
import dev.itsm.core.request.FulfilmentTask;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestApproval;
import dev.itsm.core.request.RequestEvent;
import dev.itsm.core.request.RequestFixture;
import dev.itsm.core.request.RequestService;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.StartFulfilmentTask;
import dev.itsm.core.request.SubmitRequest;
import dev.itsm.core.sla.ClockStatus;
import dev.itsm.core.sla.ServiceLevelTarget;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.testdb.TestDatabase;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Service requests on the real engine with the shipped generic diagram: the approval step, the
 * fulfilment stages as multi-instances (sequential, parallel, both), an item's own process as a
 * call activity, the auto-close timer on the job executor, cancel, clocks, and a veto that leaves
 * nothing behind; on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class RequestProcessFlowTest {

  /** Fulfilled by the host's own process {@code laptop-imaging} (a test resource). */
  static final CatalogItem IMAGED = CatalogItem.builder("imaged-laptop").name("Imaged laptop")
      .approval(RequestApproval.manager()).fulfilmentProcess("laptop-imaging").build();

  @TempDir static Path dir;
  static EngineDatabase database;
  static ItsmEngine engine;
  static volatile boolean vetoApprovals;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  static Path diagram(String name) {
    try {
      return Path.of(RequestProcessFlowTest.class.getResource("/diagrams/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase kind) {
    database = EngineDatabase.create(kind, dir.resolve(kind.name()), "request_flow");
    engine = TestEngines.builder(database)
        .processes(ItsmProcess.REQUEST)
        .directory(RequestFixture.DIRECTORY)
        .serviceLevels(ServiceLevels.builder()
            .target(ServiceLevelTarget.response("request approval").process("request")
                .within(Duration.ofHours(8)).build())
            .build())
        .fulfilmentProcess(diagram("laptop-imaging.bpmn"))
        .catalogItem(LAPTOP).catalogItem(ACCESS).catalogItem(ONBOARDING).catalogItem(IMAGED)
        .beforeHook(e -> {
          if (vetoApprovals && e instanceof RequestEvent.Approved) {
            throw new VetoException("test", "no approvals today");
          }
        })
        .build();
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    engine.close();
    database.close();
    EngineClock.reset();
  }

  @AfterEach
  void noVeto() {
    vetoApprovals = false;
  }

  private static RequestService requests() {
    return engine.requests();
  }

  private static ProcessEngine camunda() {
    return engine.processEngine();
  }

  private static List<Task> tasks(Request r) {
    return camunda().getTaskService().createTaskQuery().processInstanceBusinessKey(r.number())
        .orderByTaskName().asc().list();
  }

  private static List<String> openTasks(Request r) {
    return tasks(r).stream().map(Task::getName).toList();
  }

  private static List<String> candidates(Task t) {
    return camunda().getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> l.getType().equals("candidate"))
        .map(l -> l.getGroupId() != null ? "group:" + l.getGroupId() : "user:" + l.getUserId())
        .sorted().toList();
  }

  private static boolean ended(Request r) {
    return camunda().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(r.number()).count() == 0;
  }

  private static Request laptop() {
    return requests().submit(CAROL, SubmitRequest.builder().item("laptop")
        .value("model", "14-inch").build());
  }

  private static CompleteFulfilmentTask done(Request r, int task) {
    return new CompleteFulfilmentTask(r.number(), task, null);
  }

  @Test
  void aLaptopIsApprovedByTheManagerAndFulfilledTaskAfterTask() {
    Request r = laptop();
    assertThat(openTasks(r)).containsExactly("Approve request");
    assertThat(candidates(tasks(r).get(0))).containsExactly("user:mia");
    assertThat(engine.serviceLevels().clocks(TestEngines.AGENT, r.number())).extracting(s -> s.clock().kind(),
        s -> s.clock().targetName()).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(TargetKind.RESOLUTION,
                "Standard laptop fulfilment"),
            org.assertj.core.groups.Tuple.tuple(TargetKind.RESPONSE, "request approval"));

    r = requests().decide(MIA, DecideRequest.approve(r.number(), "ok"));
    assertThat(openTasks(r)).containsExactly("Fulfil task");
    assertThat(candidates(tasks(r).get(0))).containsExactly("group:procurement");
    r = requests().startTask(PAT, new StartFulfilmentTask(r.number(), 1));
    assertThat(tasks(r).get(0).getAssignee()).isEqualTo("pat");
    r = requests().completeTask(PAT, done(r, 1));
    assertThat(candidates(tasks(r).get(0))).containsExactly("group:desktop-support");
    r = requests().completeTask(DAN, done(r, 2));
    assertThat(r.state()).isEqualTo(RequestState.FULFILLED);
    assertThat(openTasks(r)).containsExactly("Confirm receipt");
    assertThat(candidates(tasks(r).get(0))).containsExactly("user:carol");
    assertThat(engine.serviceLevels().clocks(TestEngines.AGENT, r.number())).extracting(s -> s.clock().state())
        .containsOnly(SlaClockState.ACHIEVED);

    // RoleModel.standard() grants request.close to the service desk, not to the requester
    r = requests().close(DESK, new CloseRequest(r.number(), "thanks"));
    assertThat(r.state()).isEqualTo(RequestState.CLOSED);
    assertThat(ended(r)).isTrue();
  }

  @Test
  void accessIsApprovedByTheGroupAndItsTasksRunInParallelThenTheTimerClosesIt() {
    Request r = requests().submit(DAVE, SubmitRequest.builder().item("system-access")
        .value("system", "crm").value("role", "sales-rep").build());
    assertThat(candidates(tasks(r).get(0))).containsExactly("group:security-owners");
    r = requests().decide(SOL, DecideRequest.approve(r.number(), null));
    assertThat(openTasks(r)).containsExactly("Fulfil task", "Fulfil task");
    assertThat(tasks(r).stream().flatMap(t -> candidates(t).stream()).toList())
        .containsExactlyInAnyOrder("group:identity", "group:network");
    r = requests().completeTask(NORA, done(r, 2));
    assertThat(candidates(tasks(r).get(0))).containsExactly("group:identity");
    r = requests().completeTask(IAN, done(r, 1));
    assertThat(openTasks(r)).containsExactly("Confirm receipt");

    EngineClock.advance(Duration.ofDays(3).plusMinutes(1));
    assertThat(engine.awaitDueJobs(Duration.ofSeconds(30))).isTrue();
    Request closed = requests().get(DESK, r.number());
    assertThat(closed.state()).isEqualTo(RequestState.CLOSED);
    assertThat(requests().timeline(DESK, r.number())).last()
        .extracting(e -> e.actorId() + ": " + e.text())
        .isEqualTo("system: Closed automatically after the auto-close period");
    assertThat(ended(r)).isTrue();
  }

  @Test
  void stagesOfParallelTasksRunOneAfterTheOther() {
    Request r = requests().submit(RITA, SubmitRequest.builder().item("onboarding").build());
    assertThat(openTasks(r)).containsExactly("Fulfil task", "Fulfil task");
    r = requests().completeTask(IAN, done(r, 1));
    r = requests().completeTask(PAT, done(r, 2));
    assertThat(openTasks(r)).containsExactly("Fulfil task");
    assertThat(candidates(tasks(r).get(0))).containsExactly("group:desktop-support");
    r = requests().completeTask(DAN, done(r, 3));
    assertThat(openTasks(r)).containsExactly("Confirm receipt");
  }

  @Test
  void aRejectionAndACancellationEndTheProcess() {
    Request rejected = requests().decide(MIA, DecideRequest.reject(laptop().number(), "no"));
    assertThat(rejected.state()).isEqualTo(RequestState.REJECTED);
    assertThat(ended(rejected)).isTrue();
    assertThat(engine.serviceLevels().clocks(TestEngines.AGENT, rejected.number())).extracting(s -> s.clock()
        .state()).containsOnly(SlaClockState.CANCELLED);

    Request r = requests().submit(RITA, SubmitRequest.builder().item("onboarding").build());
    r = requests().completeTask(IAN, done(r, 1));
    r = requests().cancel(RITA, new CancelRequest(r.number(), "Hire withdrew"));
    assertThat(ended(r)).isTrue();
  }

  @Test
  void anItemsOwnProcessRunsAsACallActivityAndItsEndFulfilsTheRequest() {
    Request r = requests().submit(CAROL, SubmitRequest.builder().item("imaged-laptop").build());
    r = requests().decide(MIA, DecideRequest.approve(r.number(), null));
    assertThat(r.state()).isEqualTo(RequestState.IN_FULFILMENT);
    Task imaging = camunda().getTaskService().createTaskQuery().processDefinitionKey(
        "laptop-imaging").processInstanceBusinessKey(r.number()).singleResult();
    assertThat(imaging.getName()).isEqualTo("Image laptop");
    assertThat(camunda().getRuntimeService().getVariable(imaging.getExecutionId(),
        "requestNumber")).isEqualTo(r.number());

    camunda().getTaskService().complete(imaging.getId());
    Request fulfilled = requests().get(DESK, r.number());
    assertThat(fulfilled.state()).isEqualTo(RequestState.FULFILLED);
    assertThat(openTasks(fulfilled)).containsExactly("Confirm receipt");
    assertThat(engine.serviceLevels().clocks(TestEngines.AGENT, r.number()).stream().map(ClockStatus::clock)
        .filter(c -> c.kind() == TargetKind.RESPONSE)).extracting(c -> c.state())
        .containsExactly(SlaClockState.ACHIEVED);

    Request other = requests().submit(CAROL, SubmitRequest.builder().item("imaged-laptop")
        .build());
    requests().decide(MIA, DecideRequest.approve(other.number(), null));
    requests().cancel(CAROL, new CancelRequest(other.number(), "Changed my mind"));
    assertThat(camunda().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(other.number()).count()).as("the call activity too")
        .isZero();
  }

  @Test
  void aVetoLeavesTheDecisionTheRecordAndTheProcessAsTheyWere() {
    Request r = laptop();
    vetoApprovals = true;
    String number = r.number();
    assertThrows(VetoException.class,
        () -> requests().decide(MIA, DecideRequest.approve(number, "ok")));
    assertThat(requests().get(DESK, number)).isEqualTo(r);
    assertThat(requests().decisions(DESK, number)).isEmpty();
    assertThat(openTasks(r)).containsExactly("Approve request");
    vetoApprovals = false;
    assertThat(requests().decide(MIA, DecideRequest.approve(number, "ok")).state())
        .isEqualTo(RequestState.APPROVED);
  }

  @Test
  void aRequestKeepsItsItemVersionWhileANewVersionIsDefined() {
    Request old = requests().submit(RITA, SubmitRequest.builder().item("onboarding").build());
    try {
      engine.catalog().define(RequestFixture.ADMIN, ONBOARDING.toBuilder()
          .sequential(FulfilmentTask.of("Badge photo", "facilities")).build());
      Request fresh = requests().submit(RITA, SubmitRequest.builder().item("onboarding")
          .build());
      assertThat(fresh.tasks()).hasSize(4);
      old = requests().completeTask(IAN, done(old, 1));
      old = requests().completeTask(PAT, done(old, 2));
      old = requests().completeTask(DAN, done(old, 3));
      assertThat(old.state()).isEqualTo(RequestState.FULFILLED);
      assertThat(old.itemVersion()).isEqualTo(1);
      requests().cancel(RITA, new CancelRequest(fresh.number(), "test done"));
    } finally {
      engine.catalog().define(RequestFixture.ADMIN, ONBOARDING);
    }
  }
}
