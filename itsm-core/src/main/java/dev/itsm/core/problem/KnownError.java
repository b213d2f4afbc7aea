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
 * @param tenant the tenant of its problem: it is offered and found only there
 */
public record KnownError(String id, String problemNumber, String title, String rootCause,
    String workaround, String category, String service, String configurationItem,
    String publishedBy, Instant publishedAt, String tenant) {

  /** A {@code null} tenant is the default tenant. */
  public KnownError {
    tenant = tenant == null ? dev.itsm.core.Actor.DEFAULT_TENANT : tenant;
  }

  /**
   * A known error of the default tenant.
   *
   * @param id the id
   * @param problemNumber the problem
   * @param title a title
   * @param rootCause the root cause
   * @param workaround the workaround
   * @param category the category, or {@code null}
   * @param service the service, or {@code null}
   * @param configurationItem the configuration item, or {@code null}
   * @param publishedBy who published it
   * @param publishedAt when
   */
  public KnownError(String id, String problemNumber, String title, String rootCause,
      String workaround, String category, String service, String configurationItem,
      String publishedBy, Instant publishedAt) {
    this(id, problemNumber, title, rootCause, workaround, category, service, configurationItem,
        publishedBy, publishedAt, dev.itsm.core.Actor.DEFAULT_TENANT);
  }
}
