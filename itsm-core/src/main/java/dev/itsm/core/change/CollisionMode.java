package dev.itsm.core.change;

/** What scheduling does with a change whose window collides with another scheduled change. */
public enum CollisionMode {
  /** Schedule it and flag the collision on the change, its timeline and its event. The default. */
  WARN,
  /** Refuse the schedule with a validation error naming the colliding changes. */
  BLOCK
}
