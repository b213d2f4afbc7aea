package dev.itsm.core.request;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Command: complete a fulfilment task of a request (started or not); the actor must be a member of
 * the task's group. Completing the last task of a stage opens the next stage; completing the last
 * task of all fulfils the request.
 *
 * @param number the request
 * @param task the task's number within the request, from 1
 * @param note what was done (optional)
 */
public record CompleteFulfilmentTask(@NotBlank String number, @Min(1) int task,
    @Size(max = 4000) String note) {}
