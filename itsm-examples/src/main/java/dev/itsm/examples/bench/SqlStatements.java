package dev.itsm.examples.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Counts the SQL statements some work runs on an embedded H2 database, with H2's query statistics
 * ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}, which count every execution of every statement of
 * every session). Unlike a throughput, the count does not depend on what else the machine is
 * doing.
 *
 * @param statements statements executed, commits not included
 * @param writes of which inserts, updates and deletes
 */
record SqlStatements(long statements, long writes) {

  /**
   * Runs {@code work} and counts the statements it ran on the database in the file
   * {@code h2File} (the path H2 is given, without {@code .mv.db}), which is open in this JVM.
   *
   * @param h2File the database file
   * @param work what to count
   * @return the counts
   */
  static SqlStatements of(Path h2File, Runnable work) {
    String url = "jdbc:h2:file:" + h2File.toAbsolutePath().normalize()
        + RawIncidentIntegration.H2_SETTINGS;
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
      s.execute("SET QUERY_STATISTICS FALSE"); // clears what an earlier count left
      s.execute("SET QUERY_STATISTICS TRUE");
      long statements = 0;
      long writes = 0;
      try {
        work.run();
        try (ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT"
            + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
          while (rs.next()) {
            String sql = rs.getString(1).strip().toUpperCase(Locale.ROOT);
            if (sql.startsWith("COMMIT") || sql.contains("QUERY_STATISTICS")) {
              continue;
            }
            long n = rs.getLong(2);
            statements += n;
            if (sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("DELETE")
                || sql.startsWith("MERGE")) {
              writes += n;
            }
          }
        }
      } finally {
        s.execute("SET QUERY_STATISTICS FALSE"); // and stops collecting
      }
      return new SqlStatements(statements, writes);
    } catch (SQLException e) {
      throw new IllegalStateException("counting SQL statements failed: " + e.getMessage(), e);
    }
  }
}
