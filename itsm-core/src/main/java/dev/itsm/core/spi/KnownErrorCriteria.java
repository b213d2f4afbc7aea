package dev.itsm.core.spi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A known error search; {@code null}: no restriction. Restrictions combine with AND.
 *
 * @param text case-insensitive text in title, root cause or workaround
 * @param service the service
 * @param configurationItem the configuration item
 * @param category the category
 * @param limit rows to return, 1..1000 (newest first)
 * @param tenant only known errors of this tenant; {@code null}: any tenant (the library's own
 *     use, never for a user's search)
 */
public record KnownErrorCriteria(@Size(max = 200) String text, String service,
    String configurationItem, String category, @Min(1) @Max(1000) int limit, String tenant) {}
