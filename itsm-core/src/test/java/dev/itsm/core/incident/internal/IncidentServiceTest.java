package dev.itsm.core.incident.internal;

import static dev.itsm.core.incident.IncidentFixtures.AGENT;
import static dev.itsm.core.incident.IncidentFixtures.ENGINEER;
import static dev.itsm.core.incident.IncidentFixtures.T0;
import static dev.itsm.core.incident.IncidentFixtures.openCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.itsm.core.Actor;
import dev.itsm.core.IllegalTransitionException;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.VetoException;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.incident.AcknowledgeIncident;
import dev.itsm.core.incident.AddWorkNote;
import dev.itsm.core.incident.AddWorkNote.Visibility;
import dev.itsm.core.incident.AssignIncident;
import dev.itsm.core.incident.CancelIncident;
import dev.itsm.core.incident.Channel;
import dev.itsm.core.incident.CloseIncident;
import dev.itsm.core.incident.HoldReason;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentAction;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Milestones;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.PutIncidentOnHold;
import dev.itsm.core.incident.ReopenIncident;
import dev.itsm.core.incident.ResolutionCode;
import dev.itsm.core.incident.ResolveIncident;
import dev.itsm.core.incident.ResumeIncident;
import dev.itsm.core.incident.ServiceTarget;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.incident.TimelineEntry.Kind;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.policy.AssignmentRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentServiceTest {

  private static final String FIRST = "INC0000001";

  private ServiceFixture f;

  @BeforeEach
  void setUp() {
    f = ServiceFixture.inMemory();
  }

  private Instant tick() {
    return f.clock.advance(Duration.ofMinutes(5));
  }

  @Nested
  class Opening {

    @Test
    void numbersAreAssignedInSequence() {
      assertThat(f.opened().number()).isEqualTo("INC0000001");
      assertThat(f.opened().number()).isEqualTo("INC0000002");
      assertThat(f.opened().number()).isEqualTo("INC0000003");
    }

    @Test
    void openStoresANewIncidentWithTheCommandsData() {
      Incident i = f.opened();

      assertThat(i.number()).isEqualTo(FIRST);
      assertThat(i.version()).isEqualTo(1);
      assertThat(i.state()).isEqualTo(IncidentState.NEW);
      assertThat(i.title()).isEqualTo("VPN drops every 10 minutes");
      assertThat(i.description()).isEqualTo("Home office users lose the tunnel");
      assertThat(i.caller()).isEqualTo("alice");
      assertThat(i.channel()).isEqualTo(Channel.PHONE);
      assertThat(i.category()).isEqualTo("network");
      assertThat(i.subcategory()).isEqualTo("vpn");
      assertThat(i.impact()).isEqualTo(Impact.MEDIUM);
      assertThat(i.urgency()).isEqualTo(Urgency.HIGH);
      assertThat(i.priority()).isEqualTo(Priority.P2);
      assertThat(i.assignmentGroup()).isEqualTo("network-ops");
      assertThat(i.assignee()).isNull();
      assertThat(i.holdReason()).isNull();
      assertThat(i.resolutionCode()).isNull();
      assertThat(i.resolutionNotes()).isNull();
      assertThat(i.reassignmentCount()).isZero();
      assertThat(i.reopenCount()).isZero();
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(i);
    }

    @Test
    void titleAndAssigneeAreStrippedAndABlankAssigneeIsNone() {
      Incident a = f.opened(openCommand().title("  Printer on fire \t").assignee(" nina ")
          .build());
      Incident b = f.opened(openCommand().assignee("   ").build());

      assertThat(a.title()).isEqualTo("Printer on fire");
      assertThat(a.assignee()).isEqualTo("nina");
      assertThat(b.assignee()).isNull();
    }

    @ParameterizedTest(name = "{0} × {1} = {2}: response in {3}, resolution in {4}")
    @CsvSource({
        "HIGH,   HIGH,   P1, PT15M, PT4H",
        "HIGH,   MEDIUM, P2, PT30M, PT8H",
        "MEDIUM, MEDIUM, P3, PT4H,  PT72H",
        "MEDIUM, LOW,    P4, PT8H,  PT120H",
        "LOW,    LOW,    P5, PT24H, PT240H"})
    void priorityAndTargetsAreDerived(Impact impact, Urgency urgency, Priority priority,
        Duration response, Duration resolution) {
      f.clock.set(T0.plus(Duration.ofDays(1)));

      Incident i = f.opened(openCommand().impact(impact).urgency(urgency).build());

      Instant opened = T0.plus(Duration.ofDays(1));
      assertThat(i.priority()).isEqualTo(priority);
      assertThat(i.milestones()).isEqualTo(
          Milestones.opened(opened, opened.plus(response), opened.plus(resolution)));
    }

    @ParameterizedTest(name = "category {0}/{1}, group {2} → {3}")
    @CsvSource(nullValues = "null", value = {
        "network,  vpn,     null,     network-ops",
        "hardware, printer, null,     field-services",
        "hardware, monitor, null,     desktop-support",
        "hardware, null,    null,     desktop-support",
        "email,    null,    null,     service-desk",
        "null,     null,    null,     service-desk",
        "network,  vpn,     security, security",
        "network,  vpn,     '  ',     network-ops"})
    void assignmentGroupComesFromTheCommandElseTheRuleElseTheFallback(String category,
        String subcategory, String group, String expected) {
      Incident i = f.opened(openCommand().category(category).subcategory(subcategory)
          .assignmentGroup(group).build());

      assertThat(i.assignmentGroup()).isEqualTo(expected);
    }

    @Test
    void openIsAudited() {
      Incident i = f.opened();

      List<AuditEntry> trail = f.service.auditTrail(AGENT, i.number());

      assertThat(trail).singleElement().satisfies(e -> {
        assertThat(e.recordNumber()).isEqualTo(FIRST);
        assertThat(e.actorId()).isEqualTo(AGENT.id());
        assertThat(e.operation()).isEqualTo("incident.open");
        assertThat(e.occurredAt()).isEqualTo(T0);
        assertThat(e.changes()).containsExactly(
            new FieldChange("number", null, FIRST),
            new FieldChange("state", null, "NEW"),
            new FieldChange("title", null, "VPN drops every 10 minutes"),
            new FieldChange("description", null, "Home office users lose the tunnel"),
            new FieldChange("caller", null, "alice"),
            new FieldChange("channel", null, "PHONE"),
            new FieldChange("category", null, "network"),
            new FieldChange("subcategory", null, "vpn"),
            new FieldChange("impact", null, "MEDIUM"),
            new FieldChange("urgency", null, "HIGH"),
            new FieldChange("priority", null, "P2"),
            new FieldChange("assignmentGroup", null, "network-ops"),
            new FieldChange("reassignmentCount", null, "0"),
            new FieldChange("reopenCount", null, "0"),
            new FieldChange("milestones.openedAt", null, "2024-03-04T09:00:00Z"),
            new FieldChange("milestones.responseDue", null, "2024-03-04T09:30:00Z"),
            new FieldChange("milestones.resolutionDue", null, "2024-03-04T17:00:00Z"));
      });
    }

    @Test
    void openStartsTheWorkflowWithTheStoredIncident() {
      List<Incident> started = new ArrayList<>();
      f = ServiceFixture.builder().workflow(new IncidentWorkflow() {
        @Override
        public void started(Incident incident) {
          started.add(incident);
        }

        @Override
        public void changed(IncidentAction action, Incident before, Incident after) {}
      }).build();

      Incident i = f.opened();

      assertThat(started).containsExactly(i);
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void acknowledgeStartsWorkAndRecordsTheResponseTime() {
      Incident opened = f.opened();
      Instant now = tick();

      Incident i = f.service.acknowledge(AGENT, new AcknowledgeIncident(FIRST));

      assertThat(i.state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(i.milestones()).isEqualTo(opened.milestones().withAcknowledgedAt(now));
      assertThat(i.version()).isEqualTo(2);
    }

    @Test
    void putOnHoldSetsReasonAndSinceAndResumeClearsThem() {
      f.inProgress();
      Instant heldAt = tick();

      Incident held = f.service.putOnHold(AGENT,
          new PutIncidentOnHold(FIRST, HoldReason.AWAITING_CALLER, "needs a test"));

      assertThat(held.state()).isEqualTo(IncidentState.ON_HOLD);
      assertThat(held.holdReason()).isEqualTo(HoldReason.AWAITING_CALLER);
      assertThat(held.milestones().onHoldSince()).isEqualTo(heldAt);

      tick();
      Incident resumed = f.service.resume(AGENT, new ResumeIncident(FIRST, null));

      assertThat(resumed.state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(resumed.holdReason()).isNull();
      assertThat(resumed.milestones().onHoldSince()).isNull();
      assertThat(resumed.milestones().acknowledgedAt())
          .isEqualTo(held.milestones().acknowledgedAt());
    }

    @Test
    void resolveRecordsCodeNotesAndTime() {
      f.inProgress();
      Instant now = tick();

      Incident i = f.service.resolve(ENGINEER,
          new ResolveIncident(FIRST, ResolutionCode.SOLVED_WORKAROUND, "Restarted the gateway"));

      assertThat(i.state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(i.resolutionCode()).isEqualTo(ResolutionCode.SOLVED_WORKAROUND);
      assertThat(i.resolutionNotes()).isEqualTo("Restarted the gateway");
      assertThat(i.milestones().resolvedAt()).isEqualTo(now);
    }

    @Test
    void reopenCountsAndClearsTheResolution() {
      Incident resolved = f.resolved();
      tick();

      Incident reopened = f.service.reopen(AGENT, new ReopenIncident(FIRST, "fault is back"));

      assertThat(reopened.state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(reopened.reopenCount()).isEqualTo(1);
      assertThat(reopened.resolutionCode()).isNull();
      assertThat(reopened.resolutionNotes()).isNull();
      assertThat(reopened.milestones().resolvedAt()).isNull();
      assertThat(reopened.milestones().acknowledgedAt())
          .isEqualTo(resolved.milestones().acknowledgedAt());

      Instant again = tick();
      f.service.resolve(AGENT, new ResolveIncident(FIRST, ResolutionCode.SOLVED_PERMANENTLY,
          "Replaced the cable"));
      tick();
      Incident twice = f.service.reopen(AGENT, new ReopenIncident(FIRST, "still flaky"));

      assertThat(twice.reopenCount()).isEqualTo(2);
      assertThat(f.service.auditTrail(AGENT, FIRST)).filteredOn(e -> e.operation().equals(
          "incident.resolve")).last().satisfies(e -> assertThat(e.changes())
              .contains(new FieldChange("milestones.resolvedAt", null, again.toString())));
    }

    @Test
    void closeRecordsTheTimeAndKeepsTheResolution() {
      Incident resolved = f.resolved();
      Instant now = tick();

      Incident closed = f.service.close(AGENT, new CloseIncident(FIRST, null));

      assertThat(closed.state()).isEqualTo(IncidentState.CLOSED);
      assertThat(closed.milestones().closedAt()).isEqualTo(now);
      assertThat(closed.resolutionCode()).isEqualTo(resolved.resolutionCode());
      assertThat(closed.resolutionNotes()).isEqualTo(resolved.resolutionNotes());
    }

    @Test
    void cancelFromOnHoldRecordsTheTimeAndClearsTheHold() {
      f.onHold();
      Instant now = tick();

      Incident cancelled = f.service.cancel(AGENT, new CancelIncident(FIRST, "withdrawn"));

      assertThat(cancelled.state()).isEqualTo(IncidentState.CANCELLED);
      assertThat(cancelled.milestones().cancelledAt()).isEqualTo(now);
      assertThat(cancelled.holdReason()).isNull();
      assertThat(cancelled.milestones().onHoldSince()).isNull();
    }

    @Test
    void illegalActionThrowsAndChangesNothing() {
      Incident opened = f.opened();

      IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
          () -> f.service.resolve(AGENT, new ResolveIncident(FIRST, ResolutionCode.DUPLICATE,
              "dup")));

      assertThat(e).isNotNull();
      assertThat(e.recordNumber()).isEqualTo(FIRST);
      assertThat(e.state()).isEqualTo("NEW");
      assertThat(e.action()).isEqualTo("RESOLVE");
      assertThat(e.allowedActions())
          .containsExactly("ACKNOWLEDGE", "ADD_WORK_NOTE", "ASSIGN", "CANCEL", "REPRIORITIZE");
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(opened);
      assertThat(f.service.auditTrail(AGENT, FIRST)).hasSize(1);
      assertThat(f.service.timeline(AGENT, FIRST)).hasSize(1);
    }

    @Test
    void addWorkNoteOnAClosedIncidentIsAnIllegalTransition() {
      Incident closed = f.closed();
      int timelineSize = f.service.timeline(AGENT, FIRST).size();

      IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
          () -> f.service.addWorkNote(AGENT, new AddWorkNote(FIRST, "late", Visibility.INTERNAL)));

      assertThat(e).isNotNull();
      assertThat(e.state()).isEqualTo("CLOSED");
      assertThat(e.action()).isEqualTo("ADD_WORK_NOTE");
      assertThat(e.allowedActions()).isEmpty();
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(closed);
      assertThat(f.service.timeline(AGENT, FIRST)).hasSize(timelineSize);
    }

    @Test
    void addWorkNoteOnACancelledIncidentIsAnIllegalTransition() {
      f.cancelled();

      assertThatThrownBy(() -> f.service.addWorkNote(AGENT,
          new AddWorkNote(FIRST, "late", Visibility.CUSTOMER)))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("is CANCELLED: action ADD_WORK_NOTE is not allowed");
    }

    @Test
    void workNotesAreAllowedOnResolvedIncidentsAndDoNotChangeTheRecord() {
      Incident resolved = f.resolved();

      Incident after = f.service.addWorkNote(AGENT,
          new AddWorkNote(FIRST, "caller asked for details", Visibility.CUSTOMER));

      assertThat(after).isEqualTo(resolved);
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(resolved);
      assertThat(f.service.timeline(AGENT, FIRST)).last()
          .isEqualTo(new TimelineEntry(f.clock.instant(), AGENT.id(), Kind.COMMENT,
              "caller asked for details"));
    }

    @Test
    void versionIncreasesByOnePerChange() {
      List<Long> versions = new ArrayList<>();
      versions.add(f.opened().version());
      versions.add(f.service.assign(AGENT, new AssignIncident(FIRST, "network-ops", "nina"))
          .version());
      versions.add(f.service.acknowledge(AGENT, new AcknowledgeIncident(FIRST)).version());
      versions.add(f.service.addWorkNote(AGENT, new AddWorkNote(FIRST, "n", Visibility.INTERNAL))
          .version());
      versions.add(f.service.putOnHold(AGENT, new PutIncidentOnHold(FIRST,
          HoldReason.AWAITING_CHANGE, null)).version());
      versions.add(f.service.resume(AGENT, new ResumeIncident(FIRST, null)).version());
      versions.add(f.service.resolve(AGENT, new ResolveIncident(FIRST,
          ResolutionCode.SOLVED_PERMANENTLY, "fixed")).version());
      versions.add(f.service.reopen(AGENT, new ReopenIncident(FIRST, "again")).version());
      versions.add(f.service.resolve(AGENT, new ResolveIncident(FIRST,
          ResolutionCode.SOLVED_PERMANENTLY, "fixed")).version());
      versions.add(f.service.close(AGENT, new CloseIncident(FIRST, null)).version());

      // the work note (4th call) is no change of the record
      assertThat(versions).containsExactly(1L, 2L, 3L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(f.service.get(AGENT, FIRST).version()).isEqualTo(9);
    }

    @Test
    void workflowIsToldOfEveryChangeWithBeforeAndAfter() {
      List<String> calls = new ArrayList<>();
      f = ServiceFixture.builder().workflow(new IncidentWorkflow() {
        @Override
        public void started(Incident incident) {
          calls.add("started " + incident.state());
        }

        @Override
        public void changed(IncidentAction action, Incident before, Incident after) {
          calls.add(action + " " + before.state() + "->" + after.state());
        }
      }).build();

      f.resolved();

      assertThat(calls).containsExactly("started NEW", "ACKNOWLEDGE NEW->IN_PROGRESS",
          "RESOLVE IN_PROGRESS->RESOLVED");
    }
  }

  @Nested
  class Assignment {

    @Test
    void changingOnlyTheAssigneeIsNoReassignment() {
      f.opened();

      Incident i = f.service.assign(AGENT, new AssignIncident(FIRST, "network-ops", "nina"));

      assertThat(i.assignmentGroup()).isEqualTo("network-ops");
      assertThat(i.assignee()).isEqualTo("nina");
      assertThat(i.reassignmentCount()).isZero();
      assertThat(i.state()).isEqualTo(IncidentState.NEW);
    }

    @Test
    void everyChangeOfGroupCountsAsAReassignment() {
      f.opened(); // network-ops by the rule

      Incident first = f.service.assign(AGENT, new AssignIncident(FIRST, "security", "sam"));
      Incident second = f.service.assign(AGENT, new AssignIncident(FIRST, "desktop-support",
          null));
      Incident same = f.service.assign(AGENT, new AssignIncident(FIRST, "desktop-support",
          "dora"));

      assertThat(first.reassignmentCount()).isEqualTo(1);
      assertThat(second.reassignmentCount()).isEqualTo(2);
      assertThat(second.assignee()).isNull();
      assertThat(same.reassignmentCount()).isEqualTo(2);
    }

    @Test
    void theFirstAssignmentOfAnUnassignedIncidentIsNoReassignment() {
      f = ServiceFixture.builder().assignmentRule(AssignmentRule.none()).fallbackGroup(null)
          .build();
      Incident opened = f.opened();

      Incident first = f.service.assign(AGENT, new AssignIncident(FIRST, "network-ops", null));
      Incident second = f.service.assign(AGENT, new AssignIncident(FIRST, "security", null));

      assertThat(opened.assignmentGroup()).isNull();
      assertThat(first.reassignmentCount()).isZero();
      assertThat(second.reassignmentCount()).isEqualTo(1);
    }

    @Test
    void assignKeepsTheStateInProgressAndOnHold() {
      f.onHold();

      Incident i = f.service.assign(AGENT, new AssignIncident(FIRST, "security", null));

      assertThat(i.state()).isEqualTo(IncidentState.ON_HOLD);
      assertThat(i.holdReason()).isEqualTo(HoldReason.AWAITING_VENDOR);
    }
  }

  @Nested
  class TimelineAndAudit {

    private void runFullLifecycle() {
      f.opened();
      tick();
      f.service.assign(AGENT, new AssignIncident(FIRST, "network-ops", "nina"));
      tick();
      f.service.acknowledge(ENGINEER, new AcknowledgeIncident(FIRST));
      tick();
      f.service.addWorkNote(ENGINEER, new AddWorkNote(FIRST, "checked the logs",
          Visibility.INTERNAL));
      tick();
      f.service.addWorkNote(ENGINEER, new AddWorkNote(FIRST, "please restart", Visibility.CUSTOMER));
      tick();
      f.service.putOnHold(ENGINEER, new PutIncidentOnHold(FIRST, HoldReason.AWAITING_VENDOR,
          "ticket V-1"));
      tick();
      f.service.resume(ENGINEER, new ResumeIncident(FIRST, "vendor answered"));
      tick();
      f.service.resolve(ENGINEER, new ResolveIncident(FIRST, ResolutionCode.SOLVED_PERMANENTLY,
          "Replaced the router"));
      tick();
      f.service.close(AGENT, new CloseIncident(FIRST, "caller confirmed"));
    }

    @Test
    void timelineListsEveryStepInOrderWithKindTimeAndActor() {
      runFullLifecycle();

      assertThat(f.service.timeline(AGENT, FIRST))
          .extracting(TimelineEntry::kind, TimelineEntry::actorId, TimelineEntry::text)
          .containsExactly(
              tuple(Kind.STATE_CHANGE, "agent.smith",
                  "Opened as P2 via PHONE, assigned to network-ops"),
              tuple(Kind.ASSIGNMENT, "agent.smith", "Assigned to network-ops / nina"),
              tuple(Kind.STATE_CHANGE, "nina", "Acknowledged; work in progress"),
              tuple(Kind.WORK_NOTE, "nina", "checked the logs"),
              tuple(Kind.COMMENT, "nina", "please restart"),
              tuple(Kind.STATE_CHANGE, "nina", "On hold (AWAITING_VENDOR): ticket V-1"),
              tuple(Kind.STATE_CHANGE, "nina", "Resumed: vendor answered"),
              tuple(Kind.STATE_CHANGE, "nina",
                  "Resolved (SOLVED_PERMANENTLY): Replaced the router"),
              tuple(Kind.STATE_CHANGE, "agent.smith", "Closed: caller confirmed"));
      assertThat(f.service.timeline(AGENT, FIRST)).extracting(TimelineEntry::at)
          .containsExactly(Stream.iterate(T0, t -> t.plus(Duration.ofMinutes(5))).limit(9)
              .toArray(Instant[]::new));
    }

    @Test
    void auditTrailNamesEveryOperationInOrder() {
      runFullLifecycle();

      assertThat(f.service.auditTrail(AGENT, FIRST))
          .extracting(AuditEntry::operation, AuditEntry::actorId)
          .containsExactly(
              tuple("incident.open", "agent.smith"),
              tuple("incident.assign", "agent.smith"),
              tuple("incident.acknowledge", "nina"),
              tuple("incident.addWorkNote", "nina"),
              tuple("incident.addWorkNote", "nina"),
              tuple("incident.putOnHold", "nina"),
              tuple("incident.resume", "nina"),
              tuple("incident.resolve", "nina"),
              tuple("incident.close", "agent.smith"));
      assertThat(f.service.auditTrail(AGENT, FIRST)).allSatisfy(e -> {
        assertThat(e.recordNumber()).isEqualTo(FIRST);
        assertThat(e.changes()).extracting(FieldChange::field).doesNotContain("version");
      });
    }

    @Test
    void auditEntriesListEveryChangedFieldOldToNew() {
      runFullLifecycle();
      List<AuditEntry> trail = f.service.auditTrail(AGENT, FIRST);

      assertThat(trail.get(1).changes()).containsExactly(
          new FieldChange("assignee", null, "nina"));
      assertThat(trail.get(2).changes()).containsExactly(
          new FieldChange("state", "NEW", "IN_PROGRESS"),
          new FieldChange("milestones.acknowledgedAt", null, "2024-03-04T09:10:00Z"));
      assertThat(trail.get(3).changes()).containsExactly(
          new FieldChange("workNote", null, "checked the logs"));
      assertThat(trail.get(4).changes()).containsExactly(
          new FieldChange("comment", null, "please restart"));
      assertThat(trail.get(5).changes()).containsExactly(
          new FieldChange("state", "IN_PROGRESS", "ON_HOLD"),
          new FieldChange("holdReason", null, "AWAITING_VENDOR"),
          new FieldChange("milestones.onHoldSince", null, "2024-03-04T09:25:00Z"));
      assertThat(trail.get(6).changes()).containsExactly(
          new FieldChange("state", "ON_HOLD", "IN_PROGRESS"),
          new FieldChange("holdReason", "AWAITING_VENDOR", null),
          new FieldChange("milestones.onHoldSince", "2024-03-04T09:25:00Z", null));
      assertThat(trail.get(7).changes()).containsExactly(
          new FieldChange("state", "IN_PROGRESS", "RESOLVED"),
          new FieldChange("resolutionCode", null, "SOLVED_PERMANENTLY"),
          new FieldChange("resolutionNotes", null, "Replaced the router"),
          new FieldChange("milestones.resolvedAt", null, "2024-03-04T09:35:00Z"));
      assertThat(trail.get(8).changes()).containsExactly(
          new FieldChange("state", "RESOLVED", "CLOSED"),
          new FieldChange("milestones.closedAt", null, "2024-03-04T09:40:00Z"));
      assertThat(trail).extracting(AuditEntry::occurredAt)
          .containsExactly(Stream.iterate(T0, t -> t.plus(Duration.ofMinutes(5))).limit(9)
              .toArray(Instant[]::new));
    }

    @Test
    void reassignmentIsAuditedWithTheCount() {
      f.opened();

      f.service.assign(AGENT, new AssignIncident(FIRST, "security", null));

      assertThat(f.service.auditTrail(AGENT, FIRST)).last().extracting(AuditEntry::changes)
          .isEqualTo(List.of(new FieldChange("assignmentGroup", "network-ops", "security"),
              new FieldChange("reassignmentCount", "0", "1")));
    }
  }

  @Nested
  class Automation {

    @Test
    void closeAutomaticallyClosesAResolvedIncidentAsTheSystem() {
      List<ItsmEvent> events = new ArrayList<>();
      f = ServiceFixture.builder().afterListener(events::add).build();
      Incident resolved = f.resolved();
      events.clear();
      Instant now = f.clock.advance(Duration.ofDays(5));

      boolean closed = f.service.closeAutomatically(FIRST);

      Incident i = f.service.get(AGENT, FIRST);
      assertThat(closed).isTrue();
      assertThat(i.state()).isEqualTo(IncidentState.CLOSED);
      assertThat(i.version()).isEqualTo(resolved.version() + 1);
      assertThat(i.milestones().closedAt()).isEqualTo(now);
      assertThat(f.service.auditTrail(AGENT, FIRST)).last().satisfies(e -> {
        assertThat(e.operation()).isEqualTo("incident.closeAutomatically");
        assertThat(e.actorId()).isEqualTo(Actor.SYSTEM_ID);
        assertThat(e.changes()).containsExactly(new FieldChange("state", "RESOLVED", "CLOSED"),
            new FieldChange("milestones.closedAt", null, now.toString()));
      });
      assertThat(f.service.timeline(AGENT, FIRST)).last().isEqualTo(new TimelineEntry(now,
          Actor.SYSTEM_ID, Kind.STATE_CHANGE, "Closed automatically after the auto-close period"));
      assertThat(events).singleElement().isInstanceOfSatisfying(IncidentEvent.Closed.class,
          c -> {
            assertThat(c.automatically()).isTrue();
            assertThat(c.actor()).isEqualTo(Actor.system());
          });
    }

    static Stream<String> notResolved() {
      return Stream.of("opened", "inProgress", "onHold", "closed", "cancelled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notResolved")
    void closeAutomaticallyDoesNothingUnlessResolved(String state) {
      Incident before = switch (state) {
        case "opened" -> f.opened();
        case "inProgress" -> f.inProgress();
        case "onHold" -> f.onHold();
        case "closed" -> f.closed();
        default -> f.cancelled();
      };
      int audits = f.service.auditTrail(AGENT, FIRST).size();

      assertThat(f.service.closeAutomatically(FIRST)).isFalse();
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(before);
      assertThat(f.service.auditTrail(AGENT, FIRST)).hasSize(audits);
    }

    @Test
    void closeAutomaticallyOfAnUnknownIncidentIsNotFound() {
      assertThatThrownBy(() -> f.service.closeAutomatically("INC0000404"))
          .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void missedResponseTargetIsRecordedOnce() {
      Incident opened = f.opened();
      Instant now = f.clock.advance(Duration.ofMinutes(31));

      assertThat(f.service.targetMissed(FIRST, ServiceTarget.RESPONSE)).isTrue();
      Incident breached = f.service.get(AGENT, FIRST);
      f.clock.advance(Duration.ofMinutes(10));
      assertThat(f.service.targetMissed(FIRST, ServiceTarget.RESPONSE)).isFalse();

      assertThat(breached.version()).isEqualTo(opened.version() + 1);
      assertThat(breached.state()).isEqualTo(IncidentState.NEW);
      assertThat(breached.milestones()).isEqualTo(
          opened.milestones().withBreach(ServiceTarget.RESPONSE, now));
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(breached);
      assertThat(f.service.auditTrail(AGENT, FIRST)).filteredOn(
          e -> e.operation().equals("incident.targetMissed")).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo(Actor.SYSTEM_ID);
            assertThat(e.changes()).containsExactly(new FieldChange(
                "milestones.responseBreachedAt", null, now.toString()));
          });
      assertThat(f.service.timeline(AGENT, FIRST)).last().isEqualTo(new TimelineEntry(now,
          Actor.SYSTEM_ID, Kind.SYSTEM, "Response target missed (due 2024-03-04T09:30:00Z)"));
    }

    @Test
    void missedResolutionTargetIsRecordedOnAnIncidentInProgress() {
      f.inProgress();
      Instant now = f.clock.advance(Duration.ofHours(9));

      assertThat(f.service.targetMissed(FIRST, ServiceTarget.RESOLUTION)).isTrue();

      Milestones m = f.service.get(AGENT, FIRST).milestones();
      assertThat(m.resolutionBreachedAt()).isEqualTo(now);
      assertThat(m.responseBreachedAt()).isNull();
      assertThat(f.service.timeline(AGENT, FIRST)).last().extracting(TimelineEntry::text)
          .isEqualTo("Resolution target missed (due 2024-03-04T17:00:00Z)");
    }

    @Test
    void targetMissedIsPublishedAsAnEvent() {
      List<ItsmEvent> events = new ArrayList<>();
      f = ServiceFixture.builder().afterListener(events::add).build();
      f.opened();
      events.clear();

      f.service.targetMissed(FIRST, ServiceTarget.RESPONSE);

      assertThat(events).singleElement().isInstanceOfSatisfying(IncidentEvent.TargetMissed.class,
          e -> {
            assertThat(e.target()).isEqualTo(ServiceTarget.RESPONSE);
            assertThat(e.action()).isNull();
            assertThat(e.actor().id()).isEqualTo(Actor.SYSTEM_ID);
          });
    }

    @Test
    void metResponseTargetIsNotABreach() {
      Incident acknowledged = f.inProgress();
      f.clock.advance(Duration.ofHours(1));

      assertThat(f.service.targetMissed(FIRST, ServiceTarget.RESPONSE)).isFalse();
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(acknowledged);
    }

    @Test
    void metResolutionTargetIsNotABreach() {
      Incident resolved = f.resolved();
      f.clock.advance(Duration.ofHours(9));

      assertThat(f.service.targetMissed(FIRST, ServiceTarget.RESOLUTION)).isFalse();
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(resolved);
    }

    @Test
    void noBreachIsRecordedOnAFinalIncident() {
      Incident cancelled = f.cancelled();
      f.clock.advance(Duration.ofDays(1));

      assertThat(f.service.targetMissed(FIRST, ServiceTarget.RESPONSE)).isFalse();
      assertThat(f.service.targetMissed(FIRST, ServiceTarget.RESOLUTION)).isFalse();
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(cancelled);
    }
  }

  @Nested
  class Hooks {

    @Test
    void beforeHooksSeeEachEventBeforeItIsStored() {
      List<IncidentEvent> seen = new ArrayList<>();
      List<Long> storedVersionWhenSeen = new ArrayList<>();
      ServiceFixture[] self = new ServiceFixture[1];
      f = ServiceFixture.builder().beforeHook(e -> {
        IncidentEvent ie = (IncidentEvent) e;
        seen.add(ie);
        storedVersionWhenSeen.add(self[0].store.find(ie.recordNumber())
            .map(Incident::version).orElse(0L));
      }).build();
      self[0] = f;

      Incident opened = f.opened();
      Instant resolvedAt = f.clock.instant().plus(Duration.ofMinutes(2));
      f.resolved();
      f.service.addWorkNote(ENGINEER, new AddWorkNote(FIRST, "note", Visibility.INTERNAL));

      assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly(
          "Opened", "Opened", "Acknowledged", "Resolved", "WorkNoteAdded");
      assertThat(seen).extracting(IncidentEvent::recordNumber)
          .containsExactly(FIRST, "INC0000002", "INC0000002", "INC0000002", FIRST);
      assertThat(storedVersionWhenSeen).containsExactly(0L, 0L, 1L, 2L, 1L);
      assertThat(seen.get(0).incident()).isEqualTo(opened);
      assertThat(seen.get(0).previous()).isNull();
      IncidentEvent resolved = seen.get(3);
      assertThat(resolved.action()).isEqualTo(IncidentAction.RESOLVE);
      assertThat(resolved.previous().state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(resolved.incident().state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(resolved.incident().version()).isEqualTo(resolved.previous().version() + 1);
      assertThat(resolved.actor()).isEqualTo(AGENT);
      assertThat(resolved.occurredAt()).isEqualTo(resolvedAt);
      assertThat(seen.get(4)).isInstanceOfSatisfying(IncidentEvent.WorkNoteAdded.class,
          w -> assertThat(w.note().text()).isEqualTo("note"));
    }

    @Test
    void vetoLeavesTheRecordUnchanged() {
      List<ItsmEvent> published = new ArrayList<>();
      f = ServiceFixture.builder()
          .beforeHook(e -> {
            if (e instanceof IncidentEvent.Resolved r
                && !r.incident().resolutionNotes().contains("root cause")) {
              throw new VetoException("notes-need-root-cause", "name the root cause");
            }
          })
          .afterListener(published::add)
          .build();
      Incident inProgress = f.inProgress();
      int audits = f.service.auditTrail(AGENT, FIRST).size();
      int lines = f.service.timeline(AGENT, FIRST).size();
      published.clear();

      VetoException e = catchThrowableOfType(VetoException.class, () -> f.service.resolve(AGENT,
          new ResolveIncident(FIRST, ResolutionCode.SOLVED_PERMANENTLY, "rebooted")));

      assertThat(e).isNotNull();
      assertThat(e.hook()).isEqualTo("notes-need-root-cause");
      assertThat(e.reason()).isEqualTo("name the root cause");
      assertThat(e.code()).isEqualTo("ITSM-VETO");
      Incident now = f.service.get(AGENT, FIRST);
      assertThat(now).isEqualTo(inProgress);
      assertThat(now.version()).isEqualTo(2);
      assertThat(now.state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(f.service.auditTrail(AGENT, FIRST)).hasSize(audits);
      assertThat(f.service.timeline(AGENT, FIRST)).hasSize(lines);
      assertThat(published).isEmpty();

      Incident resolved = f.service.resolve(AGENT, new ResolveIncident(FIRST,
          ResolutionCode.SOLVED_PERMANENTLY, "root cause: bad cable"));
      assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
      assertThat(published).hasSize(1);
    }

    @Test
    void vetoOnOpenStoresNothing() {
      f = ServiceFixture.builder().beforeHook(e -> {
        throw new VetoException("closed-desk", "the desk is closed");
      }).build();

      assertThatThrownBy(() -> f.opened()).isInstanceOf(VetoException.class)
          .hasMessage("Refused by hook 'closed-desk': the desk is closed");
      assertThat(f.service.find(AGENT, FIRST)).isEmpty();
      assertThat(f.audit.forRecord(FIRST)).isEmpty();
      assertThat(f.store.timeline(FIRST)).isEmpty();
    }

    @Test
    void afterListenersGetEventsInOrderAfterCommit() {
      List<String> received = new ArrayList<>();
      ServiceFixture[] self = new ServiceFixture[1];
      f = ServiceFixture.builder().afterListener(e -> {
        IncidentEvent ie = (IncidentEvent) e;
        // already committed: the stored record is the event's
        assertThat(self[0].service.get(AGENT, ie.recordNumber())).isEqualTo(ie.incident());
        received.add(e.getClass().getSimpleName() + " v" + ie.incident().version());
      }).build();
      self[0] = f;

      f.opened();
      f.service.assign(AGENT, new AssignIncident(FIRST, "security", null));
      f.service.acknowledge(AGENT, new AcknowledgeIncident(FIRST));
      f.service.addWorkNote(AGENT, new AddWorkNote(FIRST, "n", Visibility.INTERNAL));
      f.service.resolve(AGENT, new ResolveIncident(FIRST, ResolutionCode.DUPLICATE, "dup"));
      f.service.close(AGENT, new CloseIncident(FIRST, null));

      assertThat(received).containsExactly("Opened v1", "Assigned v2", "Acknowledged v3",
          "WorkNoteAdded v3", "Resolved v4", "Closed v5");
    }

    @Test
    void afterListenersAreNotCalledWhenTheCallFails() {
      List<ItsmEvent> received = new ArrayList<>();
      f = ServiceFixture.builder().afterListener(received::add).build();
      f.opened();
      received.clear();

      assertThatThrownBy(() -> f.service.close(AGENT, new CloseIncident(FIRST, null)))
          .isInstanceOf(IllegalTransitionException.class);
      assertThatThrownBy(() -> f.service.acknowledge(AGENT, new AcknowledgeIncident("INC0000404")))
          .isInstanceOf(RecordNotFoundException.class);

      assertThat(received).isEmpty();
    }

    @Test
    void afterListenersAreNotCalledWhenTheCallFailsAfterTheEventWasPublished() {
      List<ItsmEvent> received = new ArrayList<>();
      f = ServiceFixture.builder().afterListener(received::add)
          .workflow(new IncidentWorkflow() {
            @Override
            public void started(Incident incident) {}

            @Override
            public void changed(IncidentAction action, Incident before, Incident after) {
              throw new IllegalStateException("process engine down");
            }
          }).build();
      f.opened();
      received.clear();

      assertThatThrownBy(() -> f.service.acknowledge(AGENT, new AcknowledgeIncident(FIRST)))
          .isInstanceOf(IllegalStateException.class).hasMessage("process engine down");

      assertThat(received).isEmpty();
    }

    @Test
    void aFailingAfterListenerDoesNotFailTheCallNorStopOtherListeners() {
      List<ItsmEvent> second = new ArrayList<>();
      f = ServiceFixture.builder()
          .afterListener(e -> {
            throw new IllegalStateException("listener bug");
          })
          .afterListener(second::add)
          .build();

      Incident opened = f.opened();
      Incident acknowledged = f.service.acknowledge(AGENT, new AcknowledgeIncident(FIRST));

      assertThat(opened.number()).isEqualTo(FIRST);
      assertThat(acknowledged.state()).isEqualTo(IncidentState.IN_PROGRESS);
      assertThat(f.service.get(AGENT, FIRST)).isEqualTo(acknowledged);
      assertThat(second).hasSize(2);
    }
  }

  @Nested
  class Reading {

    @Test
    void getOfAnUnknownNumberIsNotFound() {
      f.opened();

      RecordNotFoundException e = catchThrowableOfType(RecordNotFoundException.class,
          () -> f.service.get(AGENT, "INC0000404"));

      assertThat(e).isNotNull();
      assertThat(e.recordNumber()).isEqualTo("INC0000404");
      assertThat(e.code()).isEqualTo("ITSM-NOT-FOUND");
      assertThat(e.getMessage()).startsWith("No record INC0000404 exists");
    }

    @Test
    void findOfAnUnknownOrBlankNumberIsEmpty() {
      Incident i = f.opened();

      assertThat(f.service.find(AGENT, FIRST)).contains(i);
      assertThat(f.service.find(AGENT, "INC0000404")).isEmpty();
      assertThat(f.service.find(AGENT, " ")).isEmpty();
      assertThat(f.service.find(AGENT, null)).isEmpty();
    }

    @Test
    void timelineAndAuditTrailOfAnUnknownNumberAreNotFound() {
      assertThatThrownBy(() -> f.service.timeline(AGENT, "INC0000404"))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> f.service.auditTrail(AGENT, "INC0000404"))
          .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void changingAnUnknownNumberIsNotFound() {
      assertThatThrownBy(() -> f.service.acknowledge(AGENT, new AcknowledgeIncident("INC0000404")))
          .isInstanceOf(RecordNotFoundException.class);
      assertThatThrownBy(() -> f.service.addWorkNote(AGENT,
          new AddWorkNote("INC0000404", "n", Visibility.INTERNAL)))
          .isInstanceOf(RecordNotFoundException.class);
    }
  }

  @Nested
  class Query {

    static Stream<QueryScenario.Case> cases() {
      return QueryScenario.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void queryAnswersTheScenario(QueryScenario.Case c) {
      QueryScenario.populate(f.service, f.clock);

      List<Incident> found = c.query().apply(f.service.query(AGENT)).list();

      assertThat(found).extracting(Incident::number).containsExactlyElementsOf(c.expected());
      assertThat(found).allSatisfy(i -> assertThat(f.service.get(AGENT, i.number())).isEqualTo(i));
      assertThat(c.query().apply(f.service.query(AGENT)).count()).isEqualTo(c.count());
    }

    @Test
    void firstIsTheFirstOfTheSelectedOrder() {
      QueryScenario.populate(f.service, f.clock);

      assertThat(f.service.query(AGENT).orderBy(IncidentSort.PRIORITY, true).first())
          .map(Incident::number).contains(QueryScenario.n(3));
      assertThat(f.service.query(AGENT).caller("nobody").first()).isEmpty();
    }

    @Test
    void defaultPageHasFiftyIncidents() {
      for (int k = 0; k < 51; k++) {
        f.opened();
      }

      assertThat(f.service.query(AGENT).list()).hasSize(50);
      assertThat(f.service.query(AGENT).count()).isEqualTo(51);
      assertThat(f.service.query(AGENT).page(1, 50).list()).hasSize(1);
    }
  }
}
