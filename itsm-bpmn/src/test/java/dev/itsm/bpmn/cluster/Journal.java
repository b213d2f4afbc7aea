package dev.itsm.bpmn.cluster;

import dev.itsm.core.ItsmException;
import dev.itsm.core.incident.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node did, one line per event, appended and forced to disk ({@link FileChannel#force})
 * before the node makes its next call: a call that returned is in the journal even if the node is
 * killed right after. Tab-separated fields:
 *
 * <pre>
 * at  node  kind   worker  seq  op      number  f1     f2       f3         f4
 *           BEGIN                        (open: "-")  detail (open: the title token)
 *           OK                                   state  version  detail
 *           FAIL                                 class  code     retryable  message
 *           FIRE                                 what a timer job was about to change (attempt)
 *           CTRL                                 READY, GO, LOAD-DONE, STOPPING, ...
 * </pre>
 *
 * A line cut short by a kill is skipped by {@link #read(Path)}.
 */
final class Journal implements AutoCloseable {

  private final FileChannel channel;
  private final String node;

  private Journal(FileChannel channel, String node) {
    this.channel = channel;
    this.node = node;
  }

  /**
   * @param file the journal file (created, or appended to)
   * @param node the node's name
   * @return the journal
   */
  static Journal open(Path file, String node) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return new Journal(FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND), node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void begin(String worker, long seq, String op, String number, String detail) {
    write("BEGIN", worker, seq, op, number, detail);
  }

  void ok(String worker, long seq, String op, Incident result, String detail) {
    write("OK", worker, seq, op, result.number(), result.state().name(),
        Long.toString(result.version()), detail);
  }

  void fail(String worker, long seq, String op, String number, RuntimeException e) {
    String code = e instanceof ItsmException i ? i.code() : "-";
    boolean retryable = e instanceof ItsmException i && i.isRetryable();
    write("FAIL", worker, seq, op, number, e.getClass().getName(), code,
        Boolean.toString(retryable), String.valueOf(e.getMessage()));
  }

  void fire(String what, String number, String detail) {
    write("FIRE", Thread.currentThread().getName(), 0, what, number, detail);
  }

  void control(String what, String detail) {
    write("CTRL", "main", 0, what, "-", detail);
  }

  private synchronized void write(String kind, String worker, long seq, String op, String number,
      String... fields) {
    StringBuilder line = new StringBuilder();
    line.append(System.currentTimeMillis()).append('\t').append(node).append('\t').append(kind)
        .append('\t').append(clean(worker)).append('\t').append(seq).append('\t').append(op)
        .append('\t').append(number == null ? "-" : number);
    for (String f : fields) {
      line.append('\t').append(clean(f));
    }
    line.append('\n');
    ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String clean(String s) {
    return s == null ? "-" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line of a journal. */
  record Entry(long at, String node, String kind, String worker, long seq, String op,
      String number, List<String> fields) {

    String field(int i) {
      return i < fields.size() ? fields.get(i) : "-";
    }

    /** @return OK: the state the call returned */
    String state() {
      return field(0);
    }

    /** @return OK: the version the call returned */
    long version() {
      return Long.parseLong(field(1));
    }

    /** @return BEGIN: the detail (open: the title token); OK: the detail */
    String detail() {
      return "BEGIN".equals(kind) ? field(0) : field(2);
    }

    /** @return FAIL: the exception class */
    String exception() {
      return field(0);
    }

    /** @return FAIL: the error code */
    String code() {
      return field(1);
    }

    /** @return FAIL: whether the exception said it is retryable */
    boolean retryable() {
      return Boolean.parseBoolean(field(2));
    }

    /** @return the key matching a BEGIN with its outcome */
    String call() {
      return node + "/" + worker + "/" + seq;
    }

    @Override
    public String toString() {
      return String.join(" ", node, kind, worker, Long.toString(seq), op, number,
          String.join(" ", fields));
    }
  }

  /**
   * @param file a journal
   * @return its complete lines (a line cut short by a kill is left out)
   */
  static List<Entry> read(Path file) {
    List<Entry> entries = new ArrayList<>();
    if (!Files.exists(file)) {
      return entries;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = 0;
    int end;
    while ((end = text.indexOf('\n', start)) >= 0) {
      String[] f = text.substring(start, end).split("\t", -1);
      start = end + 1;
      if (f.length < 7) {
        continue;
      }
      try {
        entries.add(new Entry(Long.parseLong(f[0]), f[1], f[2], f[3], Long.parseLong(f[4]), f[5],
            f[6], List.of(f).subList(7, f.length)));
      } catch (NumberFormatException e) {
        // not a journal line
      }
    }
    return entries;
  }
}
