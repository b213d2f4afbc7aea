package dev.itsm.core.request;

/** The states of one fulfilment task of a request. */
public enum FulfilmentTaskState {
  /** Its stage has not begun yet. */
  PENDING,
  /** Its stage has begun; nobody has started it. */
  OPEN,
  /** Someone of its group started it (the assignee). */
  IN_PROGRESS,
  /** Completed. */
  DONE,
  /** The request was cancelled before the task was done. */
  CANCELLED
}
