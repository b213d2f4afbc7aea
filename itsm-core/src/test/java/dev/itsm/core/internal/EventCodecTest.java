package dev.itsm.core.internal;

import static dev.itsm.core.incident.IncidentFixtures.AGENT;
import static dev.itsm.core.incident.IncidentFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.incident.Incident;
import dev.itsm.core.incident.IncidentEvent;
import dev.itsm.core.incident.IncidentFixtures;
import dev.itsm.core.incident.ServiceTarget;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.change.Decision;
import dev.itsm.core.request.CatalogEvent;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestApproval;
import dev.itsm.core.request.RequestDecision;
import dev.itsm.core.request.RequestEvent;
import dev.itsm.core.request.RequestState;
import dev.itsm.core.request.RequestTask;
import dev.itsm.core.spi.contract.RequestStoreContract;
import java.util.Map;
import dev.itsm.core.sla.ServiceLevelEvent;
import dev.itsm.core.sla.SlaClock;
import dev.itsm.core.sla.SlaClockState;
import dev.itsm.core.sla.TargetKind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every event type survives the outbox's JSON round trip unchanged. */
class EventCodecTest {

  private final EventCodec codec = new EventCodec();

  static Stream<ItsmEvent> events() {
    Incident after = IncidentFixtures.fullyPopulated("INC0000042");
    Incident before = IncidentFixtures.minimal("INC0000042", T0);
    SlaClock clock = new SlaClock("c-1", "INC0000042", "incident", "P2 resolution",
        TargetKind.RESOLUTION, "P2", "network", "office", Duration.ofHours(8), List.of(50, 75, 90),
        SlaClockState.BREACHED, T0, Duration.ofMinutes(95).plusMillis(7), T0.plusSeconds(60),
        List.of(50, 75, 90, 100), T0.plusSeconds(3600), null, 7);
    Actor system = Actor.system();
    return Stream.of(
        new IncidentEvent.Opened(after, null, AGENT, T0),
        new IncidentEvent.Assigned(after, before, AGENT, T0),
        new IncidentEvent.Reprioritized(after, before, AGENT, T0),
        new IncidentEvent.Acknowledged(after, before, AGENT, T0),
        new IncidentEvent.PutOnHold(after, before, AGENT, T0),
        new IncidentEvent.Resumed(after, before, AGENT, T0),
        new IncidentEvent.Resolved(after, before, AGENT, T0),
        new IncidentEvent.Reopened(after, before, AGENT, T0),
        new IncidentEvent.Closed(after, before, system, T0, true),
        new IncidentEvent.Cancelled(after, before, AGENT, T0),
        new IncidentEvent.WorkNoteAdded(after, after, AGENT, T0,
            new TimelineEntry(T0, "nina", TimelineEntry.Kind.COMMENT, "Ünïcødé \"quoted\"\n")),
        new IncidentEvent.TargetMissed(after, before, system, T0, ServiceTarget.RESOLUTION),
        new ServiceLevelEvent.Warning(clock, 75, system, T0),
        new ServiceLevelEvent.Breached(clock, system, T0),
        new ServiceLevelEvent.EscalationRequested(clock, 100, "duty-manager", system, T0));
  }

  static Stream<ItsmEvent> requestEvents() {
    Request after = RequestStoreContract.full(7);
    Request before = after.toBuilder().version(0).state(RequestState.AWAITING_APPROVAL)
        .approvalKind(RequestApproval.Kind.MANAGER).approver("mia").approverGroup(null)
        .form(Map.of()).tasks(List.of()).build();
    RequestTask task = after.tasks().get(0);
    CatalogItem v1 = RequestStoreContract.item(1);
    CatalogItem v2 = v1.toBuilder().retired(true).version(2).defined(T0, "cathy").build();
    Actor system = Actor.system();
    return Stream.of(
        new RequestEvent.Submitted(before, null, AGENT, T0),
        new RequestEvent.DecisionRecorded(after, before, AGENT, T0,
            new RequestDecision(after.number(), "mia", Decision.REJECT, "no \"way\"", T0)),
        new RequestEvent.Approved(after, before, AGENT, T0),
        new RequestEvent.Rejected(after, before, AGENT, T0),
        new RequestEvent.TaskStarted(after, before, AGENT, T0, task),
        new RequestEvent.TaskCompleted(after, before, AGENT, T0, task),
        new RequestEvent.Fulfilled(after, before, AGENT, T0),
        new RequestEvent.Closed(after, before, system, T0, true),
        new RequestEvent.Cancelled(after, before, AGENT, T0),
        new RequestEvent.NoteAdded(after, after, AGENT, T0),
        new CatalogEvent.ItemDefined(v1, null, AGENT, T0),
        new CatalogEvent.ItemRetired(v2, v1, AGENT, T0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestEvents")
  void requestAndCatalogEventsRoundTripToo(ItsmEvent event) {
    roundTripKeepsEveryField(event);
  }

  @Test
  void everyRequestAndCatalogEventTypeIsCovered() {
    long sealedTypes = RequestEvent.class.getPermittedSubclasses().length
        + CatalogEvent.class.getPermittedSubclasses().length;
    assertThat(requestEvents().map(Object::getClass).distinct().count()).isEqualTo(sealedTypes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void roundTripKeepsEveryField(ItsmEvent event) {
    String json = codec.encode(event);
    assertThat(codec.decode(event.getClass().getName(), json)).isEqualTo(event);
  }

  @Test
  void everyEventTypeIsCovered() {
    long sealedTypes = IncidentEvent.class.getPermittedSubclasses().length
        + ServiceLevelEvent.class.getPermittedSubclasses().length;
    assertThat(events().map(Object::getClass).distinct().count()).isEqualTo(sealedTypes);
  }

  @Test
  void onlyLibraryEventTypesAreRead() {
    assertThatThrownBy(() -> codec.decode("java.lang.Runtime", "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ITSM event");
    assertThatThrownBy(() -> codec.decode(Incident.class.getName(), "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ITSM event");
  }

  @Test
  void theActorsTenantAndTheRecordsTenantSurviveTheRoundTrip() {
    Actor acmeAgent = Actor.of("dana", "service-desk").inTenant("acme");
    Incident acme = IncidentFixtures.fullyPopulated("ACME-INC0000042").toBuilder()
        .tenant("acme").build();
    IncidentEvent event = new IncidentEvent.Assigned(acme, acme, acmeAgent, T0);

    String json = codec.encode(event);
    IncidentEvent read = (IncidentEvent) codec.decode(event.getClass().getName(), json);

    assertThat(json).contains("\"tenant\":\"acme\"");
    assertThat(read).isEqualTo(event);
    assertThat(read.actor().tenant()).isEqualTo("acme");
    assertThat(read.actor().groups()).containsExactly("service-desk");
    assertThat(read.incident().tenant()).isEqualTo("acme");
  }

  @Test
  void anEventWrittenBeforeTenantsIsReadAsOneOfTheDefaultTenant() {
    Actor acmeAgent = Actor.of("dana", "service-desk").inTenant("acme");
    IncidentEvent event = new IncidentEvent.Opened(IncidentFixtures.fullyPopulated("INC0000042")
        .toBuilder().tenant("acme").build(), null, acmeAgent, T0);
    // what the outbox holds from before tenants: no tenant on the actor nor on the record
    String old = codec.encode(event).replace(",\"tenant\":\"acme\"", "")
        .replace("\"tenant\":\"acme\",", "");
    assertThat(old).doesNotContain("tenant");

    IncidentEvent read = (IncidentEvent) codec.decode(event.getClass().getName(), old);

    assertThat(read.actor()).isEqualTo(Actor.of("dana", "service-desk"));
    assertThat(read.actor().tenant()).isEqualTo(Actor.DEFAULT_TENANT);
    assertThat(read.incident().tenant()).isEqualTo(Actor.DEFAULT_TENANT);
    assertThat(read.incident().number()).isEqualTo("INC0000042");
  }
}
