package dev.itsm.core.problem;

import dev.itsm.core.Actor;
import dev.itsm.core.audit.AuditEntry;
import dev.itsm.core.incident.TimelineEntry;
import java.util.List;
import java.util.Optional;

/**
 * Problem management with a known error database. Every call names the acting user first, runs
 * in one transaction, validates its input and changes nothing when it fails (typed errors as for
 * incidents). Every call is checked against the engine's access policy: creating needs
 * {@code problem.create}; assessing, analysing, recording root cause and workaround, linking
 * incidents and changes and adding notes {@code problem.work}; publishing a known error
 * {@code problem.publish-known-error}; resolving and closing {@code problem.resolve}; cancelling
 * {@code problem.cancel}; reads {@code problem.read} and {@code known-error.read}. A denied call
 * throws {@link dev.itsm.core.access.AccessDeniedException} and changes nothing; a problem of
 * another tenant is not found ({@link dev.itsm.core.RecordNotFoundException}).
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

  /**
   * @param actor the acting user; checked for {@code problem.create}
   * @param command the problem
   * @return it, NEW
   */
  Problem create(Actor actor, CreateProblem command);

  /**
   * @param actor the acting user; checked for {@code problem.work}
   * @param command manager and priority
   * @return the problem, ASSESS
   */
  Problem assess(Actor actor, AssessProblem command);

  /**
   * @param actor the acting user; checked for {@code problem.work}
   * @param command the problem
   * @return it, ROOT_CAUSE_ANALYSIS
   */
  Problem startAnalysis(Actor actor, StartAnalysis command);

  /**
   * @param actor the acting user; checked for {@code problem.work}
   * @param command the root cause
   * @return the problem, FIX_IN_PROGRESS
   */
  Problem identifyRootCause(Actor actor, IdentifyRootCause command);

  /**
   * @param actor the acting user; checked for {@code problem.work}
   * @param command the workaround
   * @return the problem
   */
  Problem recordWorkaround(Actor actor, RecordWorkaround command);

  /**
   * @param actor the acting user; checked for {@code problem.work}
   * @param command the incidents
   * @return the problem
   */
  Problem linkIncidents(Actor actor, LinkIncidents command);

  /**
   * @param actor the acting user; checked for {@code problem.work}
   * @param command the fixing change
   * @return the problem
   */
  Problem linkChange(Actor actor, LinkChange command);

  /**
   * Publishes the root cause and workaround as a known error.
   *
   * @param actor the acting user; checked for {@code problem.publish-known-error}
   * @param command the problem
   * @return the problem, with {@code knownError} set
   * @throws dev.itsm.core.ValidationException when root cause or workaround is missing
   */
  Problem publishKnownError(Actor actor, PublishKnownError command);

  /**
   * Resolves the problem; its open incidents are resolved or notified as the policy says.
   *
   * @param actor the acting user; checked for {@code problem.resolve}
   * @param command how it was fixed
   * @return the problem, RESOLVED
   */
  Problem resolve(Actor actor, ResolveProblem command);

  /**
   * @param actor the acting user; checked for {@code problem.resolve}
   * @param command the problem
   * @return it, CLOSED
   */
  Problem close(Actor actor, CloseProblem command);

  /**
   * @param actor the acting user; checked for {@code problem.cancel}
   * @param command the reason
   * @return the problem, CANCELLED
   */
  Problem cancel(Actor actor, CancelProblem command);

  /**
   * @param actor the acting user; checked for {@code problem.work}
   * @param command the note
   * @return the problem
   */
  Problem addNote(Actor actor, AddProblemNote command);

  /**
   * @param actor the acting user; checked for {@code problem.read}
   * @param number a problem
   * @return it
   * @throws dev.itsm.core.RecordNotFoundException if none in the actor's tenant
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not read it
   */
  Problem get(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code problem.read}
   * @param number a problem
   * @return it, if it exists in the actor's tenant
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not read it
   */
  Optional<Problem> find(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code problem.read}; the query returns problems of
   *     the actor's tenant only
   * @return a new problem query
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may read no problem
   */
  ProblemQuery query(Actor actor);

  /**
   * @param actor the acting user; checked for {@code known-error.read}; the search returns known
   *     errors of the actor's tenant only
   * @return a new known error search
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not search known errors
   */
  KnownErrorQuery knownErrors(Actor actor);

  /**
   * The known errors that match an incident: same configuration item, same service, or same
   * category, most specific first; only known errors of the incident's tenant.
   *
   * @param actor the acting user; checked for {@code known-error.read}
   * @param incidentNumber an incident of the actor's tenant
   * @return the matching known errors
   * @throws dev.itsm.core.RecordNotFoundException if the incident is not in the actor's tenant
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not search known errors
   */
  List<KnownError> knownErrorsFor(Actor actor, String incidentNumber);

  /**
   * @param actor the acting user; checked for {@code problem.read}
   * @param number a problem
   * @return its timeline, oldest first
   * @throws dev.itsm.core.RecordNotFoundException if none in the actor's tenant
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not read it
   */
  List<TimelineEntry> timeline(Actor actor, String number);

  /**
   * @param actor the acting user; checked for {@code problem.read}
   * @param number a problem
   * @return its audit trail, oldest first
   * @throws dev.itsm.core.RecordNotFoundException if none in the actor's tenant
   * @throws dev.itsm.core.access.AccessDeniedException if the actor may not read it
   */
  List<AuditEntry> auditTrail(Actor actor, String number);
}
