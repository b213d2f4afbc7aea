package dev.itsm.core.incident.internal;

import static dev.itsm.core.incident.IncidentFixtures.AGENT;
import static dev.itsm.core.incident.IncidentFixtures.openCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsm.core.Actor;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.OpenIncident;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.spi.IncidentCriteria;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandValidationTest {

  private static final IncidentCriteria EVERYTHING = new IncidentCriteria(Set.of(), Set.of(), null,
      null, null, null, null, null, IncidentSort.NUMBER, true, 0, 1000);

  private ServiceFixture f;

  @BeforeEach
  void setUp() {
    f = ServiceFixture.inMemory();
  }

  private static ValidationException refused(ThrowingCallable call) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("a ValidationException").isNotNull();
    assertThat(e.code()).isEqualTo("ITSM-VALIDATION");
    return e;
  }

  private void assertNothingStored() {
    assertThat(f.store.count(EVERYTHING)).isZero();
    assertThat(f.store.query(EVERYTHING)).isEmpty();
    assertThat(f.audit.forRecord("INC0000001")).isEmpty();
  }

  @Test
  void openReportsEveryViolatedFieldInOneException() {
    OpenIncident bad = OpenIncident.builder()
        .title(" ".repeat(201)) // blank *and* too long
        .caller(null).channel(null).impact(null).urgency(null)
        .build();

    ValidationException e = refused(() -> f.service.open(AGENT, bad));

    assertThat(e.command()).isEqualTo("OpenIncident");
    assertThat(e.violations()).extracting(Violation::field, Violation::rule).containsExactly(
        tuple("caller", "NotBlank"),
        tuple("channel", "NotNull"),
        tuple("impact", "NotNull"),
        tuple("title", "NotBlank"),
        tuple("title", "Size"),
        tuple("urgency", "NotNull"));
    assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    assertThat(e.getMessage())
        .startsWith("OpenIncident is invalid (6 problems): ")
        .contains("caller must not be blank [NotBlank]", "channel must not be null [NotNull]",
            "title size must be between 0 and 200 [Size]");
    assertNothingStored();
  }

  static Stream<Arguments> singleViolations() {
    return Stream.of(
        Arguments.of("blank title", (UnaryOperator<OpenIncident.Builder>) b -> b.title("  "),
            "title", "NotBlank"),
        Arguments.of("null title", (UnaryOperator<OpenIncident.Builder>) b -> b.title(null),
            "title", "NotBlank"),
        Arguments.of("201-character title",
            (UnaryOperator<OpenIncident.Builder>) b -> b.title("x".repeat(201)), "title", "Size"),
        Arguments.of("null caller", (UnaryOperator<OpenIncident.Builder>) b -> b.caller(null),
            "caller", "NotBlank"),
        Arguments.of("null channel", (UnaryOperator<OpenIncident.Builder>) b -> b.channel(null),
            "channel", "NotNull"),
        Arguments.of("null impact", (UnaryOperator<OpenIncident.Builder>) b -> b.impact(null),
            "impact", "NotNull"),
        Arguments.of("null urgency", (UnaryOperator<OpenIncident.Builder>) b -> b.urgency(null),
            "urgency", "NotNull"),
        Arguments.of("4001-character description",
            (UnaryOperator<OpenIncident.Builder>) b -> b.description("d".repeat(4001)),
            "description", "Size"),
        Arguments.of("101-character category",
            (UnaryOperator<OpenIncident.Builder>) b -> b.category("c".repeat(101)),
            "category", "Size"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleViolations")
  void openReportsTheOneViolatedField(String name, UnaryOperator<OpenIncident.Builder> breakIt,
      String field, String rule) {
    ValidationException e = refused(
        () -> f.service.open(AGENT, breakIt.apply(openCommand()).build()));

    assertThat(e.command()).isEqualTo("OpenIncident");
    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple(field, rule));
    assertThat(e.getMessage()).startsWith("OpenIncident is invalid (1 problem): " + field + " ");
    assertNothingStored();
  }

  @Test
  void titleOfExactly200CharactersIsAccepted() {
    Incident i = f.opened(openCommand().title("x".repeat(200)).build());

    assertThat(i.title()).hasSize(200);
  }

  @Test
  void nullActorIsReportedAsFieldActorTogetherWithTheCommandsViolations() {
    ValidationException e = refused(
        () -> f.service.open(null, openCommand().urgency(null).build()));

    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("actor", "NotNull"), tuple("urgency", "NotNull"));
    assertNothingStored();
  }

  @Test
  void nullActorAloneIsRefused() {
    ValidationException e = refused(() -> f.service.open(null, openCommand().build()));

    assertThat(e.violations()).extracting(Violation::field).containsExactly("actor");
    assertNothingStored();
  }

  @Test
  void nullCommandIsRefused() {
    ValidationException e = refused(() -> f.service.open(AGENT, null));

    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("command", "NotNull"));
  }

  @Test
  void resolveWithBlankNotesAndNullCodeIsRefusedAndChangesNothing() {
    Incident i = f.inProgress();

    ValidationException e = refused(
        () -> f.service.resolve(AGENT, new ResolveIncident(i.number(), null, " ")));

    assertThat(e.command()).isEqualTo("ResolveIncident");
    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("code", "NotNull"), tuple("notes", "NotBlank"));
    assertThat(f.service.get(AGENT, i.number())).isEqualTo(i);
    assertThat(f.service.auditTrail(AGENT, i.number())).hasSize(2);
  }

  @Test
  void assignWithBlankGroupIsRefusedAndChangesNothing() {
    Incident i = f.opened();

    ValidationException e = refused(
        () -> f.service.assign(AGENT, new AssignIncident(i.number(), "", "nina")));

    assertThat(e.command()).isEqualTo("AssignIncident");
    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("assignmentGroup", "NotBlank"));
    assertThat(f.service.get(AGENT, i.number())).isEqualTo(i);
  }

  @Test
  void commandsAreValidatedBeforeTheRecordIsLookedUp() {
    // no such incident, but the validation error comes first
    ValidationException e = refused(() -> f.service.addWorkNote(Actor.of("x"),
        new AddWorkNote("INC0000099", "", null)));

    assertThat(e.command()).isEqualTo("AddWorkNote");
    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("text", "NotBlank"), tuple("visibility", "NotNull"));
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {0, 1001})
  void queryPageSizeOutside1To1000IsRefused(int size) {
    f.opened();

    ValidationException onList = refused(() -> f.service.query(AGENT).page(0, size).list());
    ValidationException onCount = refused(() -> f.service.query(AGENT).page(0, size).count());

    for (ValidationException e : new ValidationException[] {onList, onCount}) {
      assertThat(e.command()).isEqualTo("IncidentQuery");
      assertThat(e.violations()).extracting(Violation::field, Violation::rule)
          .containsExactly(tuple("limit", size == 0 ? "Min" : "Max"));
    }
  }

  @ParameterizedTest(name = "page size {0}")
  @ValueSource(ints = {1, 1000})
  void queryPageSizesAtTheBoundsAreAccepted(int size) {
    f.opened();

    assertThat(f.service.query(AGENT).page(0, size).list()).hasSize(1);
  }

  @Test
  void negativePageIndexIsRefused() {
    ValidationException e = refused(() -> f.service.query(AGENT).page(-1, 10).list());

    assertThat(e.command()).isEqualTo("IncidentQuery");
    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("offset", "Min"));
  }
}
