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

    assertThat(counts).containsEntry(IncidentState.CLOSED, 3L)
        .containsEntry(IncidentState.CANCELLED, 1L).containsEntry(IncidentState.NEW, 0L);
    assertThat(printed)
        .contains("On hold (AWAITING_CALLER)")
        .contains("Resumed")
        .contains("Assigned to security / sam")
        .contains("refused [ITSM-ILLEGAL-TRANSITION]: INC0000003 is NEW: action RESOLVE")
        .contains("refused [ITSM-VALIDATION]")
        .contains("Reopened: Dropped again")
        .contains("Closed automatically after the auto-close period");
    assertThat(printed.strip().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("Summary: 4 incidents; NEW=0 IN_PROGRESS=0 ON_HOLD=0 RESOLVED=0 CLOSED=3"
            + " CANCELLED=1");
  }
}
