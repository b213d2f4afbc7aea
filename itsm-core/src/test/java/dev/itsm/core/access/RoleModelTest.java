package dev.itsm.core.access;

import static dev.itsm.core.access.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.spi.AccessPolicy;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The standard role model, one row per (actor, permission, record) case. */
class RoleModelTest {

  private static final RoleModel ROLES = RoleModel.standard();

  private static final Actor CARL = Actor.of("carl");
  private static final Actor DANA = Actor.of("dana", "service-desk");
  private static final Actor NINA = Actor.of("nina", "network");
  private static final Actor SAM = Actor.of("sam", "storage");
  private static final Actor IRA = Actor.of("ira", "incident-managers");
  private static final Actor PAT = Actor.of("pat", "problem-managers");
  private static final Actor MAX = Actor.of("max", "change-managers");
  private static final Actor BEN = Actor.of("ben", "cab");
  private static final Actor CAT = Actor.of("cat", "catalog-managers");
  private static final Actor ADA = Actor.of("ada", "itsm-admins");

  /** Carl's incident, assigned to network. */
  private static final AccessTarget INCIDENT = new AccessTarget(RecordKind.INCIDENT, "INC0000001",
      "default", Set.of("carl"), Set.of("network"), Set.of(), null);
  /** Carl's change, owned by olga and implemented by nina. */
  private static final AccessTarget CHANGE = new AccessTarget(RecordKind.CHANGE, "CHG0000001",
      "default", Set.of("carl"), Set.of(), Set.of("olga", "nina"), null);
  /** A request for carl with a task for the storage group. */
  private static final AccessTarget REQUEST = new AccessTarget(RecordKind.REQUEST, "REQ0000001",
      "default", Set.of("carl"), Set.of("storage"), Set.of(), null);
  private static final AccessTarget PROBLEM = new AccessTarget(RecordKind.PROBLEM, "PRB0000001",
      "default", Set.of(), Set.of("network"), Set.of(), null);

  static Stream<Arguments> cases() {
    return Stream.of(
        // incidents: callers on their own, resolvers in the group, desk routes, managers all
        Arguments.of(CARL, INCIDENT_READ, INCIDENT, true),
        Arguments.of(CARL, INCIDENT_NOTE, INCIDENT, true),
        Arguments.of(CARL, INCIDENT_REOPEN, INCIDENT, true),
        Arguments.of(CARL, INCIDENT_RESOLVE, INCIDENT, false),
        Arguments.of(Actor.of("eve"), INCIDENT_READ, INCIDENT, false),
        Arguments.of(NINA, INCIDENT_RESOLVE, INCIDENT, true),
        Arguments.of(NINA, INCIDENT_WORK, INCIDENT, true),
        Arguments.of(NINA, INCIDENT_CANCEL, INCIDENT, false),
        Arguments.of(SAM, INCIDENT_RESOLVE, INCIDENT, false),
        Arguments.of(SAM, INCIDENT_READ, INCIDENT, true),
        Arguments.of(DANA, INCIDENT_ASSIGN, INCIDENT, true),
        Arguments.of(DANA, INCIDENT_REPRIORITIZE, INCIDENT, true),
        Arguments.of(DANA, INCIDENT_RESOLVE, INCIDENT, false),
        Arguments.of(IRA, INCIDENT_RESOLVE, INCIDENT, true),
        Arguments.of(IRA, MAJOR_INCIDENT_PROMOTE, INCIDENT, true),
        Arguments.of(DANA, MAJOR_INCIDENT_PROMOTE, INCIDENT, false),
        // changes: approvals are open to all (eligibility is the change policy's), work to the
        // owner and implementer, review to change managers
        Arguments.of(CARL, CHANGE_CANCEL, CHANGE, true),
        Arguments.of(CARL, CHANGE_CREATE, CHANGE, false),
        Arguments.of(SAM, CHANGE_CREATE, CHANGE, true),
        Arguments.of(CARL, CHANGE_DECIDE, CHANGE, true),
        Arguments.of(CARL, CHANGE_IMPLEMENT, CHANGE, false),
        Arguments.of(NINA, CHANGE_IMPLEMENT, CHANGE, true),
        Arguments.of(NINA, CHANGE_REVIEW, CHANGE, false),
        Arguments.of(MAX, CHANGE_REVIEW, CHANGE, true),
        Arguments.of(BEN, CHANGE_READ, CHANGE, true),
        Arguments.of(BEN, CHANGE_SCHEDULE, CHANGE, false),
        // problems
        Arguments.of(NINA, PROBLEM_WORK, PROBLEM, true),
        Arguments.of(NINA, PROBLEM_PUBLISH_KNOWN_ERROR, PROBLEM, false),
        Arguments.of(PAT, PROBLEM_PUBLISH_KNOWN_ERROR, PROBLEM, true),
        Arguments.of(CARL, PROBLEM_READ, PROBLEM, false),
        // requests and catalog
        Arguments.of(CARL, REQUEST_CANCEL, REQUEST, true),
        Arguments.of(CARL, REQUEST_CLOSE, REQUEST, true),
        Arguments.of(SAM, REQUEST_CLOSE, REQUEST, false),
        Arguments.of(CARL, REQUEST_FULFIL, REQUEST, false),
        Arguments.of(SAM, REQUEST_FULFIL, REQUEST, true),
        Arguments.of(NINA, REQUEST_FULFIL, REQUEST, false),
        Arguments.of(DANA, REQUEST_CLOSE, REQUEST, true),
        Arguments.of(CARL, CATALOG_READ, null, true),
        Arguments.of(CARL, CATALOG_MANAGE, null, false),
        Arguments.of(CAT, CATALOG_MANAGE, null, true),
        // cross-cutting
        Arguments.of(DANA, SERVICE_LEVEL_READ, null, true),
        Arguments.of(CARL, SERVICE_LEVEL_READ, null, false),
        Arguments.of(DANA, METRICS_READ, null, false),
        Arguments.of(MAX, METRICS_READ, null, true),
        Arguments.of(MAX, AUDIT_VERIFY, null, false),
        Arguments.of(ADA, AUDIT_VERIFY, null, true),
        Arguments.of(ADA, INCIDENT_RESOLVE, INCIDENT, true));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("cases")
  void standardRoles(Actor actor, Permission permission, AccessTarget target, boolean allowed) {
    AccessDecision d = ROLES.decide(new AccessRequest(actor, permission, target));
    assertThat(d.allowed()).isEqualTo(allowed);
    if (!allowed) {
      assertThat(d.reason()).contains(permission.id());
    }
  }

  @Test
  void aCallerOpensIncidentsOnlyForThemselves() {
    AccessTarget forCarl = new AccessTarget(RecordKind.INCIDENT, null, "default",
        Set.of("carl"), Set.of(), Set.of(), null);
    AccessTarget forEve = new AccessTarget(RecordKind.INCIDENT, null, "default", Set.of("eve"),
        Set.of(), Set.of(), null);
    assertThat(ROLES.decide(new AccessRequest(CARL, INCIDENT_OPEN, forCarl)).allowed()).isTrue();
    assertThat(ROLES.decide(new AccessRequest(CARL, INCIDENT_OPEN, forEve)).allowed()).isFalse();
    assertThat(ROLES.decide(new AccessRequest(DANA, INCIDENT_OPEN, forEve)).allowed()).isTrue();
  }

  @Test
  void aDenialSaysHowToGetThePermission() {
    AccessDecision d = ROLES.decide(new AccessRequest(SAM, INCIDENT_RESOLVE, INCIDENT));
    assertThat(d.reason()).contains("assignment group").contains("INCIDENT_MANAGER")
        .contains("incident-managers").contains("itsm-admins");
  }

  @Test
  void actorsWithoutGroupsReadOnlyTheirOwnRecords() {
    assertThat(ROLES.readScope(CARL, RecordKind.INCIDENT)).isEqualTo(ReadScope.OWN);
    assertThat(ROLES.readScope(SAM, RecordKind.INCIDENT)).isEqualTo(ReadScope.ALL);
  }

  @Test
  void namedStaffGroupsKeepCustomersGroupsToTheirOwnRecords() {
    RoleModel roles = RoleModel.builder().staffGroups("network", "storage").build();
    Actor businessOwner = Actor.of("sol", "security-owners");
    assertThat(ROLES.isStaff(businessOwner)).isTrue();
    assertThat(roles.isStaff(businessOwner)).isFalse();
    assertThat(roles.readScope(businessOwner, RecordKind.INCIDENT)).isEqualTo(ReadScope.OWN);
    assertThat(roles.decide(new AccessRequest(businessOwner, INCIDENT_READ, INCIDENT)).allowed())
        .isFalse();
    assertThat(roles.isStaff(NINA)).isTrue();
    assertThat(roles.isStaff(DANA)).as("a role's group").isTrue();
    assertThat(roles.decide(new AccessRequest(SAM, INCIDENT_READ, INCIDENT)).allowed()).isTrue();
    assertThatThrownBy(() -> RoleModel.builder().staffGroups())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rolesMapToTheHostsGroups() {
    RoleModel mine = RoleModel.builder().group(Role.SERVICE_DESK_AGENT, "helpdesk", "l1").build();
    assertThat(mine.groupsOf(Role.SERVICE_DESK_AGENT)).containsExactlyInAnyOrder("helpdesk", "l1");
    assertThat(mine.groupsOf(Role.CHANGE_MANAGER)).containsExactly("change-managers");
    assertThat(mine.rolesOf(Actor.of("h", "l1"), null))
        .containsExactlyInAnyOrder(Role.CALLER, Role.SERVICE_DESK_AGENT);
    assertThat(mine.decide(new AccessRequest(DANA, INCIDENT_ASSIGN, INCIDENT)).allowed())
        .isFalse();
    assertThatThrownBy(() -> RoleModel.builder().group(Role.RESOLVER, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assignment group");
    assertThatThrownBy(() -> RoleModel.builder().group(Role.CAB_MEMBER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
  }

  @Test
  void policiesCombineToTheStricter() {
    AccessPolicy noCancel = r -> r.permission() == INCIDENT_CANCEL
        ? AccessDecision.deny("no cancelling here") : AccessDecision.allow();
    AccessPolicy both = ROLES.and(noCancel);
    assertThat(both.decide(new AccessRequest(IRA, INCIDENT_CANCEL, INCIDENT)).reason())
        .isEqualTo("no cancelling here");
    assertThat(both.decide(new AccessRequest(IRA, INCIDENT_RESOLVE, INCIDENT)).allowed()).isTrue();
    assertThat(both.decide(new AccessRequest(SAM, INCIDENT_RESOLVE, INCIDENT)).allowed())
        .isFalse();
    AccessPolicy ownOnly = new AccessPolicy() {
      @Override
      public AccessDecision decide(AccessRequest request) {
        return AccessDecision.allow();
      }

      @Override
      public ReadScope readScope(Actor actor, RecordKind kind) {
        return ReadScope.OWN;
      }
    };
    assertThat(AccessPolicy.PERMIT_ALL.and(ownOnly).readScope(SAM, RecordKind.CHANGE))
        .isEqualTo(ReadScope.OWN);
  }

  @Test
  void everyPermissionHasAStableIdAndSomeoneHoldsIt() {
    for (Permission p : Permission.values()) {
      assertThat(Permission.byId(p.id())).contains(p);
      assertThat(ROLES.decide(new AccessRequest(ADA, p, null)).allowed()).isTrue();
    }
    assertThat(Permission.byId("incident.resolve")).contains(INCIDENT_RESOLVE);
    assertThat(Permission.byId("nope")).isEmpty();
  }
}
