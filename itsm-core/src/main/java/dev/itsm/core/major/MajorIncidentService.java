package dev.itsm.core.major;

import dev.itsm.core.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Major incidents: promotion, the stakeholder update cadence (a BPMN timer escalates a missed
 * update), child incidents resolved with their parent, and the mandatory post-incident review
 * (a major incident cannot be closed without it; completing it closes the incident; major
 * incidents are not closed automatically). Every call names the acting user first and is checked
 * against the engine's access policy: promoting needs {@code major-incident.promote}; posting
 * updates and linking children {@code major-incident.update}; completing the review
 * {@code major-incident.review}; reads {@code major-incident.read}. A denied call throws
 * {@link dev.itsm.core.access.AccessDeniedException} and changes nothing; a major incident belongs
 * to its incident's tenant and is not found from another
 * ({@link dev.itsm.core.RecordNotFoundException}).
 */
public interface MajorIncidentService {

  /**
   * @param actor the acting user; checked for {@code major-incident.promote}
   * @param command the incident and manager
   * @return the major incident
   */
  MajorIncident promote(Actor actor, PromoteToMajor command);

  /**
   * @param actor the acting user; checked for {@code major-incident.update}
   * @param command the update
   * @return the major incident
   */
  MajorIncident postUpdate(Actor actor, PostStakeholderUpdate command);

  /**
   * @param actor the acting user; checked for {@code major-incident.update}
   * @param command parent and child (an incident of the same tenant)
   * @return the major incident
   */
  MajorIncident linkChild(Actor actor, LinkChildIncident command);

  /**
   * @param actor the acting user; checked for {@code major-incident.review}
   * @param command the findings
   * @return the major incident, reviewed
   */
  MajorIncident completeReview(Actor actor, CompletePostIncidentReview command);

  /**
   * @param actor the acting user; checked for {@code major-incident.read}
   * @param number an incident
   * @return its major incident record, if promoted and in the actor's tenant
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not read it
   */
  Optional<MajorIncident> find(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code major-incident.read}
   * @param number an incident
   * @return its major incident record
   * @throws dev.itsm.core.RecordNotFoundException when it is not a major incident of the actor's
   *     tenant
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not read it
   */
  MajorIncident get(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code major-incident.read}
   * @return major incidents of the actor's tenant not yet reviewed, newest first
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may read no major incident
   */
  List<MajorIncident> active(Actor actor);
}
