package dev.itsm.core.problem;

import dev.itsm.core.Actor;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.incident.TimelineEntry;
import java.util.List;
import java.util.Optional;

/**
 * Problem management with a known error database. Every call names the acting user, runs in one
 * transaction, validates its input and changes nothing when it fails (typed errors as for
 * incidents).
 *
 * <pre>{@code
 * Problem p = engine.problems().create(manager, CreateProblem.of("VPN drops", Priority.P2, inc));
 * engine.problems().assess(manager, new AssessProblem(p.number(), "pat", Priority.P2));
 * engine.problems().startAnalysis(manager, new StartAnalysis(p.number(), null));
 * engine.problems().identifyRootCause(manager, new IdentifyRootCause(p.number(),
 *     "Expired intermediate certificate", "Reconnect with the backup profile"));
 * engine.problems().publishKnownError(manager, new PublishKnownError(p.number(), null));
 * }</pre>
 */
public interface ProblemService {

  /** @param actor who @param command the problem @return it, NEW */
  Problem create(Actor actor, CreateProblem command);

  /** @param actor who @param command manager and priority @return the problem, ASSESS */
  Problem assess(Actor actor, AssessProblem command);

  /** @param actor who @param command the problem @return it, ROOT_CAUSE_ANALYSIS */
  Problem startAnalysis(Actor actor, StartAnalysis command);

  /** @param actor who @param command the root cause @return the problem, FIX_IN_PROGRESS */
  Problem identifyRootCause(Actor actor, IdentifyRootCause command);

  /** @param actor who @param command the workaround @return the problem */
  Problem recordWorkaround(Actor actor, RecordWorkaround command);

  /** @param actor who @param command the incidents @return the problem */
  Problem linkIncidents(Actor actor, LinkIncidents command);

  /** @param actor who @param command the fixing change @return the problem */
  Problem linkChange(Actor actor, LinkChange command);

  /**
   * Publishes the root cause and workaround as a known error.
   *
   * @param actor who
   * @param command the problem
   * @return the problem, with {@code knownError} set
   * @throws dev.itsm.core.ValidationException when root cause or workaround is missing
   */
  Problem publishKnownError(Actor actor, PublishKnownError command);

  /**
   * Resolves the problem; its open incidents are resolved or notified as the policy says.
   *
   * @param actor who
   * @param command how it was fixed
   * @return the problem, RESOLVED
   */
  Problem resolve(Actor actor, ResolveProblem command);

  /** @param actor who @param command the problem @return it, CLOSED */
  Problem close(Actor actor, CloseProblem command);

  /** @param actor who @param command the reason @return the problem, CANCELLED */
  Problem cancel(Actor actor, CancelProblem command);

  /** @param actor who @param command the note @return the problem */
  Problem addNote(Actor actor, AddProblemNote command);

  /** @param number a problem @return it @throws dev.itsm.core.RecordNotFoundException if none */
  Problem get(String number);

  /** @param number a problem @return it, if it exists */
  Optional<Problem> find(String number);

  /** @return a new problem query */
  ProblemQuery query();

  /** @return a new known error search */
  KnownErrorQuery knownErrors();

  /**
   * The known errors that match an incident: same configuration item, same service, or same
   * category, most specific first.
   *
   * @param incidentNumber an incident
   * @return the matching known errors
   */
  List<KnownError> knownErrorsFor(String incidentNumber);

  /** @param number a problem @return its timeline, oldest first */
  List<TimelineEntry> timeline(String number);

  /** @param number a problem @return its audit trail, oldest first */
  List<AuditEntry> auditTrail(String number);
}
