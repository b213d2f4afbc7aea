package dev.itsm.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every state × action pair of the change state machine. */
class ChangeLifecycleTest {

  private static final Map<ChangeState, Set<ChangeAction>> EXPECTED = Map.of(
      ChangeState.ASSESSMENT, EnumSet.of(ChangeAction.ASSESS,
          ChangeAction.SUBMIT_FOR_AUTHORIZATION, ChangeAction.CANCEL, ChangeAction.ADD_NOTE),
      ChangeState.AUTHORIZATION, EnumSet.of(ChangeAction.DECIDE, ChangeAction.CANCEL,
          ChangeAction.ADD_NOTE),
      ChangeState.AUTHORIZED, EnumSet.of(ChangeAction.SCHEDULE, ChangeAction.CANCEL,
          ChangeAction.ADD_NOTE),
      ChangeState.SCHEDULED, EnumSet.of(ChangeAction.SCHEDULE, ChangeAction.START_IMPLEMENTATION,
          ChangeAction.CANCEL, ChangeAction.ADD_NOTE),
      ChangeState.IMPLEMENTATION, EnumSet.of(ChangeAction.RECORD_OUTCOME, ChangeAction.ADD_NOTE),
      ChangeState.REVIEW, EnumSet.of(ChangeAction.COMPLETE_REVIEW, ChangeAction.ADD_NOTE),
      ChangeState.CLOSED, EnumSet.noneOf(ChangeAction.class),
      ChangeState.REJECTED, EnumSet.noneOf(ChangeAction.class),
      ChangeState.CANCELLED, EnumSet.noneOf(ChangeAction.class));

  @Test
  void everyStateAllowsExactlyItsActions() {
    for (ChangeState s : ChangeState.values()) {
      assertThat(ChangeLifecycle.allowedActions(s)).as(s.name()).isEqualTo(EXPECTED.get(s));
      for (ChangeAction a : ChangeAction.values()) {
        boolean allowed = EXPECTED.get(s).contains(a);
        assertThat(ChangeLifecycle.isAllowed(s, a)).as(s + " " + a).isEqualTo(allowed);
        if (!allowed) {
          IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
              () -> ChangeLifecycle.check("CHG0000001", s, a));
          assertThat(e.state()).isEqualTo(s.name());
          assertThat(e.action()).isEqualTo(a.name());
          assertThat(e.allowedActions()).containsExactlyInAnyOrderElementsOf(
              EXPECTED.get(s).stream().map(Enum::name).toList());
          assertThat(e.getMessage()).contains("CHG0000001 is " + s.name());
        }
      }
    }
  }

  @Test
  void finalStatesAreFinal() {
    assertThat(EnumSet.allOf(ChangeState.class).stream().filter(ChangeState::isFinal))
        .containsExactlyInAnyOrder(ChangeState.CLOSED, ChangeState.REJECTED,
            ChangeState.CANCELLED);
  }
}
