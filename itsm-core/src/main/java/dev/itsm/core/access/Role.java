package dev.itsm.core.access;

/**
 * The roles of the default role model ({@link RoleModel#standard()}). A user holds a role through
 * membership of the group the model maps it to; {@link #CALLER} is held by every actor and
 * {@link #RESOLVER} by the members of a record's assignment group (for that record only).
 */
public enum Role {
  /** Every actor: raises incidents and requests for themselves and sees their own records. */
  CALLER,
  /** First line: opens and routes incidents and requests for anyone, reads the tenant's records. */
  SERVICE_DESK_AGENT,
  /** A member of the record's assignment group (or a request task's group): works and resolves it. */
  RESOLVER,
  /** Owns the incident practice: every incident and major incident action. */
  INCIDENT_MANAGER,
  /** Owns the problem practice: every problem and known error action. */
  PROBLEM_MANAGER,
  /** Owns change enablement: every change action except approving (approvers are eligible by policy). */
  CHANGE_MANAGER,
  /** A change advisory board member: reads changes and decides on those the policy routes to them. */
  CAB_MEMBER,
  /** Maintains the service catalog. */
  CATALOG_MANAGER,
  /** Everything, including audit verification and metrics. */
  ADMINISTRATOR
}
