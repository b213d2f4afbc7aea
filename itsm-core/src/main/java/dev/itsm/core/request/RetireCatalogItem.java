package dev.itsm.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: take an item out of the catalog. A new version marked retired is defined; requests made
 * earlier go on with their version, new requests for the item are refused.
 *
 * @param item the item's id
 * @param reason why (required)
 */
public record RetireCatalogItem(@NotBlank @Size(max = 24) String item,
    @NotBlank @Size(max = 4000) String reason) {}
