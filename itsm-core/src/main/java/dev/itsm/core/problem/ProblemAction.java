package dev.itsm.core.problem;

/** The API actions on a problem; {@link ProblemLifecycle} says where each is allowed. */
public enum ProblemAction {
  /** Take it on: name the problem manager and priority. */
  ASSESS,
  /** Begin root cause analysis. */
  START_ANALYSIS,
  /** Record the root cause; the fix begins. */
  IDENTIFY_ROOT_CAUSE,
  /** Record or update the workaround. */
  RECORD_WORKAROUND,
  /** Link incidents. */
  LINK_INCIDENTS,
  /** Name the change that fixes it. */
  LINK_CHANGE,
  /** Publish root cause and workaround as a known error. */
  PUBLISH_KNOWN_ERROR,
  /** The fix is in. */
  RESOLVE,
  /** Close a resolved problem. */
  CLOSE,
  /** Withdraw it. */
  CANCEL,
  /** Add a work note. */
  ADD_NOTE
}
