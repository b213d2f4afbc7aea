package dev.itsm.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: add a work note to a request's timeline.
 *
 * @param number the request
 * @param text the note (required)
 */
public record AddRequestNote(@NotBlank String number, @NotBlank @Size(max = 4000) String text) {}
