package dev.itsm.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: withdraw a request before it is fulfilled; its open tasks are cancelled.
 *
 * @param number the request
 * @param reason why (required)
 */
public record CancelRequest(@NotBlank String number, @NotBlank @Size(max = 4000) String reason) {}
