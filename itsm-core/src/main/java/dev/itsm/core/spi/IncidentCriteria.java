package dev.itsm.core.spi;

import dev.itsm.core.incident.IncidentSort;
import dev.itsm.core.incident.IncidentState;
import dev.itsm.core.incident.Priority;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Set;

/**
 * The criteria of an incident query, as handed to an {@link IncidentStore}. Empty sets and
 * {@code null} values mean "any".
 *
 * @param states any of these states
 * @param priorities any of these priorities
 * @param assignmentGroup the assignment group
 * @param assignee the assignee
 * @param caller the caller
 * @param text case-insensitive text in title or description
 * @param openedFrom inclusive lower bound of the opening time
 * @param openedTo exclusive upper bound of the opening time
 * @param resolutionDueBefore exclusive upper bound of the resolution due time
 *     ({@code milestones.resolutionDue}); incidents without a resolution due time do not match
 * @param configurationItem the affected configuration item
 * @param category the category
 * @param sort the sort key
 * @param ascending sort direction
 * @param offset rows to skip, at least 0
 * @param limit rows to return, 1 .. 1000
 * @param tenant the tenant; {@code null} means any (the library's own use only: the API always
 *     restricts a query to the acting user's tenant)
 * @param owner only incidents this user is an owner of (the caller); {@code null} means any
 */
public record IncidentCriteria(
    Set<IncidentState> states,
    Set<Priority> priorities,
    String assignmentGroup,
    String assignee,
    String caller,
    String text,
    Instant openedFrom,
    Instant openedTo,
    Instant resolutionDueBefore,
    String configurationItem,
    String category,
    @NotNull IncidentSort sort,
    boolean ascending,
    @Min(0) int offset,
    @Min(1) @Max(1000) int limit,
    String tenant,
    String owner) {

  /** Copies the sets. */
  public IncidentCriteria {
    states = states == null ? Set.of() : Set.copyOf(states);
    priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
  }

  /**
   * Criteria of any tenant and owner (the criteria before tenants).
   *
   * @param states any of these states
   * @param priorities any of these priorities
   * @param assignmentGroup the assignment group
   * @param assignee the assignee
   * @param caller the caller
   * @param text case-insensitive text in title or description
   * @param openedFrom inclusive lower bound of the opening time
   * @param openedTo exclusive upper bound of the opening time
   * @param resolutionDueBefore exclusive upper bound of the resolution due time
   * @param configurationItem the affected configuration item
   * @param category the category
   * @param sort the sort key
   * @param ascending sort direction
   * @param offset rows to skip, at least 0
   * @param limit rows to return, 1 .. 1000
   */
  public IncidentCriteria(Set<IncidentState> states, Set<Priority> priorities,
      String assignmentGroup, String assignee, String caller, String text, Instant openedFrom,
      Instant openedTo, Instant resolutionDueBefore, String configurationItem, String category,
      IncidentSort sort, boolean ascending, int offset, int limit) {
    this(states, priorities, assignmentGroup, assignee, caller, text, openedFrom, openedTo,
        resolutionDueBefore, configurationItem, category, sort, ascending, offset, limit, null,
        null);
  }

  /**
   * @param tenant the tenant, or {@code null} for any
   * @param owner the owner, or {@code null} for any
   * @return these criteria restricted to a tenant and an owner
   */
  public IncidentCriteria restrictedTo(String tenant, String owner) {
    return new IncidentCriteria(states, priorities, assignmentGroup, assignee, caller, text,
        openedFrom, openedTo, resolutionDueBefore, configurationItem, category, sort, ascending,
        offset, limit, tenant, owner);
  }

  /**
   * Criteria without a bound on the resolution due time (the criteria of version 0.1).
   *
   * @param states any of these states
   * @param priorities any of these priorities
   * @param assignmentGroup the assignment group
   * @param assignee the assignee
   * @param caller the caller
   * @param text case-insensitive text in title or description
   * @param openedFrom inclusive lower bound of the opening time
   * @param openedTo exclusive upper bound of the opening time
   * @param sort the sort key
   * @param ascending sort direction
   * @param offset rows to skip, at least 0
   * @param limit rows to return, 1 .. 1000
   */
  public IncidentCriteria(Set<IncidentState> states, Set<Priority> priorities,
      String assignmentGroup, String assignee, String caller, String text, Instant openedFrom,
      Instant openedTo, IncidentSort sort, boolean ascending, int offset, int limit) {
    this(states, priorities, assignmentGroup, assignee, caller, text, openedFrom, openedTo, null,
        sort, ascending, offset, limit);
  }

  /**
   * Criteria without configuration item and category (the criteria of the benchmark release).
   *
   * @param states any of these states
   * @param priorities any of these priorities
   * @param assignmentGroup the assignment group
   * @param assignee the assignee
   * @param caller the caller
   * @param text case-insensitive text in title or description
   * @param openedFrom inclusive lower bound of the opening time
   * @param openedTo exclusive upper bound of the opening time
   * @param resolutionDueBefore exclusive upper bound of the resolution due time
   * @param sort the sort key
   * @param ascending sort direction
   * @param offset rows to skip, at least 0
   * @param limit rows to return, 1 .. 1000
   */
  public IncidentCriteria(Set<IncidentState> states, Set<Priority> priorities,
      String assignmentGroup, String assignee, String caller, String text, Instant openedFrom,
      Instant openedTo, Instant resolutionDueBefore, IncidentSort sort, boolean ascending,
      int offset, int limit) {
    this(states, priorities, assignmentGroup, assignee, caller, text, openedFrom, openedTo,
        resolutionDueBefore, null, null, sort, ascending, offset, limit);
  }
}
