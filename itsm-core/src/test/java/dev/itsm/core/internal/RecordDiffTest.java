package dev.itsm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.incident.IncidentState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordDiffTest {

  record Point(int x, Integer y) {}

  record Label(String text, Point at) {}

  record Sticker(String id, long version, Label label, String note) {}

  private static final Sticker STICKER =
      new Sticker("s-1", 1, new Label("hello", new Point(1, 2)), null);

  @Test
  void equalRecordsHaveNoChanges() {
    assertThat(RecordDiff.between(STICKER, STICKER, Set.of())).isEmpty();
  }

  @Test
  void changedTopLevelFieldsAreListedOldToNewInDeclarationOrder() {
    Sticker after = new Sticker("s-1", 2, STICKER.label(), "fragile");

    assertThat(RecordDiff.between(STICKER, after, Set.of())).containsExactly(
        new FieldChange("version", "1", "2"),
        new FieldChange("note", null, "fragile"));
  }

  @Test
  void nestedRecordsAreFlattenedIntoDottedPaths() {
    Sticker after = new Sticker("s-1", 1, new Label("hello", new Point(3, null)), null);

    assertThat(RecordDiff.between(STICKER, after, Set.of())).containsExactly(
        new FieldChange("label.at.x", "1", "3"),
        new FieldChange("label.at.y", "2", null));
  }

  @Test
  void ignoredFieldsAreLeftOut() {
    Sticker after = new Sticker("s-1", 9, STICKER.label(), "fragile");

    assertThat(RecordDiff.between(STICKER, after, Set.of("version"))).containsExactly(
        new FieldChange("note", null, "fragile"));
    assertThat(RecordDiff.between(STICKER, after, Set.of("version", "note"))).isEmpty();
  }

  @Test
  void ignoringANestedRecordLeavesOutAllItsFields() {
    Sticker after = new Sticker("s-2", 1, new Label("bye", new Point(0, 0)), null);

    assertThat(RecordDiff.between(STICKER, after, Set.of("label"))).containsExactly(
        new FieldChange("id", "s-1", "s-2"));
    assertThat(RecordDiff.between(STICKER, after, Set.of("label.at"))).containsExactly(
        new FieldChange("id", "s-1", "s-2"),
        new FieldChange("label.text", "hello", "bye"));
  }

  @Test
  void newRecordListsEveryNonNullFieldWithNoOldValue() {
    assertThat(RecordDiff.between(null, STICKER, Set.of())).containsExactly(
        new FieldChange("id", null, "s-1"),
        new FieldChange("version", null, "1"),
        new FieldChange("label.text", null, "hello"),
        new FieldChange("label.at.x", null, "1"),
        new FieldChange("label.at.y", null, "2"));
  }

  @Test
  void incidentMilestonesAreDiffedAsMilestonesDotField() {
    Incident before = IncidentFixtures.minimal("INC0000001", Instant.parse("2024-01-01T00:00:00Z"));
    Instant resolved = Instant.parse("2024-01-02T03:04:05Z");
    Incident after = before.toBuilder().version(2).state(IncidentState.RESOLVED)
        .milestones(before.milestones().withResolvedAt(resolved)).build();

    assertThat(RecordDiff.between(before, after, Set.of("version"))).containsExactly(
        new FieldChange("state", "NEW", "RESOLVED"),
        new FieldChange("milestones.resolvedAt", null, "2024-01-02T03:04:05Z"));
  }

  @Test
  void newIncidentListsItsNonNullFieldsOnly() {
    Incident minimal =
        IncidentFixtures.minimal("INC0000001", Instant.parse("2024-01-01T00:00:00Z"));

    List<FieldChange> changes = RecordDiff.between(null, minimal, Set.of("version"));

    assertThat(changes).allSatisfy(c -> {
      assertThat(c.oldValue()).isNull();
      assertThat(c.newValue()).isNotNull();
    });
    assertThat(changes).extracting(FieldChange::field).containsExactly(
        "number", "state", "title", "caller", "channel", "impact", "urgency", "priority",
        "reassignmentCount", "reopenCount", "milestones.openedAt", "tenant");
  }
}
