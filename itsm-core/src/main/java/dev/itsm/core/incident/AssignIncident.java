package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: set the assignment group and (optionally) the assignee. A change of group after the
 * first assignment counts as a reassignment.
 *
 * @param number the incident number
 * @param assignmentGroup the group (required)
 * @param assignee an individual in the group, or {@code null} to leave it to the group
 */
public record AssignIncident(
    @NotBlank String number,
    @NotBlank @Size(max = 100) String assignmentGroup,
    @Size(max = 100) String assignee) {}
