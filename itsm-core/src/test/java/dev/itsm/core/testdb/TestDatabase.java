package dev.itsm.core.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases the JDBC tests run on: every JDBC test class runs once per constant (see
 * {@code @ParameterizedClass @EnumSource(TestDatabase.class)}).
 */
public enum TestDatabase {

  /** An H2 2.x in-memory database, dropped on {@link ScratchDatabase#close()}. */
  H2 {
    @Override
    public ScratchDatabase create(String label) {
      String url = "jdbc:h2:mem:" + label + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url);
      ds.setUser("sa");
      ds.setPassword("");
      return new ScratchDatabase(this, url, "sa", "", ds, () -> {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (SQLException e) {
          throw new IllegalStateException("SHUTDOWN of " + url + " failed", e);
        }
      });
    }

    @Override
    public DataSource missingDatabase() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:missing-" + UUID.randomUUID() + ";IFEXISTS=TRUE");
      return ds;
    }
  },

  /** A database of its own on the embedded PostgreSQL server ({@link EmbeddedPostgresServer}). */
  POSTGRESQL {
    @Override
    public ScratchDatabase create(String label) {
      return EmbeddedPostgresServer.createDatabase(label);
    }

    @Override
    public DataSource missingDatabase() {
      return EmbeddedPostgresServer.missingDatabase();
    }
  };

  /**
   * Creates a new, empty database of this kind.
   *
   * @param label part of the database name, e.g. the test class's simple name
   * @return the database; close it to drop it
   */
  public abstract ScratchDatabase create(String label);

  /** @return a data source whose database does not exist, so connecting fails */
  public abstract DataSource missingDatabase();
}
