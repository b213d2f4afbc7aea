package dev.itsm.bpmn.cluster;

import dev.itsm.core.testdb.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A node of the cluster tests: {@link NodeMain} in a JVM of its own (this JVM's {@code java} and
 * class path), its journal, and its stdout/stderr in files next to the journal, for diagnosis.
 */
final class NodeProcess implements AutoCloseable {

  private final String name;
  private final Path dir;
  private final Process process;

  private NodeProcess(String name, Path dir, Process process) {
    this.name = name;
    this.dir = dir;
    this.process = process;
  }

  /**
   * Starts a node.
   *
   * @param name the node's name (also its journal's name)
   * @param db the cluster's database
   * @param control the directory of the go/stop files, shared by the nodes of a test
   * @param options further {@code key=value} arguments of {@link NodeMain}
   * @return the running node
   */
  static NodeProcess start(String name, ScratchDatabase db, Path control,
      Map<String, String> options) {
    Path dir = control.resolve(name);
    try {
      Files.createDirectories(dir);
      // the class path in an argument file: it is long
      Path argFile = dir.resolve("java.args");
      Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path")
          .replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Dorg.slf4j.simpleLogger.showDateTime=true",
          "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
          "@" + argFile.toAbsolutePath(),
          NodeMain.class.getName(),
          "node=" + name, "url=" + db.jdbcUrl(), "user=" + db.user(),
          "password=" + db.password(), "journal=" + journalFile(control, name),
          "control=" + control.toAbsolutePath()));
      options.forEach((k, v) -> cmd.add(k + "=" + v));
      Process p = new ProcessBuilder(cmd)
          .redirectOutput(dir.resolve("stdout.log").toFile())
          .redirectError(dir.resolve("stderr.log").toFile())
          .start();
      return new NodeProcess(name, dir, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
  }

  static Path journalFile(Path control, String name) {
    return control.resolve(name).resolve("journal.tsv").toAbsolutePath();
  }

  String name() {
    return name;
  }

  Process process() {
    return process;
  }

  List<Journal.Entry> journal() {
    return Journal.read(dir.resolve("journal.tsv"));
  }

  /**
   * Waits until the journal has a line that {@code condition} accepts.
   *
   * @param timeout how long at most
   * @param what for the failure message
   * @param condition the condition on one line
   */
  void await(Duration timeout, String what, Predicate<Journal.Entry> condition) {
    awaitJournal(timeout, what, lines -> lines.stream().anyMatch(condition));
  }

  /**
   * Waits until the journal as a whole satisfies {@code condition}.
   *
   * @param timeout how long at most
   * @param what for the failure message
   * @param condition the condition on all lines
   */
  void awaitJournal(Duration timeout, String what, Predicate<List<Journal.Entry>> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(journal())) {
      if (journal().stream().anyMatch(e -> e.kind().equals("CTRL")
          && (e.op().equals("ERROR") || e.op().equals("EXIT")))) {
        throw new AssertionError("node " + name + " failed while waiting for " + what + "\n"
            + diagnostics());
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("node " + name + (process.isAlive() ? " timed out after "
            + timeout : " exited (" + process.exitValue() + ")") + " waiting for " + what + "\n"
            + diagnostics());
      }
      sleep(50);
    }
  }

  /** Waits for a control line of the node, e.g. READY. */
  void awaitControl(String what, Duration timeout) {
    await(timeout, what, e -> e.kind().equals("CTRL") && e.op().equals(what));
  }

  /**
   * Waits for the node to exit after the {@code stop} file was written.
   *
   * @param timeout how long at most
   * @return its exit code
   */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("node " + name + " did not exit within " + timeout + "\n"
            + diagnostics());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  /**
   * Kills the node with SIGKILL ({@code kill -9}) and waits until it is gone.
   *
   * @return its exit code (137 = killed by signal 9)
   */
  int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("node " + name + " still alive 30 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  /** @return the tails of the node's stdout, stderr and journal */
  String diagnostics() {
    return "---- node " + name + " (" + dir.toAbsolutePath() + ")\n"
        + "stderr: " + tail(dir.resolve("stderr.log"), 60) + "\n"
        + "stdout: " + tail(dir.resolve("stdout.log"), 40) + "\n"
        + "journal: " + tail(dir.resolve("journal.tsv"), 20);
  }

  static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "(none)";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return "\n  " + String.join("\n  ", all.subList(Math.max(0, all.size() - lines),
          all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Kills the node if it is still running (a failed test must not leave it behind). */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
