package dev.itsm.core.request;

import static dev.itsm.core.request.RequestFixture.ACCESS;
import static dev.itsm.core.request.RequestFixture.ADMIN;
import static dev.itsm.core.request.RequestFixture.CAROL;
import static dev.itsm.core.request.RequestFixture.DAN;
import static dev.itsm.core.request.RequestFixture.DAVE;
import static dev.itsm.core.request.RequestFixture.DESK;
import static dev.itsm.core.request.RequestFixture.DIRECTORY;
import static dev.itsm.core.request.RequestFixture.LAPTOP;
import static dev.itsm.core.request.RequestFixture.MIA;
import static dev.itsm.core.request.RequestFixture.ONBOARDING;
import static dev.itsm.core.request.RequestFixture.PAT;
import static dev.itsm.core.request.RequestFixture.RITA;
import static dev.itsm.core.request.RequestFixture.SOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.Actor;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.access.AccessDecision;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.request.internal.RequestWorkflow;
import dev.itsm.core.spi.Directory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * Service requests and the service catalog behind the access guard with
 * {@link RoleModel#standard()}: every permission the services use allows one actor and refuses
 * another (and a refused call changes nothing), callers see only their own requests, and a tenant's
 * requests and catalog are invisible to every other tenant, through every method.
 */
class RequestAccessTest {

  private static final AccessGuard GUARD = new AccessGuard(RoleModel.standard(), Directory.NONE,
      Set.of("acme", "globex"));
  /** Refused everything by a host policy on top of the role model (decide and catalog reads are open to anyone by the role model). */
  private static final Actor MALLORY = Actor.of("mallory", "security-owners");
  private static final AccessGuard STRICT = new AccessGuard(RoleModel.standard().and(
      r -> r.actor().id().equals("mallory") ? AccessDecision.deny("mallory may do nothing")
          : AccessDecision.allow()), Directory.NONE, Set.of());

  private static final Actor ACME_ADMIN = Actor.of("ace", "itsm-admins").inTenant("acme");
  private static final Actor ACME_CAROL = CAROL.inTenant("acme");
  private static final Actor ACME_ADMIN_CATALOG = ADMIN.inTenant("acme");
  /** Allowed everything in globex: only the tenant keeps acme's records from it. */
  private static final Actor GLOBEX_ADMIN = Actor.of("gus", "itsm-admins").inTenant("globex");

  @TempDir Path dir;

  private static RequestFixture fixture(AccessGuard guard) {
    RequestFixture f = new RequestFixture(DIRECTORY, List.of(), RequestWorkflow.NONE, guard);
    f.catalog.define(ADMIN, LAPTOP);
    f.catalog.define(ADMIN, ACCESS);
    f.catalog.define(ADMIN, ONBOARDING);
    return f;
  }

  private static Request laptop(RequestFixture f) {
    return f.service.submit(CAROL, SubmitRequest.builder().item("laptop")
        .value("model", "14-inch").build());
  }

  /** Asserts the call is refused for the permission and the request did not change. */
  private static void denied(RequestFixture f, String number, Permission permission,
      Executable call) {
    Request before = f.service.get(ADMIN, number);
    int timeline = f.service.timeline(ADMIN, number).size();
    int audit = f.service.auditTrail(ADMIN, number).size();
    AccessDeniedException e = assertThrows(AccessDeniedException.class, call);
    assertThat(e.permission()).isEqualTo(permission);
    assertThat(e.rule()).isEqualTo("permission:" + permission.id());
    assertThat(f.service.get(ADMIN, number)).as("unchanged").isEqualTo(before);
    assertThat(f.service.timeline(ADMIN, number)).hasSize(timeline);
    assertThat(f.service.auditTrail(ADMIN, number)).hasSize(audit);
  }

  private static void deniedBecause(Permission permission, Executable call) {
    AccessDeniedException e = assertThrows(AccessDeniedException.class, call);
    assertThat(e.permission()).isEqualTo(permission);
  }

  // ---------------------------------------------------------------------------- permissions

  @Test
  void submitACallerForThemselvesStaffForAnyone() {
    RequestFixture f = fixture(GUARD);
    assertThat(f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build())
        .requestedFor()).isEqualTo("rita");
    assertThat(f.service.submit(CAROL, SubmitRequest.builder().item("onboarding")
        .requestedFor("rita").build()).requestedBy()).isEqualTo("carol");
    deniedBecause(Permission.REQUEST_SUBMIT, () -> f.service.submit(RITA,
        SubmitRequest.builder().item("onboarding").requestedFor("dave").build()));
    assertThat(f.store.query(new dev.itsm.core.spi.RequestCriteria(null, null, null, "dave",
        null, null, null, null, 0, 10, null, null))).as("nothing stored").isEmpty();
  }

  @Test
  void readTheRequesterThePersonItIsForAndStaffButNoOtherCaller() {
    RequestFixture f = fixture(GUARD);
    Request r = f.service.submit(CAROL, SubmitRequest.builder().item("onboarding")
        .requestedFor("rita").build());
    for (Actor reader : List.of(CAROL, RITA, PAT, SOL)) {
      assertThat(f.service.get(reader, r.number())).isEqualTo(r);
      assertThat(f.service.find(reader, r.number())).contains(r);
      assertThat(f.service.timeline(reader, r.number())).isNotEmpty();
      assertThat(f.service.auditTrail(reader, r.number())).isNotEmpty();
      assertThat(f.service.decisions(reader, r.number())).isEmpty();
    }
    String n = r.number();
    denied(f, n, Permission.REQUEST_READ, () -> f.service.get(DAVE, n));
    denied(f, n, Permission.REQUEST_READ, () -> f.service.find(DAVE, n));
    denied(f, n, Permission.REQUEST_READ, () -> f.service.timeline(DAVE, n));
    denied(f, n, Permission.REQUEST_READ, () -> f.service.auditTrail(DAVE, n));
    denied(f, n, Permission.REQUEST_READ, () -> f.service.decisions(DAVE, n));
  }

  @Test
  void aCallerWithoutGroupsQueriesOnlyTheirOwnRequests() {
    RequestFixture f = fixture(GUARD);
    Request carols = laptop(f);
    Request ritas = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    Request forDave = f.service.submit(CAROL, SubmitRequest.builder().item("onboarding")
        .requestedFor("dave").build());
    assertThat(f.service.query(RITA).list()).extracting(Request::number)
        .containsExactly(ritas.number());
    assertThat(f.service.query(RITA).count()).isEqualTo(1);
    assertThat(f.service.query(DAVE).list()).extracting(Request::number)
        .containsExactly(forDave.number());
    assertThat(f.service.query(DAVE).item("laptop").count()).isZero();
    assertThat(f.service.query(PAT).list()).as("staff reads every request of the tenant")
        .extracting(Request::number)
        .containsExactly(forDave.number(), ritas.number(), carols.number());
  }

  @Test
  void decideIsOpenToEveryoneTheApprovalStillDecidesWhoIsEligible() {
    RequestFixture f = fixture(GUARD);
    Request r = laptop(f);
    NotPermittedException notApprover = assertThrows(NotPermittedException.class,
        () -> f.service.decide(SOL, DecideRequest.approve(r.number(), null)));
    assertThat(notApprover.rule()).isEqualTo("not-an-approver");
    assertThat(f.service.decide(MIA, DecideRequest.approve(r.number(), null)).state())
        .isEqualTo(RequestState.APPROVED);

    RequestFixture strict = fixture(STRICT);
    Request s = laptop(strict);
    denied(strict, s.number(), Permission.REQUEST_DECIDE,
        () -> strict.service.decide(MALLORY, DecideRequest.approve(s.number(), null)));
    assertThat(strict.service.decisions(ADMIN, s.number())).isEmpty();
  }

  @Test
  void fulfilTheTaskGroupsOfTheRequestButNotTheServiceDesk() {
    RequestFixture f = fixture(GUARD);
    Request r = laptop(f);
    f.service.decide(MIA, DecideRequest.approve(r.number(), null));
    String n = r.number();
    denied(f, n, Permission.REQUEST_FULFIL,
        () -> f.service.startTask(DESK, new StartFulfilmentTask(n, 1)));
    denied(f, n, Permission.REQUEST_FULFIL,
        () -> f.service.completeTask(CAROL, new CompleteFulfilmentTask(n, 1, null)));
    // a member of another task's group works on the request, but the practice rule keeps the
    // task to its own group
    NotPermittedException otherGroup = assertThrows(NotPermittedException.class,
        () -> f.service.startTask(DAN, new StartFulfilmentTask(n, 1)));
    assertThat(otherGroup).isNotInstanceOf(AccessDeniedException.class);
    assertThat(otherGroup.rule()).isEqualTo("not-in-fulfilment-group");
    assertThat(f.service.startTask(PAT, new StartFulfilmentTask(n, 1)).task(1).orElseThrow()
        .assignee()).isEqualTo("pat");
    assertThat(f.service.completeTask(PAT, new CompleteFulfilmentTask(n, 1, "ordered"))
        .task(1).orElseThrow().state()).isEqualTo(FulfilmentTaskState.DONE);
  }

  @Test
  void closeTheRequesterAndTheServiceDeskButNotTheFulfillers() {
    RequestFixture f = fixture(GUARD);
    Request r = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    String n = r.number();
    f.service.completeTask(Actor.of("ian", "identity"), new CompleteFulfilmentTask(n, 1, null));
    f.service.completeTask(PAT, new CompleteFulfilmentTask(n, 2, null));
    f.service.completeTask(DAN, new CompleteFulfilmentTask(n, 3, null));
    denied(f, n, Permission.REQUEST_CLOSE,
        () -> f.service.close(PAT, new CloseRequest(n, "thanks")));
    assertThat(f.service.close(RITA, new CloseRequest(n, "received, thanks")).state())
        .isEqualTo(RequestState.CLOSED);
    Request other = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    f.service.completeTask(Actor.of("ian", "identity"),
        new CompleteFulfilmentTask(other.number(), 1, null));
    f.service.completeTask(PAT, new CompleteFulfilmentTask(other.number(), 2, null));
    f.service.completeTask(DAN, new CompleteFulfilmentTask(other.number(), 3, null));
    assertThat(f.service.close(DESK, new CloseRequest(other.number(), "confirmed by phone"))
        .state()).isEqualTo(RequestState.CLOSED);
  }

  @Test
  void aDeniedActorGetsAccessDeniedBeforeTheLifecycleCheck() {
    RequestFixture f = fixture(GUARD);
    Request r = laptop(f);
    f.service.cancel(CAROL, new CancelRequest(r.number(), "not needed"));
    // closing a cancelled request is an illegal transition, but a fulfiller may not close at all
    denied(f, r.number(), Permission.REQUEST_CLOSE,
        () -> f.service.close(PAT, new CloseRequest(r.number(), null)));
  }

  @Test
  void cancelTheRequesterAndTheServiceDeskButNotTheFulfillers() {
    RequestFixture f = fixture(GUARD);
    Request r = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    denied(f, r.number(), Permission.REQUEST_CANCEL,
        () -> f.service.cancel(PAT, new CancelRequest(r.number(), "no stock")));
    denied(f, r.number(), Permission.REQUEST_CANCEL,
        () -> f.service.cancel(DAVE, new CancelRequest(r.number(), "mine now")));
    assertThat(f.service.cancel(RITA, new CancelRequest(r.number(), "withdrawn")).state())
        .isEqualTo(RequestState.CANCELLED);
    Request other = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    assertThat(f.service.cancel(DESK, new CancelRequest(other.number(), "duplicate")).state())
        .isEqualTo(RequestState.CANCELLED);
  }

  @Test
  void noteTheRequesterFulfillersAndServiceDeskButNotOtherStaff() {
    RequestFixture f = fixture(GUARD);
    Request r = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    String n = r.number();
    f.service.addNote(RITA, new AddRequestNote(n, "urgent please"));
    f.service.addNote(PAT, new AddRequestNote(n, "ordered"));
    f.service.addNote(DESK, new AddRequestNote(n, "called rita"));
    denied(f, n, Permission.REQUEST_NOTE, () -> f.service.addNote(SOL,
        new AddRequestNote(n, "hello")));
    denied(f, n, Permission.REQUEST_NOTE, () -> f.service.addNote(DAVE,
        new AddRequestNote(n, "hello")));
    assertThat(f.service.timeline(ADMIN, n)).hasSize(4);
  }

  @Test
  void catalogManageTheCatalogManagersReadEveryone() throws Exception {
    RequestFixture f = fixture(GUARD);
    CatalogItem before = f.catalog.item(RITA, "laptop");
    deniedBecause(Permission.CATALOG_MANAGE, () -> f.catalog.define(CAROL,
        LAPTOP.toBuilder().name("Cheap laptop").build()));
    deniedBecause(Permission.CATALOG_MANAGE, () -> f.catalog.retire(DESK,
        new RetireCatalogItem("laptop", "old")));
    Path file = Files.writeString(dir.resolve("catalog.json"), "[" + CatalogFile.write(
        LAPTOP.toBuilder().name("File laptop").build()) + "]");
    deniedBecause(Permission.CATALOG_MANAGE, () -> f.catalog.define(RITA, file));
    assertThat(f.catalog.item(RITA, "laptop")).as("unchanged").isEqualTo(before);
    assertThat(f.catalog.versions(RITA, "laptop")).hasSize(1);
    assertThat(f.catalog.auditTrail(RITA, "laptop")).hasSize(1);

    assertThat(f.catalog.define(ADMIN, file)).extracting(CatalogItem::version)
        .containsExactly(2);
    assertThat(f.catalog.retire(ADMIN, new RetireCatalogItem("laptop", "old")).retired())
        .isTrue();
    assertThat(f.catalog.items(RITA)).extracting(CatalogItem::id)
        .containsExactly("onboarding", "system-access");
    assertThat(f.catalog.item(RITA, "laptop", 1)).isEqualTo(before);
    assertThat(f.catalog.find(RITA, "laptop")).isPresent();

    RequestFixture strict = fixture(STRICT);
    deniedBecause(Permission.CATALOG_READ, () -> strict.catalog.item(MALLORY, "laptop"));
    deniedBecause(Permission.CATALOG_READ, () -> strict.catalog.find(MALLORY, "laptop"));
    deniedBecause(Permission.CATALOG_READ, () -> strict.catalog.item(MALLORY, "laptop", 1));
    deniedBecause(Permission.CATALOG_READ, () -> strict.catalog.items(MALLORY));
    deniedBecause(Permission.CATALOG_READ, () -> strict.catalog.versions(MALLORY, "laptop"));
    deniedBecause(Permission.CATALOG_READ, () -> strict.catalog.auditTrail(MALLORY, "laptop"));
    deniedBecause(Permission.REQUEST_READ, () -> strict.service.query(MALLORY));
  }

  // -------------------------------------------------------------------------------- tenants

  @Test
  void eachTenantNumbersItsOwnRequests() {
    RequestFixture f = fixture(GUARD);
    f.catalog.define(ACME_ADMIN_CATALOG, ONBOARDING);
    Request first = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    Request acme1 = f.service.submit(ACME_CAROL, SubmitRequest.builder().item("onboarding")
        .build());
    Request acme2 = f.service.submit(ACME_CAROL, SubmitRequest.builder().item("onboarding")
        .build());
    Request second = f.service.submit(RITA, SubmitRequest.builder().item("onboarding").build());
    assertThat(first.number()).isEqualTo("REQ0000001");
    assertThat(second.number()).isEqualTo("REQ0000002");
    assertThat(acme1.number()).isEqualTo("ACME-REQ0000001");
    assertThat(acme2.number()).isEqualTo("ACME-REQ0000002");
    assertThat(acme1.tenant()).isEqualTo("acme");
    assertThat(first.tenant()).isEqualTo(Actor.DEFAULT_TENANT);
    assertThat(f.service.query(ACME_ADMIN).list()).extracting(Request::number)
        .containsExactly(acme2.number(), acme1.number());
    assertThat(f.service.query(ADMIN).list()).extracting(Request::number)
        .containsExactly(second.number(), first.number());
  }

  @Test
  void eachTenantHasItsOwnCatalog() {
    RequestFixture f = fixture(GUARD);
    CatalogItem acme = f.catalog.define(ACME_ADMIN_CATALOG, LAPTOP.toBuilder()
        .name("Acme laptop").build());
    assertThat(acme.version()).as("acme's first version, whatever the default tenant has")
        .isEqualTo(1);
    assertThat(acme.tenant()).isEqualTo("acme");
    assertThat(f.catalog.item(ACME_CAROL, "laptop").name()).isEqualTo("Acme laptop");
    assertThat(f.catalog.item(CAROL, "laptop").name()).isEqualTo("Standard laptop");
    assertThat(f.catalog.items(ACME_CAROL)).extracting(CatalogItem::id)
        .containsExactly("laptop");
    assertThat(f.catalog.auditTrail(ACME_CAROL, "laptop")).extracting(a -> a.recordNumber())
        .containsExactly("ACME-catalog:laptop");
    assertThat(f.catalog.auditTrail(CAROL, "laptop")).extracting(a -> a.recordNumber())
        .containsExactly("catalog:laptop");
    // the longest item id fits the audit record number also with a tenant prefix
    assertThat(f.catalog.define(ACME_ADMIN_CATALOG, CatalogItem.builder("x".repeat(24))
        .name("Long").sequential(FulfilmentTask.of("Do", "desk")).build()).version())
        .isEqualTo(1);
    assertThat(f.catalog.define(ADMIN, CatalogItem.builder("x".repeat(24)).name("Long")
        .sequential(FulfilmentTask.of("Do", "desk")).build()).version()).isEqualTo(1);
  }

  @Test
  void anotherTenantsRequestAndCatalogAreNotFoundThroughEveryMethod() throws Exception {
    RequestFixture f = fixture(GUARD);
    f.catalog.define(ACME_ADMIN_CATALOG, LAPTOP.toBuilder().name("Acme laptop").build());
    f.catalog.define(ACME_ADMIN_CATALOG, CatalogItem.builder("acme-only").name("Acme only")
        .sequential(FulfilmentTask.of("Do", "procurement")).build());
    Request r = f.service.submit(ACME_CAROL, SubmitRequest.builder().item("acme-only").build());
    String n = r.number();
    Supplier<Object> state = () -> List.of(f.service.get(ACME_ADMIN, n),
        f.service.timeline(ACME_ADMIN, n), f.service.auditTrail(ACME_ADMIN, n),
        f.service.decisions(ACME_ADMIN, n), f.catalog.versions(ACME_ADMIN, "laptop"),
        f.catalog.versions(ACME_ADMIN, "acme-only"), f.catalog.auditTrail(ACME_ADMIN, "laptop"));
    Object before = state.get();
    Actor g = GLOBEX_ADMIN;

    // requests
    ValidationException notInCatalog = assertThrows(ValidationException.class,
        () -> f.service.submit(g, SubmitRequest.builder().item("acme-only").build()));
    assertThat(notInCatalog.violations()).extracting(Violation::rule).containsExactly("InCatalog");
    List<Executable> requestCalls = List.of(
        () -> f.service.decide(g, DecideRequest.approve(n, null)),
        () -> f.service.startTask(g, new StartFulfilmentTask(n, 1)),
        () -> f.service.completeTask(g, new CompleteFulfilmentTask(n, 1, null)),
        () -> f.service.close(g, new CloseRequest(n, null)),
        () -> f.service.cancel(g, new CancelRequest(n, "mine")),
        () -> f.service.addNote(g, new AddRequestNote(n, "hello")),
        () -> f.service.get(g, n),
        () -> f.service.decisions(g, n),
        () -> f.service.timeline(g, n),
        () -> f.service.auditTrail(g, n));
    for (Executable call : requestCalls) {
      RecordNotFoundException e = assertThrows(RecordNotFoundException.class, call);
      assertThat(e.getMessage()).contains(n);
    }
    assertThat(f.service.find(g, n)).isEmpty();
    assertThat(f.service.query(g).list()).isEmpty();
    assertThat(f.service.query(g).count()).isZero();
    assertThat(f.service.query(Actor.of("gina").inTenant("globex")).list()).isEmpty();

    // catalog
    assertThrows(RecordNotFoundException.class, () -> f.catalog.item(g, "acme-only"));
    assertThrows(RecordNotFoundException.class, () -> f.catalog.item(g, "acme-only", 1));
    assertThrows(RecordNotFoundException.class,
        () -> f.catalog.retire(g, new RetireCatalogItem("acme-only", "mine")));
    assertThat(f.catalog.find(g, "acme-only")).isEmpty();
    assertThat(f.catalog.items(g)).isEmpty();
    assertThat(f.catalog.versions(g, "acme-only")).isEmpty();
    assertThat(f.catalog.auditTrail(g, "acme-only")).isEmpty();
    // defining an item of the same id makes globex's own version 1; acme's stays as it was
    assertThat(f.catalog.define(g, LAPTOP.toBuilder().name("Globex laptop").build()).version())
        .isEqualTo(1);
    Path file = Files.writeString(dir.resolve("globex.json"), "[" + CatalogFile.write(
        CatalogItem.builder("acme-only").name("Globex too")
            .sequential(FulfilmentTask.of("Do", "desk")).build()) + "]");
    assertThat(f.catalog.define(g, file)).extracting(CatalogItem::version).containsExactly(1);
    assertThat(f.catalog.item(ACME_ADMIN, "acme-only").name()).isEqualTo("Acme only");
    assertThat(f.catalog.item(ACME_ADMIN, "laptop").name()).isEqualTo("Acme laptop");

    assertThat(state.get()).as("nothing of acme changed").isEqualTo(before);
  }

  @Test
  void anUndeclaredTenantIsRefused() {
    RequestFixture f = fixture(GUARD);
    Actor stranger = Actor.of("sam", "itsm-admins").inTenant("initech");
    ValidationException e = assertThrows(ValidationException.class,
        () -> f.service.query(stranger));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("actor.tenant");
    assertThrows(ValidationException.class, () -> f.catalog.items(stranger));
    assertThrows(ValidationException.class, () -> f.service.find(stranger, "REQ0000001"));
  }

  @Test
  void theLibrarysOwnIdentityPassesEveryCheck() {
    RequestFixture f = fixture(GUARD);
    Request r = laptop(f);
    assertThat(f.service.get(Actor.system(), r.number())).isEqualTo(r);
    assertThat(f.catalog.items(Actor.system())).hasSize(3);
  }
}
