package dev.itsm.core.access;

import static dev.itsm.core.access.Permission.*;

import dev.itsm.core.Actor;
import dev.itsm.core.spi.AccessPolicy;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default access policy: ITIL roles held through group membership.
 *
 * <table>
 * <caption>Roles of {@link #standard()}</caption>
 * <tr><th>Role</th><th>Held by</th><th>Permissions</th></tr>
 * <tr><td>{@link Role#CALLER}</td><td>every actor</td><td>on their own records (incidents they are
 * the caller of, changes and requests they requested or a request is for): open incidents and
 * submit requests, read, add notes, cancel; reopen or close a resolved incident; close
 * (confirm) a fulfilled request; decide changes and requests (the approval policy decides
 * eligibility); read the catalog. Raising a change takes staff: a caller could otherwise name
 * themselves owner and implementer of a standard change</td></tr>
 * <tr><td>staff</td><td>a member of any group (or of the {@link Builder#staffGroups staff
 * groups} and the roles' groups, when named)</td><td>read every record of the tenant; open
 * incidents, raise problems and changes, submit requests for anyone; search known errors; read
 * service levels</td></tr>
 * <tr><td>{@link Role#RESOLVER}</td><td>a member of the record's assignment group (a request's
 * task groups) or its assignee (a change's owner or implementer)</td><td>work the record:
 * incidents: assign, acknowledge, hold, resume, note, resolve; problems: work; changes: assess,
 * submit, schedule, implement, note; requests: fulfil, note</td></tr>
 * <tr><td>{@link Role#SERVICE_DESK_AGENT}</td><td>{@code service-desk}</td><td>route and handle
 * incidents and requests: assign, reprioritise, note, reopen, close, cancel</td></tr>
 * <tr><td>{@link Role#INCIDENT_MANAGER}</td><td>{@code incident-managers}</td><td>every incident
 * and major incident permission</td></tr>
 * <tr><td>{@link Role#PROBLEM_MANAGER}</td><td>{@code problem-managers}</td><td>every problem and
 * known error permission</td></tr>
 * <tr><td>{@link Role#CHANGE_MANAGER}</td><td>{@code change-managers}</td><td>every change
 * permission</td></tr>
 * <tr><td>{@link Role#CAB_MEMBER}</td><td>{@code cab}</td><td>read and decide changes</td></tr>
 * <tr><td>{@link Role#CATALOG_MANAGER}</td><td>{@code catalog-managers}</td><td>define and retire
 * catalog items</td></tr>
 * <tr><td>{@link Role#ADMINISTRATOR}</td><td>{@code itsm-admins}</td><td>everything, including
 * metrics and audit verification</td></tr>
 * </table>
 *
 * <p>Metrics are read by the incident, problem and change managers and administrators; audit
 * verification by administrators only. Map the roles to your own groups with {@link #builder()}:
 *
 * <pre>{@code
 * RoleModel roles = RoleModel.builder()
 *     .group(Role.SERVICE_DESK_AGENT, "helpdesk")
 *     .group(Role.CHANGE_MANAGER, "chg-mgmt")
 *     .build();                         // the other roles keep their standard groups
 * }</pre>
 */
public final class RoleModel implements AccessPolicy {

  private static final Set<Permission> OWNER = EnumSet.of(INCIDENT_OPEN, INCIDENT_READ,
      INCIDENT_NOTE, INCIDENT_REOPEN, INCIDENT_CLOSE, INCIDENT_CANCEL, CHANGE_READ,
      CHANGE_NOTE, CHANGE_CANCEL, REQUEST_SUBMIT, REQUEST_READ, REQUEST_NOTE, REQUEST_CANCEL,
      REQUEST_CLOSE);
  private static final Set<Permission> ANYONE = EnumSet.of(CATALOG_READ, CHANGE_DECIDE,
      REQUEST_DECIDE);
  private static final Set<Permission> STAFF = EnumSet.of(INCIDENT_OPEN, INCIDENT_READ,
      MAJOR_INCIDENT_READ, CHANGE_CREATE, CHANGE_READ, PROBLEM_CREATE, PROBLEM_READ,
      KNOWN_ERROR_READ, REQUEST_SUBMIT, REQUEST_READ, CATALOG_READ, SERVICE_LEVEL_READ);
  private static final Set<Permission> RESOLVER = EnumSet.of(INCIDENT_ASSIGN, INCIDENT_WORK,
      INCIDENT_NOTE, INCIDENT_RESOLVE, PROBLEM_WORK, CHANGE_ASSESS, CHANGE_SUBMIT,
      CHANGE_SCHEDULE, CHANGE_IMPLEMENT, CHANGE_NOTE, REQUEST_FULFIL, REQUEST_NOTE);
  private static final Map<Role, Set<Permission>> GRANTS = grants();
  private static final RoleModel STANDARD = builder().build();

  private final Map<Role, Set<String>> groups;
  /** The groups whose members are staff; {@code null}: every group. */
  private final Set<String> staffGroups;

  private RoleModel(Map<Role, Set<String>> groups, Set<String> staffGroups) {
    this.groups = groups;
    this.staffGroups = staffGroups;
  }

  /**
   * Whether an actor is staff: a member of any group (the default), or, when the model names
   * staff groups ({@link Builder#staffGroups}), of one of those or of a role's group.
   *
   * @param actor the actor
   * @return whether it reads every record of its tenant and opens and raises records for others
   */
  public boolean isStaff(Actor actor) {
    if (staffGroups == null) {
      return !actor.groups().isEmpty();
    }
    return !Collections.disjoint(staffGroups, actor.groups())
        || groups.values().stream().anyMatch(g -> !Collections.disjoint(g, actor.groups()));
  }

  /** @return the role model with the standard group names (see the class comment) */
  public static RoleModel standard() {
    return STANDARD;
  }

  /** @return a builder starting from the standard group names */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param role a role held through a group
   * @return the groups that grant it (empty for {@link Role#CALLER} and {@link Role#RESOLVER})
   */
  public Set<String> groupsOf(Role role) {
    return groups.getOrDefault(role, Set.of());
  }

  /**
   * The roles an actor holds, for one record or none.
   *
   * @param actor the actor
   * @param target the record, or {@code null}
   * @return the roles; always contains {@link Role#CALLER}
   */
  public Set<Role> rolesOf(Actor actor, AccessTarget target) {
    Set<Role> roles = EnumSet.of(Role.CALLER);
    for (Map.Entry<Role, Set<String>> e : groups.entrySet()) {
      if (!Collections.disjoint(e.getValue(), actor.groups())) {
        roles.add(e.getKey());
      }
    }
    if (target != null && (target.workers().contains(actor.id())
        || !Collections.disjoint(target.groups(), actor.groups()))) {
      roles.add(Role.RESOLVER);
    }
    return roles;
  }

  @Override
  public AccessDecision decide(AccessRequest request) {
    Actor actor = request.actor();
    Permission p = request.permission();
    AccessTarget target = request.target();
    if (ANYONE.contains(p) || (STAFF.contains(p) && isStaff(actor))) {
      return AccessDecision.allow();
    }
    boolean owner = target != null && target.owners().contains(actor.id());
    if (OWNER.contains(p) && (owner || target == null && ownQueryable(p))) {
      return AccessDecision.allow();
    }
    Set<Role> roles = rolesOf(actor, target);
    for (Role role : roles) {
      if (GRANTS.getOrDefault(role, Set.of()).contains(p)) {
        return AccessDecision.allow();
      }
    }
    return AccessDecision.deny(howToGet(p, target));
  }

  @Override
  public ReadScope readScope(Actor actor, RecordKind kind) {
    return isStaff(actor) ? ReadScope.ALL : ReadScope.OWN;
  }

  private static boolean ownQueryable(Permission p) {
    return p == INCIDENT_READ || p == CHANGE_READ || p == REQUEST_READ;
  }

  private String howToGet(Permission p, AccessTarget target) {
    Set<String> ways = new LinkedHashSet<>();
    if (OWNER.contains(p)) {
      ways.add(target != null && target.kind() == RecordKind.INCIDENT ? "be the caller"
          : "be the requester");
    }
    if (STAFF.contains(p)) {
      ways.add(staffGroups == null ? "be a member of any group (staff)"
          : "be a member of a staff group (" + String.join(", ", new java.util.TreeSet<>(
              staffGroups)) + ")");
    }
    if (RESOLVER.contains(p)) {
      ways.add("be a member of the record's assignment group or its assignee");
    }
    for (Map.Entry<Role, Set<Permission>> e : GRANTS.entrySet()) {
      if (e.getValue().contains(p) && !groupsOf(e.getKey()).isEmpty()) {
        ways.add("hold " + e.getKey() + " (group " + String.join(" or ", groupsOf(e.getKey()))
            + ")");
      }
    }
    return "to " + p.id() + ", " + String.join(", or ", ways);
  }

  private static Map<Role, Set<Permission>> grants() {
    Map<Role, Set<Permission>> m = new EnumMap<>(Role.class);
    m.put(Role.RESOLVER, RESOLVER);
    m.put(Role.SERVICE_DESK_AGENT, EnumSet.of(INCIDENT_ASSIGN, INCIDENT_REPRIORITIZE,
        INCIDENT_NOTE, INCIDENT_WORK, INCIDENT_REOPEN, INCIDENT_CLOSE, INCIDENT_CANCEL,
        REQUEST_NOTE, REQUEST_CLOSE, REQUEST_CANCEL));
    m.put(Role.INCIDENT_MANAGER, startingWith("INCIDENT_", "MAJOR_INCIDENT_"));
    m.get(Role.INCIDENT_MANAGER).add(METRICS_READ);
    m.put(Role.PROBLEM_MANAGER, startingWith("PROBLEM_", "KNOWN_ERROR_"));
    m.get(Role.PROBLEM_MANAGER).add(METRICS_READ);
    m.put(Role.CHANGE_MANAGER, startingWith("CHANGE_"));
    m.get(Role.CHANGE_MANAGER).add(METRICS_READ);
    m.put(Role.CAB_MEMBER, EnumSet.of(CHANGE_READ, CHANGE_DECIDE));
    m.put(Role.CATALOG_MANAGER, EnumSet.of(CATALOG_READ, CATALOG_MANAGE));
    m.put(Role.ADMINISTRATOR, EnumSet.allOf(Permission.class));
    return m;
  }

  private static Set<Permission> startingWith(String... prefixes) {
    return Arrays.stream(Permission.values())
        .filter(p -> Arrays.stream(prefixes).anyMatch(x -> p.name().startsWith(x)))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
  }

  @Override
  public String toString() {
    return "RoleModel" + groups + (staffGroups == null ? "" : ", staff " + staffGroups);
  }

  /** Maps roles to groups; unmapped roles keep their standard group. */
  public static final class Builder {

    private final Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
    private Set<String> staffGroups;

    private Builder() {
      groups.put(Role.SERVICE_DESK_AGENT, Set.of("service-desk"));
      groups.put(Role.INCIDENT_MANAGER, Set.of("incident-managers"));
      groups.put(Role.PROBLEM_MANAGER, Set.of("problem-managers"));
      groups.put(Role.CHANGE_MANAGER, Set.of("change-managers"));
      groups.put(Role.CAB_MEMBER, Set.of("cab"));
      groups.put(Role.CATALOG_MANAGER, Set.of("catalog-managers"));
      groups.put(Role.ADMINISTRATOR, Set.of("itsm-admins"));
    }

    /**
     * @param role a role held through a group (not {@link Role#CALLER} or {@link Role#RESOLVER},
     *     which follow from the record)
     * @param groupIds the groups that grant it, replacing the standard one
     * @return this builder
     */
    public Builder group(Role role, String... groupIds) {
      Objects.requireNonNull(role, "role");
      if (role == Role.CALLER || role == Role.RESOLVER) {
        throw new IllegalArgumentException(role + " is not held through a group: every actor is a"
            + " CALLER, and RESOLVER follows from the record's assignment group and assignee");
      }
      if (groupIds.length == 0 || Arrays.stream(groupIds).anyMatch(g -> g == null || g.isBlank())) {
        throw new IllegalArgumentException("name at least one non-blank group for " + role);
      }
      groups.put(role, Set.of(groupIds));
      return this;
    }

    /**
     * Names the groups whose members are staff (read every record of their tenant, open incidents
     * and raise problems and changes for anyone), besides the roles' own groups. By default every
     * group does; name them when your directory also has groups of customers, e.g. approver
     * groups of business owners, whose members should see only their own records.
     *
     * @param groupIds the resolver and support groups
     * @return this builder
     */
    public Builder staffGroups(String... groupIds) {
      if (groupIds.length == 0 || Arrays.stream(groupIds).anyMatch(g -> g == null || g.isBlank())) {
        throw new IllegalArgumentException("name at least one non-blank staff group");
      }
      staffGroups = Set.of(groupIds);
      return this;
    }

    /** @return the immutable role model */
    public RoleModel build() {
      return new RoleModel(Collections.unmodifiableMap(new EnumMap<>(groups)), staffGroups);
    }
  }
}
