package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.VetoException;
import dev.itsm.core.change.CancelChange;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeEvent;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.ChangePolicies;
import dev.itsm.core.change.ChangeRisk;
import dev.itsm.core.change.ChangeState;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.change.CompleteReview;
import dev.itsm.core.change.CreateChange;
import dev.itsm.core.change.CreateStandardChange;
import dev.itsm.core.change.DecideChange;
import dev.itsm.core.change.FreezeWindow;
import dev.itsm.core.change.RecordOutcome;
import dev.itsm.core.change.ScheduleChange;
import dev.itsm.core.change.StandardChangeTemplate;
import dev.itsm.core.change.StartImplementation;
import dev.itsm.core.change.SubmitChange;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.sla.ServiceLevelTarget;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.sla.TargetKind;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Change enablement on the real engine with the shipped diagram and DMN tables: the process
 * follows every API call, the authorisation deadline timer escalates on the job executor, change
 * clocks run, linked incidents resolve, and a veto leaves nothing behind; on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ChangeProcessFlowTest {

  static final Actor RITA = Actor.of("rita", "service-desk");
  static final Actor OLIVIA = Actor.of("olivia", "change-managers");
  static final Actor IVAN = Actor.of("ivan", "network");
  static final Actor MAX = Actor.of("max", "change-managers");
  static final Actor ANN = Actor.of("ann", "cab");
  static final Actor BEN = Actor.of("ben", "cab");
  static final Actor EVE = Actor.of("eve", "ecab");
  static final Actor ESC = Actor.of("esko", "change-escalation");

  @TempDir static Path dir;
  static EngineDatabase database;
  static ItsmEngine engine;
  static volatile boolean vetoAuthorisations;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase kind) {
    database = EngineDatabase.create(kind, dir.resolve(kind.name()), "change_flow");
    Instant now = EngineClock.now();
    engine = TestEngines.builder(database)
        .processes(ItsmProcess.INCIDENT, ItsmProcess.CHANGE)
        .directory(Directory.of(Map.of(
            "change-managers", Set.of("max", "mia", "olivia"),
            "cab", Set.of("ann", "ben", "cat", "dan", "rita"),
            "ecab", Set.of("eve"))))
        .serviceLevels(ServiceLevels.builder()
            .target(ServiceLevelTarget.response("change authorisation").process("change")
                .within(Duration.ofHours(8)).build())
            .build())
        .changePolicies(ChangePolicies.builder()
            .standardChange(new StandardChangeTemplate("restart-app-server",
                "Restart an application server", null, "application", "Drain, restart",
                "None", null, "operations", Impact.LOW))
            .freezeWindow(FreezeWindow.of("quarter close", now.plus(Duration.ofDays(20)),
                now.plus(Duration.ofDays(23))))
            .build())
        .beforeHook(e -> {
          if (vetoAuthorisations && e instanceof ChangeEvent.Authorized) {
            throw new VetoException("test", "no authorisations today");
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
    vetoAuthorisations = false;
  }

  private static ProcessEngine camunda() {
    return engine.processEngine();
  }

  private static List<String> openTasks(Change c) {
    return camunda().getTaskService().createTaskQuery().processInstanceBusinessKey(c.number())
        .list().stream().map(Task::getName).toList();
  }

  private static Task task(Change c) {
    return camunda().getTaskService().createTaskQuery().processInstanceBusinessKey(c.number())
        .singleResult();
  }

  private static boolean ended(Change c) {
    return camunda().getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(c.number()).count() == 0;
  }

  private static List<String> candidateGroups(Task t) {
    return camunda().getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).sorted().toList();
  }

  static CreateChange.Builder lowRisk() {
    return CreateChange.builder().type(ChangeType.NORMAL).title("Add VLAN for printers")
        .justification("New floor").category("network").services("network")
        .configurationItems("access-sw-4").implementationPlan("Configure, verify")
        .backoutPlan("Remove the VLAN").owner("olivia").implementerGroup("network")
        .implementer("ivan").impact(Impact.LOW).tested(true).backoutTested(true);
  }

  private static Instant inDays(int days) {
    return EngineClock.now().plus(Duration.ofDays(days));
  }

  @Test
  void aNormalChangeWalksTheDiagramAndResolvesItsIncident() {
    Incident incident = TestEngines.openAndAcknowledge(engine);
    Change c = engine.changes().create(RITA, lowRisk().incidents(incident.number()).build());
    assertThat(c.risk()).isEqualTo(ChangeRisk.LOW);
    assertThat(openTasks(c)).containsExactly("Assess change");
    assertThat(candidateGroups(task(c))).containsExactly("change-managers");

    c = engine.changes().submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
    assertThat(c.authority()).isEqualTo("change-manager");
    assertThat(openTasks(c)).containsExactly("Authorise change");
    assertThat(candidateGroups(task(c))).containsExactly("change-managers");
    assertThat(engine.serviceLevels().clocks(TestEngines.AGENT, c.number())).extracting(s -> s.clock().kind())
        .containsExactly(TargetKind.RESPONSE);

    String number = c.number();
    assertThrows(NotPermittedException.class,
        () -> engine.changes().decide(OLIVIA, DecideChange.approve(number, null)));
    c = engine.changes().decide(MAX, DecideChange.approve(c.number(), "ok"));
    assertThat(c.state()).isEqualTo(ChangeState.AUTHORIZED);
    assertThat(openTasks(c)).containsExactly("Schedule change");
    assertThat(engine.serviceLevels().clocks(TestEngines.AGENT, c.number())).extracting(s -> s.clock().state())
        .containsExactly(SlaClockState.ACHIEVED);

    c = engine.changes().schedule(MAX, ScheduleChange.window(c.number(), inDays(2),
        inDays(2).plusSeconds(3600)));
    assertThat(openTasks(c)).containsExactly("Implement change");
    assertThat(task(c).getAssignee()).isEqualTo("ivan");
    engine.changes().startImplementation(IVAN, new StartImplementation(c.number(), null));
    c = engine.changes().recordOutcome(IVAN, new RecordOutcome(c.number(),
        ChangeOutcome.SUCCESSFUL, "VLAN 40 live"));
    assertThat(c.state()).isEqualTo(ChangeState.CLOSED);
    assertThat(ended(c)).isTrue();
    assertThat(engine.incidents().get(Actor.system(), incident.number()).state())
        .isEqualTo(IncidentState.RESOLVED);
    assertThat(engine.changes().query(MAX).linkedIncident(incident.number()).list())
        .extracting(Change::number).containsExactly(c.number());
  }

  @Test
  void anEmergencyChangeStartsInAuthorisationAndEndsAfterItsReview() {
    // its own category: its failure must not raise the risk of the other tests' changes
    Change c = engine.changes().create(RITA, lowRisk().type(ChangeType.EMERGENCY)
        .category("vpn").build());
    assertThat(c.authority()).isEqualTo("ecab");
    assertThat(openTasks(c)).containsExactly("Authorise change");
    assertThat(candidateGroups(task(c))).containsExactly("ecab");
    engine.changes().decide(EVE, DecideChange.approve(c.number(), "go"));
    // the freeze window may be overridden with a justification
    c = engine.changes().schedule(MAX, new ScheduleChange(c.number(),
        inDays(21), inDays(21).plusSeconds(600), null, "Exploit in the wild"));
    assertThat(c.freezeOverride()).isEqualTo("Exploit in the wild");
    engine.changes().startImplementation(IVAN, new StartImplementation(c.number(), null));
    c = engine.changes().recordOutcome(IVAN, new RecordOutcome(c.number(),
        ChangeOutcome.FAILED, "Patch broke login; backed out"));
    assertThat(c.state()).isEqualTo(ChangeState.REVIEW);
    assertThat(openTasks(c)).containsExactly("Post-implementation review");
    c = engine.changes().completeReview(MAX, new CompleteReview(c.number(), "Test the patch"));
    assertThat(c.state()).isEqualTo(ChangeState.CLOSED);
    assertThat(ended(c)).isTrue();
  }

  @Test
  void aStandardChangeGoesStraightToScheduling() {
    Change c = engine.changes().createStandard(RITA,
        CreateStandardChange.of("restart-app-server", "olivia", "app-3"));
    assertThat(openTasks(c)).containsExactly("Schedule change");
    c = engine.changes().schedule(MAX, ScheduleChange.window(c.number(), inDays(1),
        inDays(1).plusSeconds(600)));
    assertThat(openTasks(c)).containsExactly("Implement change");
    assertThat(candidateGroups(task(c))).containsExactly("operations");
  }

  @Test
  void aRejectedChangeEndsItsProcessAndACancelledOneToo() {
    Change high = engine.changes().create(RITA, lowRisk().impact(Impact.HIGH)
        .requiresOutage(true).build());
    assertThat(high.risk()).isEqualTo(ChangeRisk.HIGH);
    high = engine.changes().submitForAuthorization(OLIVIA, new SubmitChange(high.number(),
        null));
    assertThat(high.authority()).isEqualTo("cab");
    high = engine.changes().decide(ANN, DecideChange.reject(high.number(), "no outage now"));
    assertThat(high.state()).isEqualTo(ChangeState.REJECTED);
    assertThat(ended(high)).isTrue();

    Change c = engine.changes().create(RITA, lowRisk().build());
    engine.changes().cancel(OLIVIA, new CancelChange(c.number(), "duplicate"));
    assertThat(ended(c)).isTrue();
  }

  @Test
  void theAuthorisationDeadlineTimerEscalatesOnTheJobExecutor() {
    Change c = engine.changes().create(RITA, lowRisk().impact(Impact.HIGH).requiresOutage(true)
        .build());
    c = engine.changes().submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
    engine.changes().decide(BEN, DecideChange.approve(c.number(), null));
    EngineClock.advance(Duration.ofDays(5).plusMinutes(1));
    assertThat(engine.awaitDueJobs(Duration.ofSeconds(30))).isTrue();
    Change escalated = engine.changes().get(MAX, c.number());
    assertThat(escalated.authorizationEscalated()).isTrue();
    assertThat(candidateGroups(task(c))).containsExactly("cab", "change-escalation");
    Change decided = engine.changes().decide(ESC, DecideChange.approve(c.number(), "overdue"));
    assertThat(decided.state()).isEqualTo(ChangeState.AUTHORIZED);
    assertThat(openTasks(c)).containsExactly("Schedule change");
  }

  @Test
  void aVetoLeavesTheDecisionTheRecordAndTheProcessAsTheyWere() {
    Change c = engine.changes().create(RITA, lowRisk().build());
    c = engine.changes().submitForAuthorization(OLIVIA, new SubmitChange(c.number(), null));
    vetoAuthorisations = true;
    String number = c.number();
    assertThrows(VetoException.class,
        () -> engine.changes().decide(MAX, DecideChange.approve(number, "ok")));
    assertThat(engine.changes().get(MAX, number)).isEqualTo(c);
    assertThat(engine.changes().decisions(MAX, number)).isEmpty();
    assertThat(openTasks(c)).containsExactly("Authorise change");
    vetoAuthorisations = false;
    assertThat(engine.changes().decide(MAX, DecideChange.approve(number, "ok")).state())
        .isEqualTo(ChangeState.AUTHORIZED);
  }

  @Test
  void theChangeScheduleShowsScheduledChanges() {
    Change c = engine.changes().createStandard(RITA,
        CreateStandardChange.of("restart-app-server", "olivia", "app-9"));
    engine.changes().schedule(MAX, ScheduleChange.window(c.number(), inDays(40),
        inDays(40).plusSeconds(600)));
    assertThat(engine.changes().schedule(MAX, inDays(39), inDays(41))).extracting(Change::number)
        .containsExactly(c.number());
  }
}
