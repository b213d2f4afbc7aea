package dev.itsm.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.ValidationException;
import dev.itsm.core.access.AccessDecision;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.change.Change;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change resolves its linked incidents when it succeeds, as the library's own follow-up. So
 * linking is checked as the author: only incidents the author may read, of the author's tenant;
 * and a caller without groups cannot raise a change at all (they could otherwise name themselves
 * owner and implementer of a standard change).
 */
class LinkedIncidentAccessTest {

  @TempDir Path dir;

  @Test
  void aChangeLinksOnlyIncidentsItsAuthorMayRead() {
    try (ItsmEngine engine = TestEngines.builder(dir)
        .processes(ItsmProcess.INCIDENT, ItsmProcess.CHANGE).tenants("globex")
        .accessPolicy(RoleModel.standard().and(request -> request.actor().id().startsWith("ext-")
            && request.permission() == Permission.INCIDENT_READ
            ? AccessDecision.deny("contractors do not read incidents") : AccessDecision.allow()))
        .jobExecutor(false).build()) {
      Incident incident = TestEngines.open(engine);
      Actor contractor = Actor.of("ext-olga", "change-managers");

      assertThatThrownBy(() -> engine.changes().create(contractor,
          ChangeProcessFlowTest.lowRisk().incidents(incident.number()).build()))
          .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.permission()).isEqualTo(Permission.INCIDENT_READ);
            assertThat(e.recordNumber()).isEqualTo(incident.number());
          });
      assertThatThrownBy(() -> engine.changes().create(
          Actor.of("max", "change-managers").inTenant("globex"),
          ChangeProcessFlowTest.lowRisk().incidents(incident.number()).build()))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
              .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("incidents[0]")));
      assertThatThrownBy(() -> engine.changes().create(Actor.of("carl"),
          ChangeProcessFlowTest.lowRisk().owner("carl").implementer("carl").build()))
          .isInstanceOfSatisfying(AccessDeniedException.class,
              e -> assertThat(e.permission()).isEqualTo(Permission.CHANGE_CREATE));
      assertThat(engine.changes().query(TestEngines.ADMIN).count()).isZero();

      Change linked = engine.changes().create(Actor.of("max", "change-managers"),
          ChangeProcessFlowTest.lowRisk().incidents(incident.number()).build());
      assertThat(linked.incidents()).containsExactly(incident.number());
      assertThat(engine.incidents().get(TestEngines.AGENT, incident.number()).state())
          .isEqualTo(IncidentState.NEW);
    }
  }
}
