package dev.itsm.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.itsm.core.IllegalTransitionException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentLifecycleTest {

  private static final String NUMBER = "INC0000042";

  /**
   * The expected state machine, written out from the table in the {@link IncidentLifecycle}
   * javadoc: row = current state, column = action, cell = next state, "-" = not allowed.
   */
  private static final String EXPECTED = """
      state       | ASSIGN      | ACKNOWLEDGE | PUT_ON_HOLD | RESUME      | RESOLVE  | REOPEN      | CLOSE  | CANCEL    | REPRIORITIZE | ADD_WORK_NOTE
      NEW         | NEW         | IN_PROGRESS | -           | -           | -        | -           | -      | CANCELLED | NEW          | NEW
      IN_PROGRESS | IN_PROGRESS | -           | ON_HOLD     | -           | RESOLVED | -           | -      | CANCELLED | IN_PROGRESS  | IN_PROGRESS
      ON_HOLD     | ON_HOLD     | -           | -           | IN_PROGRESS | -        | -           | -      | CANCELLED | ON_HOLD      | ON_HOLD
      RESOLVED    | -           | -           | -           | -           | -        | IN_PROGRESS | CLOSED | -         | -            | RESOLVED
      CLOSED      | -           | -           | -           | -           | -        | -           | -      | -         | -            | -
      CANCELLED   | -           | -           | -           | -           | -        | -           | -      | -         | -            | -
      """;

  /** state → action → next state (absent = not allowed). */
  private static final Map<IncidentState, Map<IncidentAction, IncidentState>> TABLE = parse();

  private static Map<IncidentState, Map<IncidentAction, IncidentState>> parse() {
    List<String[]> rows = EXPECTED.lines().filter(l -> !l.isBlank())
        .map(l -> Arrays.stream(l.split("\\|")).map(String::strip).toArray(String[]::new))
        .toList();
    String[] header = rows.get(0);
    Map<IncidentState, Map<IncidentAction, IncidentState>> table =
        new EnumMap<>(IncidentState.class);
    for (String[] row : rows.subList(1, rows.size())) {
      Map<IncidentAction, IncidentState> cells = new EnumMap<>(IncidentAction.class);
      for (int col = 1; col < header.length; col++) {
        if (!row[col].equals("-")) {
          cells.put(IncidentAction.valueOf(header[col]), IncidentState.valueOf(row[col]));
        }
      }
      table.put(IncidentState.valueOf(row[0]), cells);
    }
    return table;
  }

  private static Stream<Arguments> pairs(boolean legal) {
    return Arrays.stream(IncidentState.values()).flatMap(s -> Arrays.stream(IncidentAction.values())
        .filter(a -> TABLE.get(s).containsKey(a) == legal)
        .map(a -> Arguments.of(s, a)));
  }

  static Stream<Arguments> legalPairs() {
    return pairs(true);
  }

  static Stream<Arguments> illegalPairs() {
    return pairs(false);
  }

  private static List<String> expectedAllowedNames(IncidentState state) {
    return TABLE.get(state).keySet().stream().map(Enum::name).sorted().toList();
  }

  @Test
  void expectedTableCoversEveryStateAndActionAndAllPairsAreTested() {
    assertThat(TABLE).containsOnlyKeys(IncidentState.values());
    assertThat(EXPECTED.lines().findFirst().orElseThrow().split("\\|"))
        .hasSize(IncidentAction.values().length + 1);
    assertThat(legalPairs()).hasSize(19);
    assertThat(illegalPairs()).hasSize(IncidentState.values().length
        * IncidentAction.values().length - 19);
  }

  @ParameterizedTest(name = "{0} + {1} is allowed")
  @MethodSource("legalPairs")
  void legalActionLeadsToTheDocumentedState(IncidentState state, IncidentAction action) {
    IncidentState expected = TABLE.get(state).get(action);

    assertThat(IncidentLifecycle.next(NUMBER, state, action)).isEqualTo(expected);
    assertThat(IncidentLifecycle.isAllowed(state, action)).isTrue();
    assertThat(IncidentLifecycle.allowedActions(state)).contains(action);
  }

  @ParameterizedTest(name = "{0} + {1} is refused")
  @MethodSource("illegalPairs")
  void illegalActionThrowsNamingStateActionAndAllowedActions(IncidentState state,
      IncidentAction action) {
    List<String> allowed = expectedAllowedNames(state);

    IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
        () -> IncidentLifecycle.next(NUMBER, state, action));

    assertThat(e).isNotNull();
    assertThat(e.recordNumber()).isEqualTo(NUMBER);
    assertThat(e.state()).isEqualTo(state.name());
    assertThat(e.action()).isEqualTo(action.name());
    assertThat(e.allowedActions()).containsExactlyElementsOf(allowed);
    assertThat(e.code()).isEqualTo("ITSM-ILLEGAL-TRANSITION");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo(NUMBER + " is " + state + ": action " + action
        + " is not allowed; allowed actions in " + state + ": "
        + (allowed.isEmpty() ? "none (the record is final)" : "[" + String.join(", ", allowed)
            + "]"));
    assertThat(IncidentLifecycle.isAllowed(state, action)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(IncidentState.class)
  void allowedActionsAreExactlyTheTableRow(IncidentState state) {
    Set<IncidentAction> allowed = IncidentLifecycle.allowedActions(state);

    assertThat(allowed).containsExactlyInAnyOrderElementsOf(TABLE.get(state).keySet());
    assertThatThrownBy(() -> allowed.add(IncidentAction.ASSIGN))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @EnumSource(value = IncidentState.class, names = {"CLOSED", "CANCELLED"})
  void finalStatesAllowNothing(IncidentState state) {
    assertThat(state.isFinal()).isTrue();
    assertThat(IncidentLifecycle.allowedActions(state)).isEmpty();
    for (IncidentAction action : IncidentAction.values()) {
      assertThat(IncidentLifecycle.isAllowed(state, action)).as("%s in %s", action, state)
          .isFalse();
      assertThatThrownBy(() -> IncidentLifecycle.next(NUMBER, state, action))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageEndingWith("allowed actions in " + state + ": none (the record is final)");
    }
  }

  @ParameterizedTest
  @EnumSource(value = IncidentState.class, names = {"CLOSED", "CANCELLED"},
      mode = EnumSource.Mode.EXCLUDE)
  void nonFinalStatesAreNotFinalAndAllowSomething(IncidentState state) {
    assertThat(state.isFinal()).isFalse();
    assertThat(IncidentLifecycle.allowedActions(state)).isNotEmpty();
  }

  @Test
  void everyNonFinalStateIsReachableFromNew() {
    Set<IncidentState> reached = new TreeSet<>(Set.of(IncidentState.NEW));
    boolean grew = true;
    while (grew) {
      Set<IncidentState> next = reached.stream()
          .flatMap(s -> IncidentLifecycle.allowedActions(s).stream()
              .map(a -> IncidentLifecycle.next(NUMBER, s, a)))
          .collect(Collectors.toCollection(TreeSet::new));
      grew = reached.addAll(next);
    }
    assertThat(reached).containsExactlyInAnyOrder(IncidentState.values());
  }
}
