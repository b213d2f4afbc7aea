package dev.itsm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixed directories: groups, managers, and a host's lambda that knows no managers. */
class DirectoryTest {

  @Test
  void aFixedDirectoryKnowsGroupsAndManagers() {
    Directory d = Directory.of(Map.of("owners", Set.of("sol", "sid")), Map.of("carol", "mia"));
    assertThat(d.members("owners")).contains(Set.of("sol", "sid"));
    assertThat(d.members("nobody")).isEmpty();
    assertThat(d.members(null)).isEmpty();
    assertThat(d.managerOf("carol")).contains("mia");
    assertThat(d.managerOf("mia")).isEmpty();
    assertThat(d.managerOf(null)).isEmpty();
  }

  @Test
  void groupsAloneAndLambdasKnowNoManagers() {
    assertThat(Directory.of(Map.of("owners", Set.of("sol"))).managerOf("sol")).isEmpty();
    Directory ldap = group -> Optional.of(Set.of("x"));
    assertThat(ldap.managerOf("x")).isEmpty();
    assertThat(Directory.NONE.managerOf("x")).isEmpty();
  }
}
