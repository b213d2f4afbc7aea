package dev.itsm.core.problem;

import java.time.Instant;

/**
 * A published known error: a problem's root cause and workaround, searchable by the service desk
 * so the workaround can be applied at once when a matching incident comes in.
 *
 * @param id the id, e.g. {@code KE0000001}
 * @param problemNumber the problem it comes from
 * @param title a title
 * @param rootCause the root cause
 * @param workaround the workaround
 * @param category the category, or {@code null}
 * @param service the service, or {@code null}
 * @param configurationItem the configuration item, or {@code null}
 * @param publishedBy who published it
 * @param publishedAt when
 */
public record KnownError(String id, String problemNumber, String title, String rootCause,
    String workaround, String category, String service, String configurationItem,
    String publishedBy, Instant publishedAt) {}
