package dev.itsm.core.major;

import dev.itsm.core.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Major incidents: promotion, the stakeholder update cadence (a BPMN timer escalates a missed
 * update), child incidents resolved with their parent, and the mandatory post-incident review
 * (a major incident cannot be closed without it; completing it closes the incident; major
 * incidents are not closed automatically).
 */
public interface MajorIncidentService {

  /** @param actor who @param command the incident and manager @return the major incident */
  MajorIncident promote(Actor actor, PromoteToMajor command);

  /** @param actor who @param command the update @return the major incident */
  MajorIncident postUpdate(Actor actor, PostStakeholderUpdate command);

  /** @param actor who @param command parent and child @return the major incident */
  MajorIncident linkChild(Actor actor, LinkChildIncident command);

  /** @param actor who @param command the findings @return the major incident, reviewed */
  MajorIncident completeReview(Actor actor, CompletePostIncidentReview command);

  /** @param number an incident @return its major incident record, if promoted */
  Optional<MajorIncident> find(String number);

  /**
   * @param number an incident
   * @return its major incident record
   * @throws dev.itsm.core.RecordNotFoundException when it is not a major incident
   */
  MajorIncident get(String number);

  /** @return major incidents not yet reviewed, newest first */
  List<MajorIncident> active();
}
