package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import dev.itsm.core.MutableClock;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.request.internal.DefaultRequestService;
import dev.itsm.core.request.internal.DefaultServiceCatalog;
import dev.itsm.core.request.internal.RequestWorkflow;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.spi.BeforeHook;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.store.memory.InMemoryAuditStore;
import dev.itsm.core.store.memory.InMemoryRequestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service catalog and request service for unit tests: in-memory stores, local transactions, a
 * {@link MutableClock}, a small directory with managers, and three items defined: a laptop
 * (manager approval, two sequential tasks), access to a system (group approval, two parallel
 * tasks) and an onboarding kit (no approval, two parallel tasks then one).
 *
 * <p>People: carol's and dave's manager is mia, rita's manager is carol; security-owners are sol,
 * sid, sue and carol.
 */
public final class RequestFixture {

  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  public static final Actor ADMIN = Actor.of("cathy", "catalog-managers");
  public static final Actor CAROL = Actor.of("carol", "security-owners");
  public static final Actor DAVE = Actor.of("dave");
  public static final Actor RITA = Actor.of("rita");
  public static final Actor MIA = Actor.of("mia");
  public static final Actor SOL = Actor.of("sol", "security-owners");
  public static final Actor SID = Actor.of("sid", "security-owners");
  public static final Actor PAT = Actor.of("pat", "procurement");
  public static final Actor DAN = Actor.of("dan", "desktop-support");
  public static final Actor IAN = Actor.of("ian", "identity");
  public static final Actor NORA = Actor.of("nora", "network");
  public static final Actor NOBODY = Actor.of("nils", "service-desk");
  /** A service desk agent: closes requests (RoleModel.standard() grants request.close to the service desk). */
  public static final Actor DESK = Actor.of("desmond", "service-desk");

  public static final Directory DIRECTORY = Directory.of(
      Map.of("security-owners", Set.of("sol", "sid", "sue", "carol")),
      Map.of("carol", "mia", "dave", "mia", "rita", "carol"));

  /** Manager approval, two sequential tasks, a 5-day target, every field type. */
  public static final CatalogItem LAPTOP = CatalogItem.builder("laptop")
      .name("Standard laptop").description("A 14-inch business laptop with a docking station")
      .field(FormField.choice("model", "14-inch", "16-inch").label("Model").required()
          .message("Choose the 14-inch or the 16-inch model"))
      .field(FormField.number("ram").label("Memory (GB)").min(8).max(64))
      .field(FormField.date("neededBy").label("Needed by"))
      .field(FormField.text("justification").maxLength(200)
          .message("Say in up to 200 characters why you need it"))
      .field(FormField.bool("dock"))
      .approval(RequestApproval.manager())
      .sequential(FulfilmentTask.of("Order hardware", "procurement"),
          FulfilmentTask.of("Image and hand over", "desktop-support"))
      .serviceLevel(Duration.ofDays(5))
      .deliveryNote("Your laptop is ready at the IT desk, floor 2")
      .build();

  /** Group approval (ANY of security-owners), two parallel tasks. */
  public static final CatalogItem ACCESS = CatalogItem.builder("system-access")
      .name("Access to a business system")
      .field(FormField.choice("system", "crm", "erp", "payroll").required())
      .field(FormField.text("role").required().pattern("[a-z][a-z-]*")
          .message("Name the role in lower-case letters and dashes, e.g. sales-rep"))
      .approval(RequestApproval.group("security-owners"))
      .parallel(FulfilmentTask.of("Create account", "identity"),
          FulfilmentTask.of("Open firewall", "network"))
      .deliveryNote("Your account is active; the password comes by text message")
      .build();

  /** No approval: two parallel tasks, then one. */
  public static final CatalogItem ONBOARDING = CatalogItem.builder("onboarding")
      .name("Onboarding kit")
      .parallel(FulfilmentTask.of("Create account", "identity"),
          FulfilmentTask.of("Order hardware", "procurement"))
      .sequential(FulfilmentTask.of("Welcome session", "desktop-support"))
      .build();

  private static final CommandValidator VALIDATOR = new CommandValidator();

  public final MutableClock clock = new MutableClock(T0);
  public final InMemoryRequestStore store = new InMemoryRequestStore();
  public final InMemoryAuditStore audit = new InMemoryAuditStore();
  public final List<ItsmEvent> published = new ArrayList<>();
  public final DefaultRequestService service;
  public final DefaultServiceCatalog catalog;

  /**
   * @param directory the directory
   * @param hooks before-hooks
   * @param workflow the process side
   */
  public RequestFixture(Directory directory, List<BeforeHook> hooks, RequestWorkflow workflow) {
    this(directory, hooks, workflow, AccessGuard.PERMIT_ALL);
  }

  /**
   * @param directory the directory
   * @param hooks before-hooks
   * @param workflow the process side
   * @param guard the access guard
   */
  public RequestFixture(Directory directory, List<BeforeHook> hooks, RequestWorkflow workflow,
      AccessGuard guard) {
    Transactions tx = Transactions.local();
    AfterListener recorder = published::add;
    Events events = new Events(tx, hooks, List.of(recorder));
    service = new DefaultRequestService(new DefaultRequestService.Settings(clock, directory,
        NumberingPolicy.standard()), store, audit, tx, workflow, VALIDATOR, events, guard);
    catalog = new DefaultServiceCatalog(clock, store, audit, tx, VALIDATOR, events,
        name -> name.equals("24x7") || name.equals("office"),
        (key, tenant) -> key.equals("laptop-imaging"), guard);
  }

  /** @return a fixture with the three items defined and no events recorded yet */
  public static RequestFixture standard() {
    RequestFixture f = new RequestFixture(DIRECTORY, List.of(), RequestWorkflow.NONE);
    f.catalog.define(ADMIN, LAPTOP);
    f.catalog.define(ADMIN, ACCESS);
    f.catalog.define(ADMIN, ONBOARDING);
    f.published.clear();
    return f;
  }

  /** @return a laptop request by carol, awaiting mia's approval */
  public Request laptop() {
    return service.submit(CAROL, SubmitRequest.builder().item("laptop").value("model", "14-inch")
        .value("ram", 16).value("neededBy", "2026-03-09").value("dock", true)
        .comment("My old one no longer charges").build());
  }

  /** @return an access request by dave, awaiting a security owner */
  public Request access() {
    return service.submit(DAVE, SubmitRequest.builder().item("system-access")
        .value("system", "crm").value("role", "sales-rep").build());
  }

  /** @param policy the approval policy of the access item @return this, the access item redefined */
  public RequestFixture accessApprovedBy(ApprovalPolicy policy) {
    catalog.define(ADMIN, ACCESS.toBuilder().approval(RequestApproval.group("security-owners",
        policy)).build());
    return this;
  }
}
