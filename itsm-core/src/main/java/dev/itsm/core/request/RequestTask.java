package dev.itsm.core.request;

import java.time.Instant;

/**
 * A fulfilment task of one request, made from the item version's {@link FulfilmentTask}.
 *
 * @param number the task's number within the request, from 1, in the item's order
 * @param name what is done
 * @param group the group that does it
 * @param stage its stage, from 1; tasks of a stage run at the same time
 * @param state where it stands
 * @param assignee who started or completed it, or {@code null}
 * @param startedAt when it was started, or {@code null}
 * @param completedAt when it was completed, or {@code null}
 * @param note the note given on completion, or {@code null}
 */
public record RequestTask(int number, String name, String group, int stage,
    FulfilmentTaskState state, String assignee, Instant startedAt, Instant completedAt,
    String note) {

  /** @return whether it can be started or completed now */
  public boolean workable() {
    return state == FulfilmentTaskState.OPEN || state == FulfilmentTaskState.IN_PROGRESS;
  }

  /** @param s the new state @return a copy in that state */
  public RequestTask withState(FulfilmentTaskState s) {
    return new RequestTask(number, name, group, stage, s, assignee, startedAt, completedAt, note);
  }

  /** @param who the assignee @param at when @return a copy started by {@code who} */
  public RequestTask started(String who, Instant at) {
    return new RequestTask(number, name, group, stage, FulfilmentTaskState.IN_PROGRESS, who, at,
        null, null);
  }

  /**
   * @param who who completed it
   * @param at when
   * @param completionNote the note, or {@code null}
   * @return a copy that is done
   */
  public RequestTask completed(String who, Instant at, String completionNote) {
    return new RequestTask(number, name, group, stage, FulfilmentTaskState.DONE, who,
        startedAt != null ? startedAt : at, at, completionNote);
  }

  @Override
  public String toString() {
    return number + " " + name + " (" + group + ", stage " + stage + "): " + state
        + (assignee == null ? "" : " by " + assignee);
  }
}
