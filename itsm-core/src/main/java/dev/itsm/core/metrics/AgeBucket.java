package dev.itsm.core.metrics;

import java.time.Duration;

/**
 * How many backlog records are of an age in {@code [from, to)}.
 *
 * @param label e.g. "1-3 d"
 * @param from lower bound, inclusive
 * @param to upper bound, exclusive; {@code null} for no upper bound
 * @param count the records
 */
public record AgeBucket(String label, Duration from, Duration to, long count) {}
