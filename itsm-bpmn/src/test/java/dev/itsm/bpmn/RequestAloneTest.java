package dev.itsm.bpmn;

import static dev.itsm.core.request.RequestFixture.CAROL;
import static dev.itsm.core.request.RequestFixture.DAN;
import static dev.itsm.core.request.RequestFixture.MIA;
import static dev.itsm.core.request.RequestFixture.PAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.metrics.Metrics;
import dev.itsm.core.metrics.MetricsQuery;
import dev.itsm.core.metrics.MetricsSection;
import dev.itsm.core.metrics.Ratio;
import dev.itsm.core.request.CatalogFile;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.CloseRequest;
import dev.itsm.core.request.CompleteFulfilmentTask;
import dev.itsm.core.request.DecideRequest;
import dev.itsm.core.request.FulfilmentTask;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestFixture;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.RequestTask;
import dev.itsm.core.request.SubmitRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service request management adopted alone: no other practice needed, the catalog given as a file
 * on every start (a new version only when it changed), a running request that keeps its item
 * version across a restart, and clear errors for what is not deployed or not valid.
 */
class RequestAloneTest {

  @TempDir Path dir;

  private ItsmEngine.Builder requestsOnly() {
    return ItsmEngine.builder().dataDirectory(dir.resolve("db")).processes(ItsmProcess.REQUEST)
        .directory(RequestFixture.DIRECTORY).jobPollInterval(Duration.ofMillis(100));
  }

  private Path catalog(CatalogItem item) throws IOException {
    return Files.writeString(dir.resolve("catalog.json"), "[" + CatalogFile.write(item) + "]");
  }

  @Test
  void aRequestKeepsItsVersionAcrossARestartWhileTheFileDefinesANewOne() throws IOException {
    Path file = catalog(RequestFixture.LAPTOP);
    String number;
    try (ItsmEngine engine = requestsOnly().catalog(file).build()) {
      assertThatThrownBy(engine::incidents).isInstanceOf(ItsmConfigurationException.class)
          .hasMessageContaining("ItsmProcess.INCIDENT");
      Request r = engine.requests().submit(CAROL, SubmitRequest.builder().item("laptop")
          .value("model", "16-inch").build());
      number = r.number();
      engine.requests().decide(MIA, DecideRequest.approve(number, null));
    }
    try (ItsmEngine engine = requestsOnly().catalog(file).build()) {
      assertThat(engine.catalog().versions(CAROL, "laptop")).as("unchanged file: no new version")
          .hasSize(1);
    }
    catalog(RequestFixture.LAPTOP.toBuilder()
        .sequential(FulfilmentTask.of("Register asset", "asset-management")).build());
    try (ItsmEngine engine = requestsOnly().catalog(file).build()) {
      assertThat(engine.catalog().item(CAROL, "laptop").version()).isEqualTo(2);
      assertThat(engine.catalog().auditTrail(CAROL, "laptop")).extracting(a -> a.actorId())
          .containsExactly("system", "system");
      Request r = engine.requests().get(CAROL, number);
      assertThat(r.itemVersion()).isEqualTo(1);
      assertThat(r.tasks()).extracting(RequestTask::name).containsExactly("Order hardware",
          "Image and hand over");
      engine.requests().completeTask(PAT, new CompleteFulfilmentTask(number, 1, null));
      Request done = engine.requests().completeTask(DAN, new CompleteFulfilmentTask(number, 2,
          null));
      assertThat(done.state()).isEqualTo(RequestState.FULFILLED);
      // RoleModel.standard() grants request.close to the service desk, not to the requester
      engine.requests().close(RequestFixture.DESK, new CloseRequest(number, null));
      // the metrics have a request section, and no incident or change section
      Metrics m = engine.metrics().compute(TestEngines.MANAGER, MetricsQuery.between(
          EngineClock.now().minus(Duration.ofDays(1)), EngineClock.now().plusSeconds(1)));
      assertThat(m.sections()).extracting(MetricsSection::practice)
          .containsExactly("Service level management", "Service requests");
      assertThat(m.requests().orElseThrow().fulfilled()).isEqualTo(1);
      assertThat(m.requests().orElseThrow().rejected()).isEqualTo(new Ratio(0, 1));
      assertThat(engine.processEngine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(number).count()).isZero();
      assertThat(engine.requests().submit(CAROL, SubmitRequest.builder().item("laptop")
          .value("model", "16-inch").build()).tasks()).hasSize(3);
    }
  }

  @Test
  void otherPracticesAloneRefuseRequestCallsClearly() {
    try (ItsmEngine engine = ItsmEngine.builder().dataDirectory(dir.resolve("db"))
        .processes(ItsmProcess.INCIDENT).build()) {
      assertThatThrownBy(engine::requests).isInstanceOf(ItsmConfigurationException.class)
          .hasMessage("Service request management is not enabled: add ItsmProcess.REQUEST to"
              + " ItsmEngine.builder().processes(...)");
      assertThatThrownBy(engine::catalog).isInstanceOf(ItsmConfigurationException.class)
          .hasMessageContaining("ItsmProcess.REQUEST");
      assertThat(engine.metrics().compute(TestEngines.MANAGER, MetricsQuery.between(EngineClock.now(),
          EngineClock.now().plusSeconds(1))).requests()).as("requests not deployed").isEmpty();
    }
  }

  @Test
  void aCatalogWithoutRequestsOrAnInvalidCatalogFailsTheBuild() throws IOException {
    assertThatThrownBy(() -> ItsmEngine.builder().dataDirectory(dir.resolve("db"))
        .processes(ItsmProcess.INCIDENT).catalogItem(RequestFixture.LAPTOP).build())
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageContaining("add ItsmProcess.REQUEST");
    Path bad = Files.writeString(dir.resolve("bad.json"), """
        [ { "id": "own", "name": "Own", "fulfilment": { "process": "not-deployed" } } ]
        """);
    assertThatThrownBy(() -> requestsOnly().catalog(bad).build())
        .isInstanceOf(ItsmConfigurationException.class)
        .hasMessageContaining("Cannot define the catalog file " + bad)
        .hasMessageContaining("items[0].fulfilmentProcess");
  }
}
