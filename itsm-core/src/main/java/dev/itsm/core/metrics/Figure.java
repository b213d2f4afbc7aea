package dev.itsm.core.metrics;

/**
 * One line of a practice's table: a KPI's name, its value formatted for people, and its
 * definition.
 *
 * @param name the KPI's name, e.g. "Reopen rate"
 * @param value the formatted value, e.g. "12.5 %" or "3 h 20 min"; "–" when undefined
 * @param definition what exactly is counted
 */
public record Figure(String name, String value, String definition) {}
