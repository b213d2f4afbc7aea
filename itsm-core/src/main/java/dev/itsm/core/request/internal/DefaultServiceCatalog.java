package dev.itsm.core.request.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.audit.FieldChange;
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
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service catalog's logic, independent of the process engine: definition rules, versions,
 * hooks and audit. Internal: no compatibility guarantees.
 */
public final class DefaultServiceCatalog implements ServiceCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultServiceCatalog.class);
  private static final Set<String> NOT_AUDITED = Set.of("definedAt", "definedBy");

  private final Clock clock;
  private final RequestStore store;
  private final AuditStore audit;
  private final Transactions tx;
  private final CommandValidator validator;
  private final Events events;
  private final Predicate<String> calendars;
  private final Predicate<String> processes;

  /**
   * @param clock the clock
   * @param store the request store (it keeps the catalog's versions)
   * @param audit the audit store
   * @param tx the transactions
   * @param validator the command validator
   * @param events hooks and listeners
   * @param calendars whether a business calendar of a name exists
   * @param processes whether a process of a key is deployed (for items with their own process)
   */
  public DefaultServiceCatalog(Clock clock, RequestStore store, AuditStore audit,
      Transactions tx, CommandValidator validator, Events events, Predicate<String> calendars,
      Predicate<String> processes) {
    this.clock = clock;
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.validator = validator;
    this.events = events;
    this.calendars = calendars;
    this.processes = processes;
  }

  @Override
  public CatalogItem define(Actor actor, CatalogItem item) {
    validator.validate(actor, item, "CatalogItem");
    List<Violation> problems = new ArrayList<>();
    CatalogRules.check(item, "", calendars, processes, problems);
    failIf("CatalogItem", problems);
    return tx.required(() -> store(actor, item, "catalog.define", null));
  }

  @Override
  public List<CatalogItem> define(Actor actor, Path file) {
    validator.validate(actor, file, "catalog file");
    List<CatalogItem> items = CatalogFile.read(file);
    List<Violation> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      CatalogItem item = items.get(i);
      CatalogRules.check(item, "items[" + i + "].", calendars, processes, problems);
      Integer earlier = item.id() == null ? null : seen.putIfAbsent(item.id(), i);
      if (earlier != null) {
        problems.add(new Violation("items[" + i + "].id", "Unique", "'" + item.id()
            + "' is also the id of items[" + earlier + "]"));
      }
    }
    failIf("catalog file " + file, problems);
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
      CatalogItem current = store.latestItem(c.item())
          .orElseThrow(() -> new RecordNotFoundException(CatalogEvent.RECORD_PREFIX + c.item()));
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
    CatalogItem current = store.latestItem(item.id()).orElse(null);
    if (item.sameDefinitionAs(current)) {
      return current;
    }
    Instant now = clock.instant();
    CatalogItem next = item.toBuilder().version(current == null ? 1 : current.version() + 1)
        .defined(now, actor.id()).build();
    CatalogEvent event = next.retired() && (current == null || !current.retired())
        ? new CatalogEvent.ItemRetired(next, current, actor, now)
        : new CatalogEvent.ItemDefined(next, current, actor, now);
    events.before(event);
    store.insertItem(next);
    List<FieldChange> changes = new ArrayList<>(RecordDiff.between(current, next, NOT_AUDITED));
    if (reason != null) {
      changes.add(new FieldChange("reason", null, reason));
    }
    audit.append(new AuditEntry(event.recordNumber(), actor.id(), operation, now, changes));
    events.afterCommit(event);
    LOG.debug("catalog item {} version {} defined by {}", next.id(), next.version(), actor.id());
    return next;
  }

  @Override
  public CatalogItem item(String id) {
    Arguments.key(id, "id");
    return find(id).orElseThrow(() -> new RecordNotFoundException(CatalogEvent.RECORD_PREFIX
        + id));
  }

  @Override
  public Optional<CatalogItem> find(String id) {
    if (!Arguments.isKey(id)) {
      return Optional.empty();
    }
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return tx.required(() -> store.latestItem(id));
  }

  @Override
  public CatalogItem item(String id, int version) {
    Arguments.key(id, "id");
    return tx.required(() -> store.findItem(id, version)).orElseThrow(() ->
        new RecordNotFoundException(CatalogEvent.RECORD_PREFIX + id + " version " + version));
  }

  @Override
  public List<CatalogItem> items() {
    return tx.required(() -> store.latestItems().stream().filter(i -> !i.retired())
        .sorted(Comparator.comparing(CatalogItem::id)).toList());
  }

  @Override
  public List<CatalogItem> versions(String id) {
    Arguments.key(id, "id");
    return tx.required(() -> store.itemVersions(id));
  }

  @Override
  public List<AuditEntry> auditTrail(String id) {
    Arguments.key(id, "id");
    return tx.required(() -> audit.forRecord(CatalogEvent.RECORD_PREFIX + id));
  }

  private static void failIf(String command, List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(command, problems);
    }
  }
}
