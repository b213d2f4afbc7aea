package dev.itsm.bpmn;

/**
 * How much process history the engine keeps (Camunda's history levels). The ITSM records, their
 * timeline and audit trail, and each service-level clock's history are kept whatever the level.
 * Below {@code FULL} the service-level clock instances themselves write no engine history: the
 * library's clock history already says all it would.
 */
public enum HistoryLevel {
  /** No process history. */
  NONE,
  /** Process instances and activity instances. */
  ACTIVITY,
  /** ACTIVITY plus variable updates (default). */
  AUDIT,
  /** Everything, including user operation logs and the service-level clock instances. */
  FULL;

  String camundaName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
