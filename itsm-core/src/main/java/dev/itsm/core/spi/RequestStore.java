package dev.itsm.core.spi;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.Request;
import dev.itsm.core.request.RequestDecision;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of service requests (with their form values and fulfilment tasks), their timeline
 * and approver decisions, and of the versions of the service catalog's items. Requests keep their
 * tenant (their numbers are unique across tenants); each tenant has its own catalog. The default is
 * {@code JdbcRequestStore} on the engine's database; a host may plug in its own, which must work in
 * the caller's transaction (see {@link ConnectionSource}).
 */
public interface RequestStore {

  /**
   * @param tenant a tenant
   * @return the next value of the tenant's request number sequence
   */
  long nextSequence(String tenant);

  /** @param request a new request (version 1) */
  void insert(Request request);

  /**
   * Stores a new version of a request.
   *
   * @param request the request with {@code version} one higher than the stored one
   * @throws ConcurrentModificationException when the stored version is not {@code version - 1}
   */
  void update(Request request);

  /** @param number a request number @return the request */
  Optional<Request> find(String number);

  /** @param criteria what to find @return the matching requests in the requested order */
  List<Request> query(RequestCriteria criteria);

  /** @param criteria what to count (order, offset and limit ignored) @return how many match */
  long count(RequestCriteria criteria);

  /** @param number a request @param entry the entry to append */
  void appendTimeline(String number, TimelineEntry entry);

  /** @param number a request @return its timeline, oldest first */
  List<TimelineEntry> timeline(String number);

  /** @param decision an approver's decision to record */
  void appendDecision(RequestDecision decision);

  /** @param number a request @return its decisions, oldest first */
  List<RequestDecision> decisions(String number);

  /**
   * Stores a new version of a catalog item in its tenant's catalog.
   *
   * @param item the item, with its tenant, version, time and author set
   * @throws ConcurrentModificationException when that version of the item exists already
   */
  void insertItem(CatalogItem item);

  /**
   * @param tenant the tenant whose catalog to read
   * @param id an item id
   * @param version a version
   * @return that version of the item
   */
  Optional<CatalogItem> findItem(String tenant, String id, int version);

  /** @param tenant the tenant whose catalog to read @param id an item id @return its highest version */
  Optional<CatalogItem> latestItem(String tenant, String id);

  /**
   * @param tenant the tenant whose catalog to read
   * @return the highest version of every item (retired ones included), by id
   */
  List<CatalogItem> latestItems(String tenant);

  /** @param tenant the tenant whose catalog to read @param id an item id @return all its versions, oldest first */
  List<CatalogItem> itemVersions(String tenant, String id);
}
