package dev.itsm.core.testdb;

import dev.itsm.core.spi.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Transactions for JDBC stores outside the engine, as a test stands in for it:
 * {@link #inTransaction} runs the work on this thread's connection, then commits (or rolls back
 * when the work throws); meanwhile {@link #connection()} hands that connection to the stores. Each
 * thread keeps its connection for the next transaction; {@link #close()} closes them all.
 */
public final class ThreadConnections implements ConnectionSource, AutoCloseable {

  private final DataSource dataSource;
  private final ThreadLocal<Connection> perThread = new ThreadLocal<>();
  private final ThreadLocal<Boolean> active = new ThreadLocal<>();
  private final List<Connection> opened = new ArrayList<>();

  /** @param dataSource where connections come from */
  public ThreadConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection connection() {
    if (active.get() == null) {
      throw new IllegalStateException("no transaction on this thread: use inTransaction(...)");
    }
    return perThread.get();
  }

  /**
   * Runs {@code work} in a new transaction: commits if it returns, rolls back if it throws.
   *
   * @param work the work
   * @param <T> its result type
   * @return its result
   */
  public <T> T inTransaction(Supplier<T> work) {
    if (active.get() != null) {
      throw new IllegalStateException("transactions do not nest");
    }
    try {
      Connection c = threadConnection();
      active.set(Boolean.TRUE);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw e;
      }
      c.commit();
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("transaction failed: " + e.getMessage(), e);
    } finally {
      active.remove();
    }
  }

  private Connection threadConnection() throws SQLException {
    Connection c = perThread.get();
    if (c == null || c.isClosed()) {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      perThread.set(c);
      synchronized (opened) {
        opened.add(c);
      }
    }
    return c;
  }

  /** Closes every connection opened so far. */
  @Override
  public void close() {
    synchronized (opened) {
      for (Connection c : opened) {
        try {
          c.close();
        } catch (SQLException e) {
          // the database is dropped next; nothing to keep
        }
      }
      opened.clear();
    }
  }
}
