package dev.itsm.bpmn;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.itsm.core.testdb.ScratchDatabase;
import dev.itsm.core.testdb.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The database under an engine test, fresh and empty, of one of the kinds in {@link TestDatabase}:
 *
 * <ul>
 *   <li>{@code H2}: the engine's default, an H2 file database it opens and pools itself in a
 *       directory ({@code dataDirectory});
 *   <li>{@code POSTGRESQL}: a database of its own on the embedded PostgreSQL server (one server per
 *       test JVM), handed to the engine as a host would: a HikariCP pool with default settings
 *       ({@code dataSource}), which this object owns and closes.
 * </ul>
 *
 * Several engines may be built on it one after another (restarts); {@link #close()} drops it.
 */
final class EngineDatabase implements AutoCloseable {

  private final TestDatabase kind;
  private final Path directory;
  private final ScratchDatabase postgres;
  private final HikariDataSource pool;

  private EngineDatabase(TestDatabase kind, Path directory, ScratchDatabase postgres,
      HikariDataSource pool) {
    this.kind = kind;
    this.directory = directory;
    this.postgres = postgres;
    this.pool = pool;
  }

  /**
   * @param kind which database
   * @param dir a fresh directory, for the H2 files
   * @param label part of the PostgreSQL database name, e.g. the test class's simple name
   * @return an empty database
   */
  static EngineDatabase create(TestDatabase kind, Path dir, String label) {
    return switch (kind) {
      case H2 -> new EngineDatabase(kind, dir, null, null);
      case POSTGRESQL -> {
        ScratchDatabase db = TestDatabase.POSTGRESQL.create(label);
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("itsm-test-" + label);
        cfg.setDataSource(db.dataSource());
        cfg.setMaximumPoolSize(10);
        yield new EngineDatabase(kind, null, db, new HikariDataSource(cfg));
      }
    };
  }

  /** @return the kind of database */
  TestDatabase kind() {
    return kind;
  }

  /**
   * @param builder an engine builder
   * @return the builder, set to use this database
   */
  ItsmEngine.Builder configure(ItsmEngine.Builder builder) {
    return pool == null ? builder.dataDirectory(directory) : builder.dataSource(pool);
  }

  /**
   * Opens a connection outside the engine and its pool (auto-commit), to check what was
   * committed.
   *
   * @return a new connection; the caller closes it
   * @throws SQLException when the database cannot be reached
   */
  Connection connect() throws SQLException {
    return postgres != null ? postgres.connect()
        : DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("itsm"), "sa", "");
  }

  /**
   * A data source on the database for something else than an ITSM engine (a plain Camunda engine
   * sharing it, say); on PostgreSQL the pool the ITSM engines get.
   *
   * @return a data source; this object closes what needs closing
   */
  DataSource dataSource() {
    if (pool != null) {
      return pool;
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("itsm"));
    h2.setUser("sa");
    h2.setPassword("");
    return h2;
  }

  /** Closes the pool and drops the database (H2: the temporary directory goes with the test). */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
      postgres.close();
    }
  }

  @Override
  public String toString() {
    return kind.toString();
  }
}
