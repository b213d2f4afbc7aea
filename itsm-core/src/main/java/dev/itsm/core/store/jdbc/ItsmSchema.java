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

  /** The record-number sequences that exist once per tenant. */
  public static final java.util.List<String> NUMBER_SEQUENCES = java.util.List.of(
      "itsm_incident_seq", "itsm_change_seq", "itsm_problem_seq", "itsm_known_error_seq",
      "itsm_request_seq");

  /**
   * The name of a record-number sequence for a tenant: the base name for the default tenant,
   * {@code <base>_<tenant>} for others (tenant ids are lower-case identifiers, so the name is
   * safe to use in SQL).
   *
   * @param base a sequence of {@link #NUMBER_SEQUENCES}
   * @param tenant a tenant id
   * @return the sequence name
   */
  public static String sequence(String base, String tenant) {
    if (tenant == null || dev.itsm.core.Actor.DEFAULT_TENANT.equals(tenant)) {
      return base;
    }
    if (!tenant.matches(dev.itsm.core.Actor.TENANT_PATTERN)) {
      throw new IllegalArgumentException("not a tenant id: " + tenant);
    }
    return base + "_" + tenant;
  }

  /**
   * Creates the number sequences of tenants that have none yet (outside any transaction: DDL).
   *
   * @param dataSource the database
   * @param tenants tenant ids; the default tenant's sequences come with the schema
   * @throws ItsmConfigurationException when a sequence cannot be created
   */
  public static void createTenantSequences(DataSource dataSource,
      java.util.Collection<String> tenants) {
    for (String tenant : tenants) {
      if (dev.itsm.core.Actor.DEFAULT_TENANT.equals(tenant)) {
        continue;
      }
      for (String base : NUMBER_SEQUENCES) {
        String name = sequence(base, tenant);
        try {
          createSequence(dataSource, name);
        } catch (java.sql.SQLException first) {
          // two nodes starting at once: PostgreSQL may fail the loser of the race on its
          // catalog's unique index although IF NOT EXISTS was given; by now the sequence exists
          try {
            createSequence(dataSource, name);
          } catch (java.sql.SQLException e) {
            e.addSuppressed(first);
            throw new ItsmConfigurationException("Could not create the sequence " + name
                + " of tenant " + tenant + ": " + e.getMessage()
                + " (check that the database user may create sequences)", e);
          }
        }
      }
    }
  }

  private static void createSequence(DataSource dataSource, String name)
      throws java.sql.SQLException {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE IF NOT EXISTS " + name + " START WITH 1 INCREMENT BY 1");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}
