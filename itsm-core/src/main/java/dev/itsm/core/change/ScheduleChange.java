package dev.itsm.core.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Command: give an authorised change its implementation window, or move it. The window must not
 * fall in a freeze window (an emergency change may, with a {@code freezeOverride} justification)
 * and is checked for collisions with other scheduled changes on the same services or configuration
 * items (flagged or refused, as the engine's collision mode says).
 *
 * @param number the change
 * @param plannedStart window start
 * @param plannedEnd window end, after the start
 * @param implementer the individual implementing it (optional; keeps the current one when null)
 * @param freezeOverride for an emergency change in a freeze window: why it cannot wait
 */
public record ScheduleChange(@NotBlank String number, @NotNull Instant plannedStart,
    @NotNull Instant plannedEnd, @Size(max = 100) String implementer,
    @Size(max = 4000) String freezeOverride) {

  /** @param number the change @param start window start @param end window end @return the command */
  public static ScheduleChange window(String number, Instant start, Instant end) {
    return new ScheduleChange(number, start, end, null, null);
  }
}
