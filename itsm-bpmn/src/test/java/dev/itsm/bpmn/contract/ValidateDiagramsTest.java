package dev.itsm.bpmn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.bpmn.tools.ValidateDiagrams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line validator's exit codes and report over a folder. */
class ValidateDiagramsTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return ValidateDiagrams.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aFolderOfGoodDiagramsExitsZero() throws Exception {
    Files.writeString(dir.resolve("incident.bpmn"), DiagramValidatorTest.shipped("incident.bpmn"));
    Files.writeString(dir.resolve("sla-clock.bpmn"),
        DiagramValidatorTest.shipped("sla-clock.bpmn"));
    assertThat(run(dir.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK    ")
        .contains("2 file(s) checked, 0 with problems");
  }

  @Test
  void problemsExitOneWithTheReport() throws Exception {
    Files.writeString(dir.resolve("good.bpmn"), DiagramValidatorTest.shipped("incident.bpmn"));
    Files.writeString(dir.resolve("broken.bpmn"), "<bpmn:definitions");
    Files.writeString(dir.resolve("custom.bpmn"), DiagramValidatorTest.vendorStep());
    assertThat(run("--hooks", "page-oncall", dir.toString())).isEqualTo(1);
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("FAIL  " + dir.resolve("broken.bpmn"))
        .contains("The XML does not parse")
        .contains("'notify-vendor', which nobody registered")
        .contains("3 file(s) checked, 2 with problems");
    out.reset();
    assertThat(run("--hooks", "notify-vendor", dir.resolve("custom.bpmn").toString())).isZero();
  }

  @Test
  void theShippedPolicyTablesPass() throws Exception {
    Path policies = Path.of(ValidateDiagramsTest.class.getClassLoader()
        .getResource("itsm/policies").toURI());
    assertThat(run(policies.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("4 file(s) checked, 0 with problems");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run(dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(run(dir.toString())).as("no diagrams in the folder").isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
  }
}
