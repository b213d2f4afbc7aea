package dev.itsm.core.problem;

import java.util.List;

/**
 * A search of the known error database, newest first; restrictions combine with AND.
 *
 * <pre>{@code
 * engine.problems().knownErrors().text("certificate").service("vpn").list();
 * }</pre>
 */
public interface KnownErrorQuery {

  /** @param text case-insensitive text in title, root cause or workaround @return this */
  KnownErrorQuery text(String text);

  /** @param service the service @return this */
  KnownErrorQuery service(String service);

  /** @param configurationItem the configuration item @return this */
  KnownErrorQuery configurationItem(String configurationItem);

  /** @param category the category @return this */
  KnownErrorQuery category(String category);

  /** @param limit at most this many, 1..1000, default 50 @return this */
  KnownErrorQuery limit(int limit);

  /** @return the matches */
  List<KnownError> list();
}
