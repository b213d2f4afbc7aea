package dev.itsm.core.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A throw-away database created for one test class (see {@link TestDatabase#create(String)}).
 * Closing it drops it.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final TestDatabase kind;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final DataSource dataSource;
  private final Runnable drop;

  ScratchDatabase(TestDatabase kind, String jdbcUrl, String user, String password,
      DataSource dataSource, Runnable drop) {
    this.kind = kind;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.dataSource = dataSource;
    this.drop = drop;
  }

  /** @return which kind of database this is */
  public TestDatabase kind() {
    return kind;
  }

  /** @return its JDBC URL */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** @return the user name */
  public String user() {
    return user;
  }

  /** @return the password */
  public String password() {
    return password;
  }

  /** @return an unpooled data source: every {@code getConnection()} opens a new connection */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Opens a connection of its own, outside any pool or engine (in auto-commit mode): for checks
   * that look at what was committed.
   *
   * @return a new connection; the caller closes it
   * @throws SQLException when the database cannot be reached
   */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /** Drops the database. */
  @Override
  public void close() {
    drop.run();
  }

  @Override
  public String toString() {
    return kind + " " + jdbcUrl;
  }
}
