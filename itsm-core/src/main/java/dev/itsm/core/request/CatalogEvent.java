package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;

/**
 * Something that happened to the service catalog: a new version of an item. Hooks and listeners
 * see it like record events; its {@link #recordNumber()} is {@code catalog:<item id>}.
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
    return RECORD_PREFIX + item().id();
  }

  /** A version of an item was defined. @param item the new version @param previous the one before, or {@code null} @param actor who @param occurredAt when */
  record ItemDefined(CatalogItem item, CatalogItem previous, Actor actor, Instant occurredAt)
      implements CatalogEvent {}

  /** An item was retired (a version marked retired). @param item the new version @param previous the one before @param actor who @param occurredAt when */
  record ItemRetired(CatalogItem item, CatalogItem previous, Actor actor, Instant occurredAt)
      implements CatalogEvent {}
}
