package dev.itsm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example compiles and works as shown. */
class EmbeddingExampleTest {

  @TempDir Path dir;

  @Test
  void exampleResolvesAnIncidentOnAFileDatabase() {
    Incident inc = EmbeddingExample.run(dir);

    assertThat(inc.number()).isEqualTo("INC0000001");
    assertThat(inc.priority()).isEqualTo(Priority.P3);
    assertThat(inc.assignmentGroup()).isEqualTo("messaging");
    assertThat(inc.state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(Files.exists(dir.resolve("itsm.mv.db"))).isTrue();

    Incident second = EmbeddingExample.run(dir);
    assertThat(second.number()).as("numbers continue on the same database").isEqualTo("INC0000002");
  }
}
