package dev.itsm.core.metrics;

import dev.itsm.core.sla.TargetKind;

/**
 * Compliance of one service-level target at one priority.
 *
 * @param target the target's name, e.g. "P1 resolution"
 * @param kind response, resolution or operational
 * @param priority the clock's priority ({@code NONE} for records without one)
 * @param met clocks met out of clocks stopped in the period (cancelled clocks excluded)
 */
public record TargetCompliance(String target, TargetKind kind, String priority, Ratio met) {}
