package dev.itsm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.incident.IncidentState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo runs end to end on the real engine and tells the story it promises. */
class DemoTest {

  @TempDir Path dir;

  @Test
  void demoRunsEveryLifecycleAndEndsWithTheSummary() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Map<IncidentState, Long> counts;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      counts = Demo.run(dir, out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);

    assertThat(counts).containsEntry(IncidentState.CLOSED, 10L)
        .containsEntry(IncidentState.CANCELLED, 1L).containsEntry(IncidentState.NEW, 0L);
    assertThat(printed)
        .contains("On hold (AWAITING_CALLER)")
        .contains("Resumed")
        .contains("Assigned to security / sam")
        .contains("refused [ITSM-ILLEGAL-TRANSITION]: INC0000003 is NEW: action RESOLVE")
        .contains("refused [ITSM-VALIDATION]")
        .contains("Reopened: Dropped again")
        .contains("Closed automatically after the auto-close period")
        .contains("P2 response: 50 % warning")
        .contains("P2 response: 75 % warning")
        .contains("P2 response: 90 % warning")
        .contains("P2 response: BREACHED")
        .contains("Response target missed")
        .contains("paused")
        .contains("(on hold: AWAITING_CALLER)")
        // change enablement: one change of each type, a rejected one, a failed one reviewed
        .contains("CHG0000001  STANDARD  CLOSED")
        .contains("CHG0000002  NORMAL    CLOSED")
        .contains("CHG0000003  NORMAL    REJECTED")
        .contains("CHG0000004  EMERGENCY CLOSED")
        .contains("refused [ITSM-NOT-PERMITTED]: olivia is the owner of CHG0000003")
        .contains("refused [ITSM-VALIDATION]: ScheduleChange is invalid")
        .contains("WARNING collides with CHG0000001")
        .contains("freeze overridden")
        .contains("Outcome FAILED: Hotfix broke RADIUS logins; rolled back; post-implementation"
            + " review required")
        .contains("Resolved by change CHG0000002")
        // problem management and a major incident
        .contains("updates posted 1, missed 1")
        .contains("its children are now [INC0000008 RESOLVED, INC0000009 RESOLVED,"
            + " INC0000010 RESOLVED]")
        .contains("refused [ITSM-REVIEW-REQUIRED]: INC0000007 is a major incident")
        .contains("published as known error KE0000001")
        .contains("a new incident on db-cluster-1 is offered [KE0000001]")
        .contains("CHG0000005 succeeded; PRB0000001 is now RESOLVED")
        .contains("PRB0000001  CLOSED")
        .contains("Stakeholder update: Node 2 lost its storage")
        .contains("was missed; escalated to incident-managers")
        // service requests: a laptop (manager approval, two tasks one after the other) and
        // access to a system (group approval, two tasks at once, closed by the timer)
        .contains("refused [ITSM-VALIDATION]: SubmitRequest is invalid (1 problem): form.model"
            + " Choose the 14-inch or the 16-inch model [Choice]")
        .contains("awaiting approval by mia (manager of carol)")
        .contains("stage 2 open: Image and hand over (desktop-support)")
        .contains("Closed: receipt confirmed by carol")
        .contains("refused [ITSM-NOT-PERMITTED]: dave is the requester of REQ0000002")
        .contains("stage 1 open: Create account (identity), Open firewall rule (network)")
        .contains("REQ0000001  CLOSED    Standard laptop  [carol for carol, laptop v1, approval"
            + " mia]")
        .contains("REQ0000002  CLOSED    Access to a business system  [dave for dave,"
            + " system-access v1, approval security-owners]")
        .contains("SLA Standard laptop fulfilment ACHIEVED")
        // access control and a second tenant
        .contains("bob lacks the permission incident.read on INC0000001")
        .contains("sam lacks the permission incident.reopen on INC0000001")
        .contains("acme's service desk opens ACME-INC0000001 (tenant acme, its own numbering);"
            + " acme sees 1 incident, this tenant's desk finds ACME-INC0000001: nothing");
    assertThat(printed.split("P2 response: BREACHED", -1)).as("the breach fires once").hasSize(2);
    assertThat(printed.strip().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("Summary: 11 incidents; NEW=0 IN_PROGRESS=0 ON_HOLD=0 RESOLVED=0 CLOSED=10"
            + " CANCELLED=1; 5 changes; CLOSED=4 REJECTED=1; 1 problem; CLOSED=1; 2 requests;"
            + " CLOSED=2");
  }
}
