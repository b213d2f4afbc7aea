package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.ValidationException;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.Incident;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantees for hostile input that are not random: a 10 MB text is refused with a clear
 * error, actor ids are bounded, user text is stored literally (never evaluated), and the engine
 * refuses Java-serialised variables.
 */
class HostileInputTest {

  private static final String TEN_MB = "x".repeat(10 * 1024 * 1024);

  @TempDir Path dir;

  private ItsmEngine engine;

  @BeforeEach
  void start() {
    engine = TestEngines.builder(dir).jobExecutor(false).build();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aTenMegabyteDescriptionIsRefusedByName() {
    assertThatThrownBy(() -> engine.incidents().open(TestEngines.AGENT,
        TestEngines.vpnOutage().description(TEN_MB).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations()).extracting(ValidationException.Violation::field)
              .containsExactly("description");
          assertThat(e.getMessage()).contains("description").hasSizeLessThan(500);
        });
    assertThat(engine.incidents().query(Actor.system()).list()).isEmpty();
  }

  @Test
  void aTenMegabyteWorkNoteIsRefusedAndChangesNothing() {
    Incident inc = TestEngines.open(engine);
    var trail = engine.incidents().auditTrail(Actor.system(), inc.number());

    assertThatThrownBy(() -> engine.incidents().addWorkNote(TestEngines.AGENT,
        new AddWorkNote(inc.number(), TEN_MB, AddWorkNote.Visibility.INTERNAL)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("text");

    assertThat(engine.incidents().get(Actor.system(), inc.number())).isEqualTo(inc);
    assertThat(engine.incidents().auditTrail(Actor.system(), inc.number())).isEqualTo(trail);
    assertThat(engine.audit().verify(TestEngines.ADMIN, inc.number()).ok()).isTrue();
  }

  @Test
  void actorIdsAreBounded() {
    for (Actor hostile : List.of(Actor.of("a".repeat(101)), Actor.of("eve\u0000"))) {
      assertThatThrownBy(() -> engine.incidents().open(hostile, TestEngines.vpnOutage().build()))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
              .extracting(ValidationException.Violation::field).containsExactly("actor.id"));
    }
  }

  @Test
  void expressionsInUserTextAreStoredLiterallyNeverEvaluated() {
    String text = "${execution.setVariable('pwned', true)} #{7*7} T(java.lang.Runtime)";
    Incident inc = engine.incidents().open(TestEngines.AGENT,
        TestEngines.vpnOutage().title(text).description(text).build());

    assertThat(engine.incidents().get(Actor.system(), inc.number()).title()).isEqualTo(text);
    RuntimeService runtime = engine.processEngine().getRuntimeService();
    assertThat(runtime.createVariableInstanceQuery().variableName("pwned").count()).isZero();
  }

  @Test
  void javaSerialisedVariablesAreRefused() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.processEngine()
        .getProcessEngineConfiguration();
    assertThat(cfg.isJavaSerializationFormatEnabled()).isFalse();
    Incident inc = TestEngines.open(engine);
    RuntimeService runtime = engine.processEngine().getRuntimeService();
    String instance = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(inc.number()).singleResult().getId();

    assertThatThrownBy(() -> runtime.setVariable(instance, "payload",
        new ArrayList<>(List.of("a", "b"))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("never serialised");
    assertThatThrownBy(() -> runtime.setVariable(instance, "payload",
        Variables.objectValue(new ArrayList<>(List.of("a"))).create()))
        .isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> runtime.setVariable(instance, "payload",
        Variables.serializedObjectValue("rO0ABXQAAWE=")
            .serializationDataFormat(SerializationDataFormats.JAVA)
            .objectTypeName("java.lang.String").create()))
        .isInstanceOf(ProcessEngineException.class);
    Map<String, Object> variables = runtime.getVariables(instance);
    assertThat(variables).doesNotContainKey("payload");
    assertThat(variables.values()).allSatisfy(v -> assertThat(v).satisfiesAnyOf(
        x -> assertThat(x).isNull(),
        x -> assertThat(x).isInstanceOfAny(String.class, Number.class, Boolean.class,
            java.util.Date.class)));
  }
}
