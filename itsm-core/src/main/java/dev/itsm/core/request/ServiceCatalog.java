package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.audit.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The service catalog: the items that can be requested, versioned. Defining an item again creates
 * a new version (when its definition changed); requests keep the version they were made with, also
 * across restarts. Every call that changes the catalog names the acting user, is audited (record
 * {@code catalog:<id>}) and publishes a {@link CatalogEvent}.
 *
 * <pre>{@code
 * ServiceCatalog catalog = engine.catalog();
 * catalog.define(admin, CatalogItem.builder("laptop").name("Standard laptop")...build());  // v1
 * catalog.define(admin, catalog.item("laptop").toBuilder().deliveryNote("...").build());  // v2
 * catalog.define(admin, Path.of("catalog.json"));        // the declarative file, see CatalogFile
 * }</pre>
 */
public interface ServiceCatalog {

  /**
   * Defines an item: version 1 of a new id, or the next version of an existing one. A definition
   * equal to the current version's is not stored again.
   *
   * @param actor who
   * @param item the definition (its version, time and author are set by the catalog)
   * @return the current version
   * @throws ValidationException listing every problem of the definition, e.g.
   *     {@code fields[1].options}; nothing is stored
   */
  CatalogItem define(Actor actor, CatalogItem item);

  /**
   * Defines every item of a declarative catalog file ({@link CatalogFile}); all or none.
   *
   * @param actor who
   * @param file the JSON file
   * @return the current version of each item in the file, in file order
   * @throws ValidationException naming the file and every problem, e.g. {@code items[2].fields[0].type}
   */
  List<CatalogItem> define(Actor actor, Path file);

  /**
   * @param actor who
   * @param command the item and why
   * @return the new, retired version
   */
  CatalogItem retire(Actor actor, RetireCatalogItem command);

  /** @param id an item id @return its current version @throws RecordNotFoundException if none */
  CatalogItem item(String id);

  /** @param id an item id @return its current version, if the item exists */
  Optional<CatalogItem> find(String id);

  /**
   * @param id an item id
   * @param version a version
   * @return that version
   * @throws RecordNotFoundException if there is no such version
   */
  CatalogItem item(String id, int version);

  /** @return the current version of every item that is not retired, by id */
  List<CatalogItem> items();

  /** @param id an item id @return all its versions, oldest first */
  List<CatalogItem> versions(String id);

  /** @param id an item id @return its audit trail, oldest first */
  List<AuditEntry> auditTrail(String id);
}
