package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmException;
import dev.itsm.core.change.Change;
import dev.itsm.core.change.ChangeOutcome;
import dev.itsm.core.change.DecideChange;
import dev.itsm.core.change.RecordOutcome;
import dev.itsm.core.change.ScheduleChange;
import dev.itsm.core.change.StartImplementation;
import dev.itsm.core.change.SubmitChange;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.major.CompletePostIncidentReview;
import dev.itsm.core.major.LinkChildIncident;
import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.major.PostStakeholderUpdate;
import dev.itsm.core.major.PromoteToMajor;
import dev.itsm.core.problem.AssessProblem;
import dev.itsm.core.problem.CancelProblem;
import dev.itsm.core.problem.CloseProblem;
import dev.itsm.core.problem.CreateProblem;
import dev.itsm.core.problem.IdentifyRootCause;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.LinkIncidents;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemState;
import dev.itsm.core.problem.PublishKnownError;
import dev.itsm.core.problem.StartAnalysis;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Problem management and major incidents on the real engine with the shipped diagrams: a major
 * incident with children and a missed update fired by the cadence timer, a problem with a
 * published known error fixed by a change, known errors offered for new incidents, proactive
 * detection; on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ProblemManagementFlowTest {

  static final Actor DESK = Actor.of("dana", "service-desk");
  static final Actor MIM = Actor.of("mia", "major-incident-managers", "incident-managers");
  static final Actor PAT = Actor.of("pat", "problem-managers");
  static final Actor MAX = Actor.of("max", "change-managers");

  @TempDir static Path dir;
  static EngineDatabase database;
  static ItsmEngine engine;

  /** The database of this run; injected by JUnit. */
  @Parameter TestDatabase kind;

  @BeforeParameterizedClassInvocation
  static void start(TestDatabase kind) {
    database = EngineDatabase.create(kind, dir.resolve(kind.name()), "problem_flow");
    engine = TestEngines.builder(database)
        .processes(ItsmProcess.INCIDENT, ItsmProcess.CHANGE, ItsmProcess.PROBLEM,
            ItsmProcess.MAJOR_INCIDENT)
        .directory(Directory.of(Map.of("change-managers", Set.of("max", "moe"))))
        .build();
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    engine.close();
    database.close();
    EngineClock.reset();
  }

  private static ProcessEngine camunda() {
    return engine.processEngine();
  }

  private static boolean running(String key, String businessKey) {
    return camunda().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(businessKey).count() > 0;
  }

  private static List<String> tasks(String key, String businessKey) {
    return camunda().getTaskService().createTaskQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(businessKey).list().stream().map(Task::getName).toList();
  }

  private static Incident open(String ci, Impact impact, Urgency urgency) {
    return engine.incidents().open(DESK, OpenIncident.builder().title("Trouble on " + ci)
        .caller("alice").channel(Channel.MONITORING).category("infra-" + ci)
        .configurationItem(ci).impact(impact).urgency(urgency).build());
  }

  @Test
  void aMajorIncidentLeadsToAProblemAKnownErrorAndAChangeThatFixesIt() {
    Incident parent = open("dc-power-" + kind, Impact.HIGH, Urgency.HIGH);
    List<String> children = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      children.add(open("app-" + i + "-" + kind, Impact.MEDIUM, Urgency.MEDIUM).number());
    }
    MajorIncident m = engine.majorIncidents().promote(MIM, new PromoteToMajor(parent.number(),
        "mia", Duration.ofMinutes(30)));
    assertThat(running("itsm-major-incident", parent.number())).isTrue();
    for (String c : children) {
      engine.majorIncidents().linkChild(MIM, new LinkChildIncident(parent.number(), c));
    }
    m = engine.majorIncidents().postUpdate(MIM, new PostStakeholderUpdate(parent.number(),
        "Generator started"));
    Instant due = m.nextUpdateDue();
    assertThat(camunda().getManagementService().createJobQuery()
        .processInstanceId(camunda().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey("itsm-major-incident")
            .processInstanceBusinessKey(parent.number()).singleResult().getId())
        .singleResult().getDuedate()).isEqualTo(java.util.Date.from(due));

    EngineClock.advance(Duration.ofMinutes(31));
    assertThat(engine.awaitDueJobs(Duration.ofSeconds(30))).isTrue();
    MajorIncident missed = engine.majorIncidents().get(MIM, parent.number());
    assertThat(missed.updatesMissed()).isEqualTo(1);
    assertThat(missed.nextUpdateDue()).isEqualTo(due.plus(Duration.ofMinutes(30)));
    assertThat(engine.incidents().timeline(Actor.system(), parent.number())).extracting(TimelineEntry::text)
        .anyMatch(t -> t.contains("was missed; escalated to incident-managers"));

    engine.incidents().acknowledge(MIM, new AcknowledgeIncident(parent.number()));
    engine.incidents().resolve(MIM, new ResolveIncident(parent.number(),
        ResolutionCode.SOLVED_WORKAROUND, "Running on the generator"));
    for (String c : children) {
      assertThat(engine.incidents().get(Actor.system(), c).state()).isEqualTo(IncidentState.RESOLVED);
    }
    assertThat(tasks("itsm-major-incident", parent.number()))
        .containsExactly("Post-incident review");
    ItsmException refused = assertThrows(ItsmException.class, () -> engine.incidents()
        .close(DESK, new CloseIncident(parent.number(), "done")));
    assertThat(refused.code()).isEqualTo("ITSM-REVIEW-REQUIRED");

    Problem p = engine.problems().create(PAT, new CreateProblem("Data centre power loss",
        null, "infra", null, parent.configurationItem(), parent.priority(), null,
        List.of(parent.number())));
    assertThat(tasks("itsm-problem", p.number())).containsExactly("Assess problem");
    engine.problems().linkIncidents(PAT, new LinkIncidents(p.number(), children));
    engine.problems().assess(PAT, new AssessProblem(p.number(), "pat", p.priority()));
    engine.problems().startAnalysis(PAT, new StartAnalysis(p.number(), null));
    engine.problems().identifyRootCause(PAT, new IdentifyRootCause(p.number(),
        "UPS battery end of life", "Switch to the generator by hand"));
    p = engine.problems().publishKnownError(PAT, new PublishKnownError(p.number(), null));
    assertThat(p.knownError()).isNotNull();
    assertThat(tasks("itsm-problem", p.number())).containsExactly("Fix problem");

    Change fix = engine.changes().create(PAT, ChangeProcessFlowTest.lowRisk()
        .title("Replace the UPS batteries").category("power-" + kind)
        .problems(p.number()).owner("pat").implementer("ivan").build());
    engine.changes().submitForAuthorization(PAT, new SubmitChange(fix.number(), null));
    engine.changes().decide(MAX, DecideChange.approve(fix.number(), null));
    Instant start = EngineClock.now().plus(Duration.ofDays(1));
    engine.changes().schedule(MAX, ScheduleChange.window(fix.number(), start,
        start.plusSeconds(3600)));
    engine.changes().startImplementation(Actor.of("ivan", "network"),
        new StartImplementation(fix.number(), null));
    engine.changes().recordOutcome(Actor.of("ivan", "network"), new RecordOutcome(fix.number(),
        ChangeOutcome.SUCCESSFUL, "New batteries"));
    p = engine.problems().get(PAT, p.number());
    assertThat(p.state()).isEqualTo(ProblemState.RESOLVED);
    assertThat(tasks("itsm-problem", p.number())).containsExactly("Close problem");
    engine.problems().close(PAT, new CloseProblem(p.number(), null));
    assertThat(running("itsm-problem", p.number())).isFalse();

    engine.majorIncidents().completeReview(MIM, new CompletePostIncidentReview(parent.number(),
        "Monitor UPS battery health"));
    assertThat(engine.incidents().get(Actor.system(), parent.number()).state()).isEqualTo(IncidentState.CLOSED);
    assertThat(running("itsm-major-incident", parent.number())).isFalse();
    assertThat(running("itsm-incident", parent.number())).isFalse();
  }

  @Test
  void newIncidentsAreOfferedMatchingKnownErrorsAndRepeatsProposeAProblem() {
    String ci = "vpn-gw-" + kind;
    Problem p = engine.problems().create(PAT, new CreateProblem("VPN drops", null, null, null,
        ci, dev.itsm.core.incident.Priority.P3, "pat", List.of()));
    engine.problems().assess(PAT, new AssessProblem(p.number(), "pat", p.priority()));
    engine.problems().startAnalysis(PAT, new StartAnalysis(p.number(), null));
    engine.problems().identifyRootCause(PAT, new IdentifyRootCause(p.number(),
        "Expired certificate", "Use the backup profile"));
    engine.problems().publishKnownError(PAT, new PublishKnownError(p.number(), "VPN drops"));
    Incident i = open(ci, Impact.LOW, Urgency.LOW);
    assertThat(engine.problems().knownErrorsFor(DESK, i.number())).extracting(KnownError::title)
        .containsExactly("VPN drops");
    assertThat(engine.incidents().timeline(Actor.system(), i.number())).extracting(TimelineEntry::text)
        .anyMatch(t -> t.contains("Use the backup profile"));

    String flaky = "flaky-sw-" + kind;
    for (int n = 0; n < 3; n++) {
      open(flaky, Impact.LOW, Urgency.LOW);
    }
    List<Problem> proposed = engine.problems().query(PAT).configurationItem(flaky).list();
    assertThat(proposed).hasSize(1);
    assertThat(proposed.get(0).proactive()).isTrue();
    assertThat(proposed.get(0).incidents()).hasSize(3);
    assertThat(running("itsm-problem", proposed.get(0).number())).isTrue();
    engine.problems().cancel(PAT, new CancelProblem(proposed.get(0).number(), "Known flaky"));
    assertThat(running("itsm-problem", proposed.get(0).number())).isFalse();
  }

  @Test
  void cancellingAMajorIncidentEndsItsCadence() {
    Incident parent = open("core-" + kind, Impact.HIGH, Urgency.HIGH);
    engine.majorIncidents().promote(MIM, new PromoteToMajor(parent.number(), "mia", null));
    engine.incidents().cancel(DESK, new CancelIncident(parent.number(), "False alarm"));
    assertThat(running("itsm-major-incident", parent.number())).isFalse();
  }
}
