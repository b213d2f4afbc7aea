package dev.itsm.core.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: add a work note (internal) or a comment (visible to the caller) to the timeline.
 *
 * @param number the incident number
 * @param text the note (required, up to 4000 characters)
 * @param visibility who may read it (required)
 */
public record AddWorkNote(
    @NotBlank String number,
    @NotBlank @Size(max = 4000) String text,
    @NotNull Visibility visibility) {

  /** Who may read a note. */
  public enum Visibility {
    /** Support staff only: a work note. */
    INTERNAL,
    /** The caller too: a comment. */
    CUSTOMER
  }
}
