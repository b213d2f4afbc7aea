package dev.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark program runs end to end in its tiny mode (a few lifecycles on each side, 1,000
 * incidents) and ends with the line the README promises. Figures are not checked: a unit test is
 * no place for timings.
 */
class BenchmarkSmokeTest {

  @TempDir Path dir;

  @Test
  void tinyRunPrintsEverySectionAndEndsWithTheTrackedLine() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    String last;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      last = Benchmark.run(Benchmark.Options.parse("--tiny", "--dir", dir.toString()), out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);

    assertThat(printed)
        .contains("throughput")
        .contains("ratio itsm/raw")
        .contains("SQL statements per lifecycle")
        .contains("check: last ITSM incident")
        .contains("open incidents of a group by priority")
        .contains("at risk of breach in a group")
        .contains("a caller's incidents")
        .contains("text search")
        .contains("boot, existing database, fresh JVM")
        .contains("boot, empty database, fresh JVM")
        .contains("heap in use after the 1,000-incident load");
    for (String operation : Benchmark.OPERATIONS) {
      assertThat(printed).containsPattern("(?m)^" + operation + " +[0-9.]+ +[0-9.]+ +[0-9.]+");
    }
    assertThat(last).matches("benchmark: itsm=[0-9]+\\.[0-9] raw=[0-9]+\\.[0-9]"
        + " ratio=[0-9]+\\.[0-9]{2} p99_ms=[0-9]+\\.[0-9] queue_query_ms=[0-9]+\\.[0-9]"
        + " boot_ms=[0-9]+");
    assertThat(printed.strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo(last);
  }
}
