package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;
import java.util.Locale;

/**
 * Something that happened to the service catalog: a new version of an item. Hooks and listeners
 * see it like record events; its {@link #recordNumber()} is {@code catalog:<item id>} in the
 * default tenant and {@code <TENANT>-catalog:<item id>} in another (e.g. {@code ACME-catalog:laptop}),
 * like record numbers, so the audit trails of the tenants' catalogs stay apart.
 */
public sealed interface CatalogEvent extends ItsmEvent {

  /** The prefix of the record number of catalog events and audit entries. */
  String RECORD_PREFIX = "catalog:";

  /** @return the new version */
  CatalogItem item();

  /** @return the version before, or {@code null} for a new item */
  CatalogItem previous();

  @Override
  default String recordNumber() {
    return recordNumber(item().tenant(), item().id());
  }

  /**
   * @param tenant a tenant
   * @param itemId an item id
   * @return the record number of the item's catalog events and audit entries in the tenant
   */
  static String recordNumber(String tenant, String itemId) {
    return tenant == null || Actor.DEFAULT_TENANT.equals(tenant) ? RECORD_PREFIX + itemId
        : tenant.toUpperCase(Locale.ROOT) + "-" + RECORD_PREFIX + itemId;
  }

  /** A version of an item was defined. @param item the new version @param previous the one before, or {@code null} @param actor who @param occurredAt when */
  record ItemDefined(CatalogItem item, CatalogItem previous, Actor actor, Instant occurredAt)
      implements CatalogEvent {}

  /** An item was retired (a version marked retired). @param item the new version @param previous the one before @param actor who @param occurredAt when */
  record ItemRetired(CatalogItem item, CatalogItem previous, Actor actor, Instant occurredAt)
      implements CatalogEvent {}
}
