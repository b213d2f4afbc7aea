package dev.itsm.core.store.jdbc;

import dev.itsm.core.ItsmConfigurationException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and migrates the ITSM tables with versioned Flyway migrations
 * ({@code dev/itsm/core/db/migration/V*.sql}), recorded in the table
 * {@code itsm_schema_history}. Safe to call on every start: applied versions are skipped.
 */
public final class ItsmSchema {

  private static final Logger LOG = LoggerFactory.getLogger(ItsmSchema.class);

  /** The Flyway history table of the ITSM schema. */
  public static final String HISTORY_TABLE = "itsm_schema_history";

  private ItsmSchema() {}

  /**
   * @param dataSource the database
   * @return the schema version now in place, e.g. {@code 1}
   * @throws ItsmConfigurationException when a migration fails
   */
  public static String migrate(DataSource dataSource) {
    try {
      MigrateResult result = Flyway.configure(ItsmSchema.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:dev/itsm/core/db/migration")
          .table(HISTORY_TABLE)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
          : result.initialSchemaVersion;
      if (result.migrationsExecuted > 0) {
        LOG.info("ITSM schema migrated to version {} ({} migration(s) applied)", version,
            result.migrationsExecuted);
      }
      return version;
    } catch (RuntimeException e) {
      throw new ItsmConfigurationException("Could not create or migrate the ITSM tables: "
          + e.getMessage() + " (check that the database user may create tables and sequences)", e);
    }
  }
}
