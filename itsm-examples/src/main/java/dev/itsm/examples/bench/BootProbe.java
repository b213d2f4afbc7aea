package dev.itsm.examples.bench;

import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import java.nio.file.Path;

/**
 * Starts an {@link ItsmEngine} on a data directory in a fresh JVM, as a restarting application
 * would, and prints how long {@code build()} took: {@code boot_ms=<ms>}. With {@code --raw} it
 * starts the hand-written integration's plain Camunda engine instead. Run by the benchmark as a
 * child process.
 */
public final class BootProbe {

  private BootProbe() {}

  /** @param args {@code [--raw] <data directory>} */
  public static void main(String[] args) {
    Benchmark.quietLogging();
    boolean raw = args[0].equals("--raw");
    Path dir = Path.of(args[raw ? 1 : 0]);
    long start = System.nanoTime();
    AutoCloseable engine = raw ? RawIncidentIntegration.start(dir)
        : ItsmEngine.builder().dataDirectory(dir).processes(ItsmProcess.INCIDENT).build();
    long ms = (System.nanoTime() - start) / 1_000_000;
    try {
      engine.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    System.out.println("boot_ms=" + ms);
  }
}
