package dev.itsm.core.metrics;

/**
 * Compliance of every target at one priority.
 *
 * @param priority the priority ({@code NONE} for records without one)
 * @param met clocks met out of clocks stopped in the period (cancelled clocks excluded)
 */
public record PriorityCompliance(String priority, Ratio met) {}
