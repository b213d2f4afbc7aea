package dev.itsm.bpmn;

/**
 * How much process history the engine keeps (Camunda's history levels). The ITSM records, their
 * timeline and audit trail are kept whatever the level.
 */
public enum HistoryLevel {
  /** No process history. */
  NONE,
  /** Process instances and activity instances. */
  ACTIVITY,
  /** ACTIVITY plus variable updates (default). */
  AUDIT,
  /** Everything, including user operation logs. */
  FULL;

  String camundaName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
