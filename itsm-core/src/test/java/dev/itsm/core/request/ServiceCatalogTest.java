package dev.itsm.core.request;

import static dev.itsm.core.request.RequestFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.RejectionRule;
import dev.itsm.core.request.internal.RequestWorkflow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service catalog: definition rules (every problem at once, with its path), the declarative
 * file (its shape, all or none, idempotent on a second load) and the JSON round trip the stores
 * rely on.
 */
class ServiceCatalogTest {

  private final RequestFixture f = new RequestFixture(RequestFixture.DIRECTORY, List.of(),
      RequestWorkflow.NONE);

  static final String FILE = """
      [ { "id": "laptop", "name": "Standard laptop", "description": "14-inch business laptop",
          "fields": [
            { "name": "model", "label": "Model", "type": "CHOICE",
              "options": ["14-inch", "16-inch"], "required": true,
              "message": "Choose the 14-inch or the 16-inch model" },
            { "name": "ram", "type": "NUMBER", "min": 8, "max": 64.5 },
            { "name": "neededBy", "type": "date" },
            { "name": "justification", "type": "TEXT", "minLength": 10, "maxLength": 500,
              "pattern": ".*\\\\S.*" },
            { "name": "dock", "type": "BOOLEAN" } ],
          "approval": { "by": "MANAGER" },
          "fulfilment": { "order": "SEQUENTIAL", "tasks": [
            { "name": "Order hardware", "group": "procurement" },
            { "name": "Image and hand over", "group": "desktop-support" } ] },
          "serviceLevel": { "within": "P5D", "calendar": "office" },
          "deliveryNote": "Your laptop is ready at the IT desk" },
        { "id": "system-access", "name": "Access to a business system",
          "fields": [ { "name": "system", "type": "CHOICE", "options": ["crm", "erp"] } ],
          "approval": { "by": "GROUP", "group": "security-owners", "policy": "QUORUM:2",
                        "rejectionRule": "WHEN_APPROVAL_IMPOSSIBLE" },
          "fulfilment": { "order": "PARALLEL", "tasks": [
            { "name": "Create account", "group": "identity" },
            { "name": "Open firewall", "group": "network" } ] } },
        { "id": "onboarding", "name": "Onboarding kit",
          "fulfilment": { "tasks": [
            { "name": "Create account", "group": "identity", "stage": 1 },
            { "name": "Order hardware", "group": "procurement", "stage": 1 },
            { "name": "Welcome session", "group": "desktop-support", "stage": 2 } ] } },
        { "id": "imaged-laptop", "name": "Imaged laptop",
          "fulfilment": { "process": "laptop-imaging" } } ]
      """;

  @Test
  void theFileDefinesEveryItemAndASecondLoadChangesNothing(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("catalog.json"), FILE);
    List<CatalogItem> items = f.catalog.define(ADMIN, file);
    assertThat(items).extracting(CatalogItem::id, CatalogItem::version).containsExactly(
        tuple("laptop", 1), tuple("system-access", 1), tuple("onboarding", 1),
        tuple("imaged-laptop", 1));
    CatalogItem laptop = items.get(0);
    assertThat(laptop.fields()).extracting(FormField::name, FormField::type).containsExactly(
        tuple("model", FieldType.CHOICE), tuple("ram", FieldType.NUMBER),
        tuple("neededBy", FieldType.DATE), tuple("justification", FieldType.TEXT),
        tuple("dock", FieldType.BOOLEAN));
    assertThat(laptop.field("ram").orElseThrow().max()).isEqualTo(new BigDecimal("64.5"));
    assertThat(laptop.approval()).isEqualTo(RequestApproval.manager());
    assertThat(laptop.order()).isEqualTo(FulfilmentOrder.SEQUENTIAL);
    assertThat(laptop.serviceLevelTarget()).isEqualTo(Duration.ofDays(5));
    assertThat(laptop.serviceLevelCalendar()).isEqualTo("office");
    assertThat(items.get(1).approval()).isEqualTo(RequestApproval.group("security-owners",
        ApprovalPolicy.quorum(2)).withRejectionRule(RejectionRule.WHEN_APPROVAL_IMPOSSIBLE));
    assertThat(items.get(1).order()).isEqualTo(FulfilmentOrder.PARALLEL);
    assertThat(items.get(2).order()).isEqualTo(FulfilmentOrder.STAGED);
    assertThat(items.get(2).stages()).isEqualTo(2);
    assertThat(items.get(3).fulfilmentProcess()).isEqualTo("laptop-imaging");
    assertThat(items.get(3).order()).isNull();

    assertThat(f.catalog.define(ADMIN, file)).isEqualTo(items);
    assertThat(f.catalog.versions(ADMIN, "laptop")).hasSize(1);
  }

  @Test
  void everyItemWritesAndReadsBackUnchanged() {
    for (CatalogItem item : CatalogFile.read("test", FILE)) {
      assertThat(CatalogFile.readItem(CatalogFile.write(item))).isEqualTo(item);
    }
    for (CatalogItem item : List.of(RequestFixture.LAPTOP, RequestFixture.ACCESS,
        RequestFixture.ONBOARDING)) {
      assertThat(CatalogFile.readItem(CatalogFile.write(item))).isEqualTo(item);
    }
  }

  @Test
  void aMisshapenFileIsRefusedWithThePathOfEveryProblemAndNothingIsDefined(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), """
        [ { "id": "laptop", "name": "Laptop", "colour": "red",
            "fields": [ { "name": "ram", "type": "DECIMAL", "min": "eight" } ],
            "approval": { "by": "GROUP", "group": "owners", "policy": "MOST" },
            "fulfilment": { "order": "PARALLEL", "tasks": "Order it" },
            "serviceLevel": { "within": "5 days" } },
          42 ]
        """);
    ValidationException e = assertThrows(ValidationException.class,
        () -> f.catalog.define(ADMIN, file));
    assertThat(e.command()).isEqualTo("catalog file " + file);
    assertThat(e.violations()).extracting(Violation::field, Violation::rule).containsExactly(
        tuple("items[0].colour", "Unknown"),
        tuple("items[0].fields[0].type", "OneOf"),
        tuple("items[0].fields[0].min", "Type"),
        tuple("items[0].approval.policy", "ApprovalPolicy"),
        tuple("items[0].fulfilment.tasks", "Array"),
        tuple("items[0].serviceLevel.within", "Duration"),
        tuple("items[1]", "Object"));
    assertThat(f.catalog.items(ADMIN)).isEmpty();

    Path broken = Files.writeString(dir.resolve("broken.json"), "[ { \"id\": ");
    ValidationException syntax = assertThrows(ValidationException.class,
        () -> f.catalog.define(ADMIN, broken));
    assertThat(syntax.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("json", "Syntax"));
    assertThat(syntax.getMessage()).contains("line 1");
  }

  @Test
  void theRulesOfAFileAreCheckedForEveryItemBeforeAnyIsDefined(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("rules.json"), """
        [ { "id": "ok", "name": "Fine", "fulfilment": { "tasks": [ { "name": "Do", "group": "g" } ] } },
          { "id": "ok", "name": "Twice", "fulfilment": { "process": "unknown-process" } } ]
        """);
    ValidationException e = assertThrows(ValidationException.class,
        () -> f.catalog.define(ADMIN, file));
    assertThat(e.violations()).extracting(Violation::field, Violation::rule).containsExactly(
        tuple("items[1].fulfilmentProcess", "Deployed"), tuple("items[1].id", "Unique"));
    assertThat(f.catalog.find(ADMIN, "ok")).isEmpty();
  }

  @Test
  void aBadDefinitionIsRefusedWithEveryProblemAndNothingIsStored() {
    CatalogItem bad = CatalogItem.builder("Laptop!").name(" ")
        .field(FormField.choice("model"))
        .field(FormField.choice("model", "a", "a").maxLength(3))
        .field(FormField.number("ram").min(64).max(8))
        .field(FormField.text("why").pattern("([").minLength(10).maxLength(5))
        .field(FormField.of("1st", null))
        .approval(RequestApproval.group(" "))
        .task(new FulfilmentTask("Order", "procurement", 2))
        .task(new FulfilmentTask(" ", " ", 1))
        .serviceLevel(Duration.ZERO, "mars-time")
        .build();
    ValidationException e = assertThrows(ValidationException.class,
        () -> f.catalog.define(ADMIN, bad));
    assertThat(e.command()).isEqualTo("CatalogItem");
    assertThat(e.violations()).extracting(Violation::field, Violation::rule).containsExactly(
        tuple("id", "Pattern"),
        tuple("name", "NotBlank"),
        tuple("fields[0].options", "NotEmpty"),
        tuple("fields[1].name", "Unique"),
        tuple("fields[1].maxLength", "NotForType"),
        tuple("fields[1].options[1]", "Unique"),
        tuple("fields[2].min", "NotAboveMax"),
        tuple("fields[3].minLength", "NotAboveMax"),
        tuple("fields[3].pattern", "Regex"),
        tuple("fields[4].name", "Pattern"),
        tuple("fields[4].type", "NotNull"),
        tuple("approval.group", "NotBlank"),
        tuple("tasks[1].name", "NotBlank"),
        tuple("tasks[1].group", "NotBlank"),
        tuple("tasks[1].stage", "Order"),
        tuple("serviceLevelTarget", "Positive"),
        tuple("serviceLevelCalendar", "Exists"));
    assertThat(f.catalog.items(ADMIN)).isEmpty();
  }

  @Test
  void anItemNeedsTasksOrItsOwnProcessButNotBoth() {
    ValidationException none = assertThrows(ValidationException.class, () -> f.catalog.define(
        ADMIN, CatalogItem.builder("empty").name("Nothing to do").build()));
    assertThat(none.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("tasks", "Fulfilment"));
    ValidationException both = assertThrows(ValidationException.class, () -> f.catalog.define(
        ADMIN, CatalogItem.builder("both").name("Both").fulfilmentProcess("laptop-imaging")
            .sequential(FulfilmentTask.of("Do", "g")).build()));
    assertThat(both.violations()).extracting(Violation::rule).containsExactly("Fulfilment");
    ValidationException gaps = assertThrows(ValidationException.class, () -> f.catalog.define(
        ADMIN, CatalogItem.builder("gaps").name("Gaps")
            .task(new FulfilmentTask("A", "g", 1)).task(new FulfilmentTask("B", "g", 3))
            .build()));
    assertThat(gaps.violations()).extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("tasks", "Stages"));
    ValidationException managerQuorum = assertThrows(ValidationException.class,
        () -> f.catalog.define(ADMIN, CatalogItem.builder("mq").name("Manager quorum")
            .approval(new RequestApproval(RequestApproval.Kind.MANAGER, "owners",
                ApprovalPolicy.quorum(2), null))
            .sequential(FulfilmentTask.of("Do", "g")).build()));
    assertThat(managerQuorum.violations()).extracting(Violation::field).containsExactly(
        "approval.group", "approval.policy");
  }
}
