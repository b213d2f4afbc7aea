package dev.itsm.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsm.core.Actor;
import dev.itsm.core.NotPermittedException;
import dev.itsm.core.RecordNotFoundException;
import dev.itsm.core.ValidationException;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.spi.Directory;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one gate: tenant first, then the policy; the directory adds groups. */
class AccessGuardTest {

  private static final AccessTarget ACME_INCIDENT = new AccessTarget(RecordKind.INCIDENT,
      "ACME-INC0000001", "acme", Set.of("carl"), Set.of("network"), Set.of(), null);

  private final AccessGuard guard = new AccessGuard(RoleModel.standard(),
      Directory.of(Map.of("network", Set.of("nina"))), Set.of("acme", "globex"));

  @Test
  void aRecordOfAnotherTenantIsNotFoundEvenForAnAdministrator() {
    assertThatThrownBy(() -> guard.check(Actor.of("ada", "itsm-admins").inTenant("globex"),
        Permission.INCIDENT_READ, ACME_INCIDENT))
        .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("ACME-INC0000001");
    assertThatCode(() -> guard.check(Actor.of("ada", "itsm-admins").inTenant("acme"),
        Permission.INCIDENT_READ, ACME_INCIDENT)).doesNotThrowAnyException();
  }

  @Test
  void anUndeclaredTenantIsAValidationErrorNamingTheDeclaredOnes() {
    assertThatThrownBy(() -> guard.check(Actor.of("x").inTenant("initech"),
        Permission.CATALOG_READ))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("actor.tenant");
              assertThat(v.message()).contains("initech").contains("acme, default, globex");
            }));
    assertThatThrownBy(() -> Actor.of("x").inTenant("Not A Tenant"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
  }

  @Test
  void aDenialIsTypedAndNamesPermissionActorAndRecord() {
    Actor sam = Actor.of("sam", "storage").inTenant("acme");
    assertThatThrownBy(() -> guard.check(sam, Permission.INCIDENT_RESOLVE, ACME_INCIDENT))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
          assertThat(e.permission()).isEqualTo(Permission.INCIDENT_RESOLVE);
          assertThat(e.actorId()).isEqualTo("sam");
          assertThat(e.recordNumber()).isEqualTo("ACME-INC0000001");
          assertThat(e.rule()).isEqualTo("permission:incident.resolve");
          assertThat(e.getMessage()).contains("sam lacks the permission incident.resolve on"
              + " ACME-INC0000001");
        })
        .isInstanceOf(NotPermittedException.class);
  }

  @Test
  void theDirectoryAddsGroupsTheActorDidNotBring() {
    Actor nina = Actor.of("nina").inTenant("acme");
    assertThat(guard.effective(nina).groups()).containsExactly("network");
    assertThatCode(() -> guard.check(nina, Permission.INCIDENT_RESOLVE, ACME_INCIDENT))
        .doesNotThrowAnyException();
    assertThat(guard.scope(nina, Permission.INCIDENT_READ, RecordKind.INCIDENT))
        .isEqualTo(ReadScope.ALL);
    assertThat(guard.scope(Actor.of("carl"), Permission.INCIDENT_READ, RecordKind.INCIDENT))
        .isEqualTo(ReadScope.OWN);
  }

  @Test
  void theLibrarysOwnIdentityPassesEveryCheck() {
    assertThatCode(() -> guard.check(Actor.system(), Permission.AUDIT_VERIFY, ACME_INCIDENT))
        .doesNotThrowAnyException();
    assertThat(guard.canRead(Actor.system(), Permission.INCIDENT_READ, ACME_INCIDENT)).isTrue();
    assertThat(guard.canRead(Actor.of("ada", "itsm-admins"), Permission.INCIDENT_READ,
        ACME_INCIDENT)).isFalse();
  }

  @Test
  void theSystemIdentityCannotBeForgedThroughItsId() {
    Actor forged = new Actor(Actor.SYSTEM_ID, Set.of(), "acme");
    assertThat(forged).isEqualTo(Actor.system("acme"));          // equal as values …
    assertThat(forged.isSystem()).isFalse();                      // … but not the identity
    assertThat(Actor.system("acme").isSystem()).isTrue();
    assertThat(Actor.system("acme")).isSameAs(Actor.system("acme"));
    assertThat(Actor.of(Actor.SYSTEM_ID).isSystem()).isFalse();
    assertThatThrownBy(() -> guard.check(forged, Permission.INCIDENT_RESOLVE, ACME_INCIDENT))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> guard.check(Actor.of(Actor.SYSTEM_ID).inTenant("globex"),
        Permission.INCIDENT_READ, ACME_INCIDENT)).isInstanceOf(RecordNotFoundException.class);
  }

  @Test
  void numbersOfOtherTenantsCarryTheTenant() {
    assertThat(AccessGuard.number("default", "INC0000007")).isEqualTo("INC0000007");
    assertThat(AccessGuard.number("acme", "INC0000007")).isEqualTo("ACME-INC0000007");
  }
}
