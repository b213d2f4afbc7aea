package dev.itsm.core.request;

/** How a catalog item's fulfilment tasks are ordered. */
public enum FulfilmentOrder {
  /** One after the other (one task per stage). */
  SEQUENTIAL,
  /** All at once (one stage). */
  PARALLEL,
  /** Both: stages one after the other, with several tasks at once in some stage. */
  STAGED
}
