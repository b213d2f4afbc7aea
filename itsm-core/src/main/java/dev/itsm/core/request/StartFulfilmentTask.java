package dev.itsm.core.request;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Command: start a fulfilment task of a request; the actor (a member of the task's group) takes
 * it. The first task started moves the request to IN_FULFILMENT.
 *
 * @param number the request
 * @param task the task's number within the request, from 1
 */
public record StartFulfilmentTask(@NotBlank String number, @Min(1) int task) {}
