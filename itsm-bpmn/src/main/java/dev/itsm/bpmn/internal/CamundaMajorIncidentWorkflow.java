package dev.itsm.bpmn.internal;

import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.major.internal.MajorIncidentWorkflow;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives {@code major-incident.bpmn} (the stakeholder update cadence and the post-incident review)
 * and switches off the auto-close of the promoted incident's own process: a major incident closes
 * when its review is completed.
 */
public final class CamundaMajorIncidentWorkflow implements MajorIncidentWorkflow {

  /** Process definition key. */
  public static final String KEY = "itsm-major-incident";
  /** The auto-close period given to a promoted incident's process (never reached). */
  static final String NO_AUTO_CLOSE = "P36500D";

  private final ProcessDriver driver;
  private final String managers;

  /**
   * @param driver moves the major incident process instances
   * @param managers the major incident managers group
   */
  public CamundaMajorIncidentWorkflow(ProcessDriver driver, String managers) {
    this.driver = driver;
    this.managers = managers;
  }

  @Override
  public void started(MajorIncident m) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("incidentNumber", m.incidentNumber());
    vars.put("majorIncidentManagers", managers);
    vars.put("majorIncidentManager", m.manager());
    vars.put("nextUpdateDue", Date.from(m.nextUpdateDue()));
    ProcessDriver.instanceOf(driver.engine(), KEY, m.tenant())
        .businessKey(m.incidentNumber()).setVariables(vars).execute();
    driver.engine().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(IncidentProcessModel.KEY)
        .processInstanceBusinessKey(m.incidentNumber()).list()
        .forEach(pi -> driver.engine().getRuntimeService().setVariable(pi.getId(),
            IncidentProcessModel.VAR_AUTO_CLOSE_AFTER, NO_AUTO_CLOSE));
  }

  @Override
  public void updatePosted(MajorIncident m) {
    driver.correlate(m.incidentNumber(), "a major incident", "itsm.major.update",
        Map.of("nextUpdateDue", Date.from(m.nextUpdateDue())));
  }

  @Override
  public void resolved(MajorIncident m) {
    driver.correlate(m.incidentNumber(), "a resolved major incident", "itsm.major.resolved",
        Map.of());
  }

  @Override
  public void reviewed(MajorIncident m) {
    driver.complete(m.incidentNumber(), "a resolved major incident", "review", Map.of());
  }

  @Override
  public void cancelled(MajorIncident m) {
    driver.correlate(m.incidentNumber(), "a cancelled major incident", "itsm.major.cancel",
        Map.of());
  }
}
