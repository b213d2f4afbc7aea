package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.access.AccessDeniedException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.audit.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The service catalog: the items that can be requested, versioned. Defining an item again creates
 * a new version (when its definition changed); requests keep the version they were made with, also
 * across restarts. Each tenant has its own catalog: every call, reads included, names the acting
 * user, is checked against the engine's access policy ({@code catalog.read} or
 * {@code catalog.manage}) and works on the actor's tenant's catalog. Every call that changes the
 * catalog is audited (record {@code catalog:<id>}, in another tenant e.g.
 * {@code ACME-catalog:<id>}) and publishes a {@link CatalogEvent}.
 *
 * <pre>{@code
 * ServiceCatalog catalog = engine.catalog();
 * catalog.define(admin, CatalogItem.builder("laptop").name("Standard laptop")...build());  // v1
 * catalog.define(admin, catalog.item(admin, "laptop").toBuilder().deliveryNote("...").build());  // v2
 * catalog.define(admin, Path.of("catalog.json"));        // the declarative file, see CatalogFile
 * }</pre>
 */
public interface ServiceCatalog {

  /**
   * Defines an item in the actor's tenant's catalog: version 1 of a new id, or the next version
   * of an existing one. A definition equal to the current version's is not stored again.
   *
   * @param actor who; checked for {@code catalog.manage}; the item is defined in the actor's
   *     tenant (its {@code tenant} is set from the actor)
   * @param item the definition (its version, time, author and tenant are set by the catalog)
   * @return the current version
   * @throws ValidationException listing every problem of the definition, e.g.
   *     {@code fields[1].options}; nothing is stored
   * @throws AccessDeniedException when the actor lacks {@code catalog.manage}
   */
  CatalogItem define(Actor actor, CatalogItem item);

  /**
   * Defines every item of a declarative catalog file ({@link CatalogFile}) in the actor's tenant's
   * catalog; all or none.
   *
   * @param actor who; checked for {@code catalog.manage}
   * @param file the JSON file
   * @return the current version of each item in the file, in file order
   * @throws ValidationException naming the file and every problem, e.g. {@code items[2].fields[0].type}
   * @throws AccessDeniedException when the actor lacks {@code catalog.manage}
   */
  List<CatalogItem> define(Actor actor, Path file);

  /**
   * @param actor who; checked for {@code catalog.manage}
   * @param command the item and why
   * @return the new, retired version
   * @throws RecordNotFoundException when the actor's tenant has no such item
   * @throws AccessDeniedException when the actor lacks {@code catalog.manage}
   */
  CatalogItem retire(Actor actor, RetireCatalogItem command);

  /**
   * @param actor the acting user; checked for {@code catalog.read}
   * @param id an item id
   * @return its current version in the actor's tenant
   * @throws RecordNotFoundException if the actor's tenant has no such item
   * @throws AccessDeniedException when the actor lacks {@code catalog.read}
   */
  CatalogItem item(Actor actor, String id);

  /**
   * @param actor the acting user; checked for {@code catalog.read}
   * @param id an item id
   * @return its current version, if the actor's tenant has the item
   * @throws AccessDeniedException when the actor lacks {@code catalog.read}
   */
  Optional<CatalogItem> find(Actor actor, String id);

  /**
   * @param actor the acting user; checked for {@code catalog.read}
   * @param id an item id
   * @param version a version
   * @return that version
   * @throws RecordNotFoundException if the actor's tenant has no such version
   * @throws AccessDeniedException when the actor lacks {@code catalog.read}
   */
  CatalogItem item(Actor actor, String id, int version);

  /**
   * @param actor the acting user; checked for {@code catalog.read}
   * @return the current version of every item of the actor's tenant that is not retired, by id
   * @throws AccessDeniedException when the actor lacks {@code catalog.read}
   */
  List<CatalogItem> items(Actor actor);

  /**
   * @param actor the acting user; checked for {@code catalog.read}
   * @param id an item id
   * @return all its versions in the actor's tenant, oldest first (empty when there is none)
   * @throws AccessDeniedException when the actor lacks {@code catalog.read}
   */
  List<CatalogItem> versions(Actor actor, String id);

  /**
   * @param actor the acting user; checked for {@code catalog.read}
   * @param id an item id
   * @return its audit trail in the actor's tenant, oldest first
   * @throws AccessDeniedException when the actor lacks {@code catalog.read}
   */
  List<AuditEntry> auditTrail(Actor actor, String id);
}
