package dev.itsm.core.access;

/**
 * Which records of a kind an actor's queries return, within the actor's tenant.
 *
 * @see dev.itsm.core.spi.AccessPolicy#readScope(dev.itsm.core.Actor, RecordKind)
 */
public enum ReadScope {
  /** Every record of the tenant. */
  ALL,
  /**
   * Only the actor's own records: incidents they are the caller of, changes and requests they
   * requested (or a request is for them).
   */
  OWN,
  /** None: a query is refused with {@link AccessDeniedException}. */
  NONE
}
