package dev.itsm.core.metrics;

/**
 * Requests submitted in the period for one catalog item (all its versions together).
 *
 * @param itemId the catalog item's id, e.g. {@code laptop}
 * @param itemName the name of the item's newest version in the catalog
 * @param submitted requests for the item submitted in the period
 */
public record ItemVolume(String itemId, String itemName, long submitted) {}
