package dev.itsm.core.major;

import dev.itsm.core.Actor;
import dev.itsm.core.ItsmEvent;
import java.time.Instant;

/** Something that happened to a major incident; hooks may veto, listeners see it after commit. */
public sealed interface MajorIncidentEvent extends ItsmEvent {

  /** @return the major incident after the event */
  MajorIncident majorIncident();

  @Override
  default String recordNumber() {
    return majorIncident().incidentNumber();
  }

  /** An incident was promoted. @param majorIncident it @param actor who @param occurredAt when */
  record Promoted(MajorIncident majorIncident, Actor actor, Instant occurredAt)
      implements MajorIncidentEvent {}

  /**
   * A stakeholder update was posted: send it to the stakeholders.
   *
   * @param majorIncident it @param text the update @param actor who @param occurredAt when
   */
  record UpdatePosted(MajorIncident majorIncident, String text, Actor actor, Instant occurredAt)
      implements MajorIncidentEvent {}

  /**
   * An update fell due and none was posted: escalate.
   *
   * @param majorIncident it @param escalateTo the escalation group @param actor system
   * @param occurredAt when
   */
  record UpdateMissed(MajorIncident majorIncident, String escalateTo, Actor actor,
      Instant occurredAt) implements MajorIncidentEvent {}

  /** A child was linked. @param majorIncident it @param child the child @param actor who @param occurredAt when */
  record ChildLinked(MajorIncident majorIncident, String child, Actor actor, Instant occurredAt)
      implements MajorIncidentEvent {}

  /** The post-incident review was recorded. @param majorIncident it @param actor who @param occurredAt when */
  record Reviewed(MajorIncident majorIncident, Actor actor, Instant occurredAt)
      implements MajorIncidentEvent {}
}
