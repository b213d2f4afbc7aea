package dev.itsm.core.request.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
import dev.itsm.core.access.AccessTarget;
import dev.itsm.core.access.Permission;
import dev.itsm.core.access.RecordKind;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.RecordDiff;
import dev.itsm.core.internal.Transactions;
import dev.itsm.core.request.CatalogEvent;
import dev.itsm.core.request.CatalogFile;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.RetireCatalogItem;
import dev.itsm.core.request.ServiceCatalog;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.RequestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service catalog's logic, independent of the process engine: definition rules, versions,
 * hooks and audit. Internal: no compatibility guarantees.
 */
public final class DefaultServiceCatalog implements ServiceCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultServiceCatalog.class);
  private static final Set<String> NOT_AUDITED = Set.of("definedAt", "definedBy", "tenant");
  /** The length of the audit's record number column. */
  private static final int MAX_RECORD_NUMBER = 64;

  private final Clock clock;
  private final RequestStore store;
  private final AuditStore audit;
  private final Transactions tx;
  private final CommandValidator validator;
  private final Events events;
  private final Predicate<String> calendars;
  private final BiPredicate<String, String> processes;
  private final AccessGuard guard;

  /**
   * @param clock the clock
   * @param store the request store (it keeps the catalog's versions)
   * @param audit the audit store
   * @param tx the transactions
   * @param validator the command validator
   * @param events hooks and listeners
   * @param calendars whether a business calendar of a name exists
   * @param processes whether a process of a key is deployed for a tenant (key, tenant; for items
   *     with their own process)
   * @param guard checks every call against the access policy and the actor's tenant
   */
  public DefaultServiceCatalog(Clock clock, RequestStore store, AuditStore audit,
      Transactions tx, CommandValidator validator, Events events, Predicate<String> calendars,
      BiPredicate<String, String> processes, AccessGuard guard) {
    this.clock = clock;
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.validator = validator;
    this.events = events;
    this.calendars = calendars;
    this.processes = processes;
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  @Override
  public CatalogItem define(Actor actor, CatalogItem item) {
    validator.validate(actor, item, "CatalogItem");
    guard.requireTenant(actor);
    List<Violation> problems = new ArrayList<>();
    CatalogRules.check(item, "", calendars, deployedIn(actor.tenant()), problems);
    checkRecordNumber(actor.tenant(), item, "", problems);
    failIf("CatalogItem", problems);
    guard.check(actor, Permission.CATALOG_MANAGE, target(actor.tenant(), item.id(), item));
    return tx.required(() -> store(actor, item, "catalog.define", null));
  }

  @Override
  public List<CatalogItem> define(Actor actor, Path file) {
    validator.validate(actor, file, "catalog file");
    guard.requireTenant(actor);
    List<CatalogItem> items = CatalogFile.read(file);
    List<Violation> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      CatalogItem item = items.get(i);
      CatalogRules.check(item, "items[" + i + "].", calendars, deployedIn(actor.tenant()),
          problems);
      checkRecordNumber(actor.tenant(), item, "items[" + i + "].", problems);
      Integer earlier = item.id() == null ? null : seen.putIfAbsent(item.id(), i);
      if (earlier != null) {
        problems.add(new Violation("items[" + i + "].id", "Unique", "'" + item.id()
            + "' is also the id of items[" + earlier + "]"));
      }
    }
    failIf("catalog file " + file, problems);
    for (CatalogItem item : items) {
      guard.check(actor, Permission.CATALOG_MANAGE, target(actor.tenant(), item.id(), item));
    }
    return tx.required(() -> {
      List<CatalogItem> out = new ArrayList<>();
      for (CatalogItem item : items) {
        out.add(store(actor, item, "catalog.define", null));
      }
      return out;
    });
  }

  @Override
  public CatalogItem retire(Actor actor, RetireCatalogItem c) {
    validator.validate(actor, c, "RetireCatalogItem");
    return tx.required(() -> {
      guard.requireTenant(actor);
      CatalogItem current = store.latestItem(actor.tenant(), c.item())
          .orElseThrow(() -> new RecordNotFoundException(CatalogEvent.recordNumber(
              actor.tenant(), c.item())));
      guard.check(actor, Permission.CATALOG_MANAGE, target(current.tenant(), current.id(),
          current));
      if (current.retired()) {
        failIf("RetireCatalogItem", List.of(new Violation("item", "NotRetired", "catalog item "
            + c.item() + " is retired already (version " + current.version() + ")")));
      }
      return store(actor, current.toBuilder().retired(true).build(), "catalog.retire",
          c.reason());
    });
  }

  /** Stores the next version unless the definition is unchanged (then returns the current). */
  private CatalogItem store(Actor actor, CatalogItem item, String operation, String reason) {
    String tenant = actor.tenant();
    CatalogItem current = store.latestItem(tenant, item.id()).orElse(null);
    if (item.sameDefinitionAs(current)) {
      return current;
    }
    Instant now = clock.instant();
    CatalogItem next = item.toBuilder().tenant(tenant)
        .version(current == null ? 1 : current.version() + 1).defined(now, actor.id()).build();
    CatalogEvent event = next.retired() && (current == null || !current.retired())
        ? new CatalogEvent.ItemRetired(next, current, actor, now)
        : new CatalogEvent.ItemDefined(next, current, actor, now);
    events.before(event);
    store.insertItem(next);
    List<FieldChange> changes = new ArrayList<>(RecordDiff.between(current, next, NOT_AUDITED));
    if (reason != null) {
      changes.add(new FieldChange("reason", null, reason));
    }
    audit.append(new AuditEntry(event.recordNumber(), actor.id(), operation, now, changes,
        next.tenant()));
    events.afterCommit(event);
    LOG.debug("catalog item {} version {} defined by {} in tenant {}", next.id(), next.version(),
        actor.id(), tenant);
    return next;
  }

  @Override
  public CatalogItem item(Actor actor, String id) {
    Arguments.key(id, "id");
    return find(actor, id).orElseThrow(() -> new RecordNotFoundException(
        CatalogEvent.recordNumber(actor.tenant(), id)));
  }

  @Override
  public Optional<CatalogItem> find(Actor actor, String id) {
    guard.requireTenant(actor);
    if (!Arguments.isKey(id) || id == null || id.isBlank()) {
      return Optional.empty();
    }
    guard.check(actor, Permission.CATALOG_READ, target(actor.tenant(), id, null));
    return tx.required(() -> store.latestItem(actor.tenant(), id));
  }

  @Override
  public CatalogItem item(Actor actor, String id, int version) {
    Arguments.key(id, "id");
    guard.requireTenant(actor);
    guard.check(actor, Permission.CATALOG_READ, target(actor.tenant(), id, null));
    return tx.required(() -> store.findItem(actor.tenant(), id, version)).orElseThrow(() ->
        new RecordNotFoundException(CatalogEvent.recordNumber(actor.tenant(), id) + " version "
            + version));
  }

  @Override
  public List<CatalogItem> items(Actor actor) {
    guard.check(actor, Permission.CATALOG_READ);
    return tx.required(() -> store.latestItems(actor.tenant()).stream()
        .filter(i -> !i.retired()).sorted(Comparator.comparing(CatalogItem::id)).toList());
  }

  @Override
  public List<CatalogItem> versions(Actor actor, String id) {
    Arguments.key(id, "id");
    guard.requireTenant(actor);
    guard.check(actor, Permission.CATALOG_READ, target(actor.tenant(), id, null));
    return tx.required(() -> store.itemVersions(actor.tenant(), id));
  }

  @Override
  public List<AuditEntry> auditTrail(Actor actor, String id) {
    Arguments.key(id, "id");
    guard.requireTenant(actor);
    guard.check(actor, Permission.CATALOG_READ, target(actor.tenant(), id, null));
    return tx.required(() -> audit.forRecord(CatalogEvent.recordNumber(actor.tenant(), id)));
  }

  /**
   * The facts the access policy decides on: a catalog item has no owners, groups or workers.
   *
   * @param tenant the catalog's tenant
   * @param id the item id
   * @param item the item (a definition or a stored version), or {@code null} for a read
   * @return its access target
   */
  private static AccessTarget target(String tenant, String id, CatalogItem item) {
    return new AccessTarget(RecordKind.CATALOG_ITEM, id, tenant, Set.of(), Set.of(), Set.of(),
        item);
  }

  /** Whether a process of a key is deployed for the tenant. */
  private Predicate<String> deployedIn(String tenant) {
    return key -> processes.test(key, tenant);
  }

  /**
   * The catalog's audit entries carry the record number {@code [TENANT-]catalog:<id>}, which must
   * fit the audit's record number (64 characters, schema v9); with tenant ids of at most 12
   * characters and item ids of at most 24 it always does: kept as a guard.
   */
  private static void checkRecordNumber(String tenant, CatalogItem item, String path,
      List<Violation> problems) {
    if (item.id() == null) {
      return;
    }
    String number = CatalogEvent.recordNumber(tenant, item.id());
    if (number.length() > MAX_RECORD_NUMBER) {
      problems.add(new Violation(path + "id", "Size", "'" + item.id() + "' is too long for"
          + " tenant " + tenant + ": its audit record number " + number + " has "
          + number.length() + " characters, at most " + MAX_RECORD_NUMBER + " fit; use at most "
          + (item.id().length() - (number.length() - MAX_RECORD_NUMBER)) + " characters"));
    }
  }

  private static void failIf(String command, List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(command, problems);
    }
  }
}
