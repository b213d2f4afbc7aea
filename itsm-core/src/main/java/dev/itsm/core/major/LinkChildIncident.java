package dev.itsm.core.major;

import jakarta.validation.constraints.NotBlank;

/**
 * Command: link an incident as a child of a major incident; resolving the major incident
 * resolves its children with its resolution.
 *
 * @param parent the major incident
 * @param child the child incident (open, not major, not a child of another)
 */
public record LinkChildIncident(@NotBlank String parent, @NotBlank String child) {}
