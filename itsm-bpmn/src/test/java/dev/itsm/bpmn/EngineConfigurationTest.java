package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.ItsmConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad configuration fails fast, with a message that says what to change. */
class EngineConfigurationTest {

  @TempDir Path dir;

  @Test
  void everyBuilderProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> ItsmEngine.builder().dataDirectory(dir)
        .autoCloseAfter(Duration.ZERO).fallbackGroup(" ").jobPollInterval(Duration.ZERO).build())
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageContaining("autoCloseAfter must be positive")
        .hasMessageContaining("fallbackGroup must not be blank")
        .hasMessageContaining("jobPollInterval must be at least 10 ms")
        .hasMessageContaining("choose at least one process");
  }

  @Test
  void nullSettingIsNamed() {
    assertThatThrownBy(() -> ItsmEngine.builder().processes(ItsmProcess.INCIDENT)
        .priorityMatrix(null).build())
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageContaining("priorityMatrix must not be null");
  }

  @Test
  void dataDirectoryThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> TestEngines.builder(file).build())
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("dataDirectory");
  }

  @Test
  void unreachableDatabaseIsReported() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
    assertThatThrownBy(() -> ItsmEngine.builder().dataSource(ds)
        .processes(ItsmProcess.INCIDENT).build())
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageStartingWith("Cannot connect to the database")
        .hasMessageContaining("check the data source");
  }

  @Test
  void failedBuildLeavesNoStartUpThreadBehind() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
    assertThatThrownBy(() -> ItsmEngine.builder().dataSource(ds)
        .processes(ItsmProcess.INCIDENT).build())
        .isInstanceOf(ItsmConfigurationException.class);
    // the thread that preloads the priority table and the validator ends on its own
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("itsm-start")) {
        t.join(30_000);
        assertThat(t.isAlive()).as("itsm-start thread still running").isFalse();
      }
    }
  }

  @Test
  void hostSuppliedDataSourceIsUsedBesideAnEmbeddedOne() {
    try (ItsmEngine first = TestEngines.builder(dir).build()) {
      assertThat(first.processes()).containsExactly(ItsmProcess.INCIDENT);
      // a second engine on a host-supplied database runs side by side with its own numbering
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:shared-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      try (ItsmEngine onHostDataSource = ItsmEngine.builder().dataSource(ds)
          .processes(ItsmProcess.INCIDENT).build()) {
        assertThat(TestEngines.open(onHostDataSource).number()).isEqualTo("INC0000001");
      }
    }
  }

  @Test
  void closeIsIdempotent() {
    ItsmEngine engine = TestEngines.builder(dir).build();
    engine.close();
    engine.close();
  }
}
