package dev.itsm.examples.bench;

import java.util.Arrays;

/** Latency samples of one operation, in nanoseconds; percentiles by the nearest-rank method. */
final class Latencies {

  private final String name;
  private long[] samples = new long[1024];
  private int size;
  private long total;

  Latencies(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
    total += nanos;
  }

  int count() {
    return size;
  }

  /** @return the sum of every sample, in nanoseconds */
  long totalNanos() {
    return total;
  }

  /**
   * @param percent 1 .. 100
   * @return the sample at that percentile in milliseconds (nearest rank), 0 without samples
   */
  double percentileMs(double percent) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1_000_000.0;
  }

  double meanMs() {
    return size == 0 ? 0 : total / (double) size / 1_000_000.0;
  }
}
