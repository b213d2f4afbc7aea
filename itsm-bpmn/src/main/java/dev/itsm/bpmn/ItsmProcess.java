package dev.itsm.bpmn;

/**
 * The ITSM practices the library ships as BPMN processes. Choose the ones to deploy on
 * {@link ItsmEngine.Builder#processes(ItsmProcess...)} ("adopt"): the others are not deployed and
 * their API refuses calls.
 */
public enum ItsmProcess {

  /** Incident management: {@code itsm/processes/incident.bpmn}, key {@code itsm-incident}. */
  INCIDENT("itsm-incident", "itsm/processes/incident.bpmn"),

  /**
   * Change enablement: {@code itsm/processes/change.bpmn}, key {@code itsm-change}. Works alone;
   * with {@link #INCIDENT} also deployed, links to incidents are checked and a successful change
   * can resolve them.
   */
  CHANGE("itsm-change", "itsm/processes/change.bpmn"),

  /**
   * Problem management with the known error database: {@code itsm/processes/problem.bpmn}, key
   * {@code itsm-problem}. Works alone; with {@link #INCIDENT} it offers known errors for new
   * incidents, proposes problems from repeated incidents and resolves linked incidents; with
   * {@link #CHANGE} a successful fixing change resolves the problem.
   */
  PROBLEM("itsm-problem", "itsm/processes/problem.bpmn"),

  /**
   * Major incidents: {@code itsm/processes/major-incident.bpmn}, key {@code itsm-major-incident}
   * (stakeholder update cadence, post-incident review, child incidents). Needs {@link #INCIDENT}.
   */
  MAJOR_INCIDENT("itsm-major-incident", "itsm/processes/major-incident.bpmn"),

  /**
   * Service request management: {@code itsm/processes/request.bpmn}, key {@code itsm-request}, one
   * generic process for every item of the service catalog ({@code engine.catalog()}). Works alone.
   */
  REQUEST("itsm-request", "itsm/processes/request.bpmn");

  private final String key;
  private final String resource;

  ItsmProcess(String key, String resource) {
    this.key = key;
    this.resource = resource;
  }

  /** @return the process definition key, e.g. {@code itsm-incident} */
  public String key() {
    return key;
  }

  /** @return the class-path resource of the shipped diagram */
  public String resource() {
    return resource;
  }
}
