package dev.itsm.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.incident.Impact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard change catalog from a declarative file, and the policy building blocks. */
class ChangePoliciesTest {

  @TempDir Path dir;

  @Test
  void readsTheCatalogFromAJsonFile() throws Exception {
    Path file = dir.resolve("standard-changes.json");
    Files.writeString(file, """
        [ { "id": "restart-app-server", "title": "Restart an application server",
            "category": "application", "impact": "low", "implementerGroup": "operations",
            "implementationPlan": "Drain, restart, check health", "backoutPlan": "None" },
          { "id": "add-dns-record", "title": "Add a DNS record", "impact": "LOW",
            "implementerGroup": "network", "implementationPlan": "Add, verify",
            "backoutPlan": "Remove", "testPlan": "dig" } ]
        """);
    ChangePolicies p = ChangePolicies.builder().standardChanges(file).build();
    assertThat(p.standardChanges()).containsOnlyKeys("restart-app-server", "add-dns-record");
    StandardChangeTemplate t = p.standardChange("add-dns-record").orElseThrow();
    assertThat(t.impact()).isEqualTo(Impact.LOW);
    assertThat(t.testPlan()).isEqualTo("dig");
    assertThat(t.category()).isNull();
  }

  @Test
  void reportsEveryProblemOfEveryEntryAtOnce() {
    assertThatThrownBy(() -> ChangePolicies.builder().standardChanges("catalog.json", """
        [ { "id": "a", "title": "A", "impact": "HUGE", "implementerGroup": "ops",
            "implementationPlan": "x", "backoutPlan": "y" },
          { "id": "b" } ]
        """)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catalog.json has 2 problem(s)")
        .hasMessageContaining("entry 0: impact 'HUGE' must be one of HIGH, MEDIUM, LOW")
        .hasMessageContaining("entry 1: Invalid standard change template 'b'")
        .hasMessageContaining("title must not be blank")
        .hasMessageContaining("backoutPlan must not be blank");
  }

  @Test
  void namesTheLineOfBrokenJsonAndRefusesDuplicates() {
    assertThatThrownBy(() -> ChangePolicies.builder().standardChanges("catalog.json",
        "[ { \"id\": \"a\",\n  \"title\" \"A\" } ]"))
        .hasMessageContaining("catalog.json is not valid JSON").hasMessageContaining("line 2");
    assertThatThrownBy(() -> ChangePolicies.builder().standardChanges("catalog.json", "{}"))
        .hasMessageContaining("must be a JSON array");
    StandardChangeTemplate t = new StandardChangeTemplate("a", "A", null, null, "x", "y", null,
        "ops", Impact.LOW);
    assertThatThrownBy(() -> ChangePolicies.builder().standardChange(t).standardChange(t))
        .hasMessageContaining("'a' is defined twice");
  }

  @Test
  void freezeWindowsApplyToOverlappingWindowsOfTheirServices() {
    Instant t0 = Instant.parse("2026-12-20T00:00:00Z");
    FreezeWindow all = FreezeWindow.of("year-end", t0, t0.plusSeconds(3600));
    FreezeWindow billing = new FreezeWindow("billing", t0, t0.plusSeconds(3600),
        java.util.Set.of("billing"));
    assertThat(all.blocks(t0.minusSeconds(60), t0.plusSeconds(1), java.util.List.of())).isTrue();
    assertThat(all.blocks(t0.minusSeconds(60), t0, java.util.List.of())).isFalse();
    assertThat(all.blocks(t0.plusSeconds(3600), t0.plusSeconds(7200), java.util.List.of()))
        .isFalse();
    assertThat(billing.blocks(t0, t0.plusSeconds(1), java.util.List.of("mail"))).isFalse();
    assertThat(billing.blocks(t0, t0.plusSeconds(1), java.util.List.of("mail", "billing")))
        .isTrue();
    assertThatThrownBy(() -> FreezeWindow.of("x", t0, t0)).hasMessageContaining("must end after");
  }
}
