package dev.itsm.core.problem;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;
import java.util.List;

/**
 * Known errors were found for a newly opened incident (same configuration item, service or
 * category): the service desk can apply a workaround at once. Delivered to hooks and listeners;
 * the matches also go on the incident's timeline.
 *
 * @param recordNumber the incident
 * @param knownErrors the matching known errors, most specific first
 * @param actor who opened the incident
 * @param occurredAt when
 */
public record KnownErrorMatch(String recordNumber, List<KnownError> knownErrors, Actor actor,
    Instant occurredAt) implements ItsmEvent {

  /** Copies the list. */
  public KnownErrorMatch {
    knownErrors = List.copyOf(knownErrors);
  }
}
