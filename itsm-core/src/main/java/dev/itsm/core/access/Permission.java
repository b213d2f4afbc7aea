package dev.itsm.core.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API call needs. Every method of the practice services, the catalog, service levels,
 * metrics and audit needs exactly one permission; the engine asks its
 * {@link dev.itsm.core.spi.AccessPolicy} before the call reads or changes anything.
 * {@link RoleModel#standard()} shows which role holds which permission.
 */
public enum Permission {
  /** Open an incident. */
  INCIDENT_OPEN("incident.open"),
  /** Read an incident, its timeline and audit trail; query incidents. */
  INCIDENT_READ("incident.read"),
  /** Assign an incident to a group or user. */
  INCIDENT_ASSIGN("incident.assign"),
  /** Change an incident's impact and urgency. */
  INCIDENT_REPRIORITIZE("incident.reprioritize"),
  /** Acknowledge an incident, put it on hold, resume it. */
  INCIDENT_WORK("incident.work"),
  /** Add a work note to an incident. */
  INCIDENT_NOTE("incident.note"),
  /** Resolve an incident. */
  INCIDENT_RESOLVE("incident.resolve"),
  /** Reopen a resolved incident. */
  INCIDENT_REOPEN("incident.reopen"),
  /** Close a resolved incident. */
  INCIDENT_CLOSE("incident.close"),
  /** Cancel an incident. */
  INCIDENT_CANCEL("incident.cancel"),
  /** Promote an incident to a major incident. */
  MAJOR_INCIDENT_PROMOTE("major-incident.promote"),
  /** Post a stakeholder update, link a child incident. */
  MAJOR_INCIDENT_UPDATE("major-incident.update"),
  /** Complete the post-incident review. */
  MAJOR_INCIDENT_REVIEW("major-incident.review"),
  /** Read major incidents. */
  MAJOR_INCIDENT_READ("major-incident.read"),
  /** Raise a change (normal, emergency or standard). */
  CHANGE_CREATE("change.create"),
  /** Read a change, its decisions, timeline and audit trail; query changes, the schedule and the standard change catalog. */
  CHANGE_READ("change.read"),
  /** Assess a change. */
  CHANGE_ASSESS("change.assess"),
  /** Submit a change for authorisation. */
  CHANGE_SUBMIT("change.submit"),
  /** Approve or reject a change (the approval policy still decides who is eligible). */
  CHANGE_DECIDE("change.decide"),
  /** Schedule an authorised change. */
  CHANGE_SCHEDULE("change.schedule"),
  /** Start the implementation of a change and record its outcome. */
  CHANGE_IMPLEMENT("change.implement"),
  /** Complete the review of a change. */
  CHANGE_REVIEW("change.review"),
  /** Cancel a change. */
  CHANGE_CANCEL("change.cancel"),
  /** Add a note to a change. */
  CHANGE_NOTE("change.note"),
  /** Raise a problem. */
  PROBLEM_CREATE("problem.create"),
  /** Read a problem, its timeline and audit trail; query problems. */
  PROBLEM_READ("problem.read"),
  /** Assess, analyse, record root cause and workaround, link incidents and changes, add notes. */
  PROBLEM_WORK("problem.work"),
  /** Publish a problem's known error. */
  PROBLEM_PUBLISH_KNOWN_ERROR("problem.publish-known-error"),
  /** Resolve or close a problem. */
  PROBLEM_RESOLVE("problem.resolve"),
  /** Cancel a problem. */
  PROBLEM_CANCEL("problem.cancel"),
  /** Search the known error database. */
  KNOWN_ERROR_READ("known-error.read"),
  /** Submit a service request. */
  REQUEST_SUBMIT("request.submit"),
  /** Read a request, its decisions, timeline and audit trail; query requests. */
  REQUEST_READ("request.read"),
  /** Approve or reject a request (the request's approval still decides who is eligible). */
  REQUEST_DECIDE("request.decide"),
  /** Start and complete a request's fulfilment tasks. */
  REQUEST_FULFIL("request.fulfil"),
  /** Close a fulfilled request. */
  REQUEST_CLOSE("request.close"),
  /** Cancel a request. */
  REQUEST_CANCEL("request.cancel"),
  /** Add a note to a request. */
  REQUEST_NOTE("request.note"),
  /** Read the service catalog. */
  CATALOG_READ("catalog.read"),
  /** Define and retire catalog items. */
  CATALOG_MANAGE("catalog.manage"),
  /** Read SLA clocks, breaches and compliance. */
  SERVICE_LEVEL_READ("service-level.read"),
  /** Compute the continual-improvement metrics. */
  METRICS_READ("metrics.read"),
  /** Verify the audit chain. */
  AUDIT_VERIFY("audit.verify");

  private final String id;

  Permission(String id) {
    this.id = id;
  }

  /** @return the stable id, e.g. {@code incident.resolve} */
  public String id() {
    return id;
  }

  /**
   * @param id a permission id, e.g. {@code incident.resolve}
   * @return the permission, if the id names one
   */
  public static Optional<Permission> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
