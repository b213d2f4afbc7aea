package dev.itsm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.itsm.core.metrics.HtmlReport;
import dev.itsm.core.metrics.IncidentMetrics;
import dev.itsm.core.metrics.ItemVolume;
import dev.itsm.core.metrics.Metrics;
import dev.itsm.core.metrics.MetricsSection;
import dev.itsm.core.metrics.Ratio;
import dev.itsm.core.metrics.RequestMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's report command: the demo's data gives a report with every practice and chart, and
 * the page renders in headless Chromium without console or page errors. The screenshot is saved
 * as {@code itsm-examples/target/report/itsm-report.png}. Skipped (assumption) only when
 * {@code /usr/bin/chromium} is not installed.
 */
class ReportTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path OUT = Path.of("target", "report").toAbsolutePath();

  @TempDir Path dir;

  @BeforeEach
  void needsChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
        + " (apt-get install chromium): the browser check of the report is skipped");
  }

  @Test
  void theDemoReportRendersInHeadlessChromiumWithEveryChart() throws Exception {
    Path html = OUT.resolve("itsm-report.html");
    Metrics metrics = Report.run(dir.resolve("data"), html,
        new PrintStream(OutputStream.nullOutputStream()));

    // the demo's data makes a meaningful report: every practice, several weeks, some backlog
    assertThat(metrics.sections()).extracting(MetricsSection::practice).containsExactly(
        "Incident management", "Service level management", "Change enablement",
        "Problem management", "Service requests");
    IncidentMetrics incidents = metrics.incidents().orElseThrow();
    assertThat(incidents.opened()).isEqualTo(11 + 21 * 3); // demo + three weeks of traffic
    assertThat(incidents.weekly()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(incidents.backlog()).isPositive();
    assertThat(incidents.reopen().part()).isPositive();
    assertThat(incidents.majorIncidents()).hasValue(1);
    assertThat(metrics.changes().orElseThrow().failed()).isEqualTo(1);
    assertThat(metrics.serviceLevels().orElseThrow().breaches()).isPositive();
    // the demo's problem is resolved by the change that lists it
    assertThat(metrics.problems().orElseThrow().resolvedByChange().part()).isEqualTo(1);
    // the demo's two requests: a laptop and system access, both approved and fulfilled
    RequestMetrics requests = metrics.requests().orElseThrow();
    assertThat(requests.volumeByItem()).containsExactlyInAnyOrder(
        new ItemVolume("laptop", "Standard laptop", 1),
        new ItemVolume("system-access", "Access to a business system", 1));
    assertThat(requests.fulfilled()).isEqualTo(2);
    assertThat(requests.meanFulfilmentTime()).isNotNull();
    assertThat(requests.rejected()).isEqualTo(new Ratio(0, 2));

    Browser page = open(html);
    assertThat(page.consoleMessages()).as("console messages and page errors").isEmpty();
    for (String chart : HtmlReport.CHARTS) {
      Matcher svg = Pattern.compile("<svg class=\"chart\" data-chart=\"" + chart
          + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(page.dom());
      assertThat(svg.find()).as("chart " + chart + " is in the rendered page").isTrue();
      assertThat(svg.group(1)).as("chart " + chart + " has bars").contains("class=\"bar\"");
    }
    assertThat(page.dom()).contains("<h2>Incident management</h2>")
        .contains("<h2>Problem management</h2>").contains("Reopen rate")
        .contains("<h2>Service requests</h2>").contains("Submitted: Standard laptop (laptop)")
        .contains("Approval turnaround");

    Path png = OUT.resolve("itsm-report.png");
    Files.deleteIfExists(png);
    run(List.of("--window-size=1200,2200", "--hide-scrollbars", "--screenshot=" + png,
        html.toUri().toString()));
    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(20_000);
  }

  @Test
  void theConsoleCheckCatchesConsoleAndPageErrors() throws Exception {
    Path bad = dir.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><body><p>x</p><script>console.error('c1');"
        + " throw new Error('p1');</script></body></html>");
    assertThat(open(bad).consoleMessages()).anySatisfy(l -> assertThat(l).contains("c1"))
        .anySatisfy(l -> assertThat(l).contains("Uncaught Error: p1"));
  }

  /** The page's DOM after load and every console line Chromium logged (page errors included). */
  record Browser(String dom, List<String> consoleMessages) {}

  private Browser open(Path html) throws IOException, InterruptedException {
    Result r = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom",
        html.toUri().toString()));
    List<String> console = new ArrayList<>();
    for (String line : r.stderr().split("\n")) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Browser(r.stdout(), console);
  }

  record Result(String stdout, String stderr) {}

  private Result run(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new",
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir="
            + dir.resolve("chromium-profile")));
    cmd.addAll(args);
    Path stdout = dir.resolve("chromium.out");
    Path stderr = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + cmd);
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("Chromium exit code; stderr:\n" + err).isZero();
    return new Result(Files.readString(stdout, StandardCharsets.UTF_8), err);
  }
}
