package dev.itsm.bpmn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How running records move from older versions of a diagram to the newest: elements with the
 * same id map to each other, plus the explicit mappings of changed ids.
 *
 * <pre>{@code
 * MigrationReport report = engine.versions().migrate(ItsmProcess.INCIDENT,
 *     MigrationPlan.sameIds().map("Task_TriageIncident", "Task_FirstLook"));
 * }</pre>
 *
 * @param mappings old element id → new element id, for elements whose id changed
 */
public record MigrationPlan(Map<String, String> mappings) {

  /** Copies the mappings. */
  public MigrationPlan {
    mappings = Map.copyOf(mappings);
  }

  /** @return a plan that maps elements with equal ids only */
  public static MigrationPlan sameIds() {
    return new MigrationPlan(Map.of());
  }

  /**
   * @param oldId the element id in the older version
   * @param newId the element id in the newest version
   * @return a plan with this mapping added
   */
  public MigrationPlan map(String oldId, String newId) {
    Map<String, String> m = new LinkedHashMap<>(mappings);
    m.put(Objects.requireNonNull(oldId, "oldId"), Objects.requireNonNull(newId, "newId"));
    return new MigrationPlan(m);
  }
}
