package io.tradebridge.database.boundary;

import io.tradebridge.database.control.Dialect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database to this release's schema before anything reads it: Flyway's versioned
 * migrations for the database found behind {@code jdbc/tradebridge}, run once under Flyway's lock
 * (PostgreSQL's advisory lock, so of several servers starting together one migrates and the others
 * wait and find it done). A database made by the first release, whose tables EclipseLink created,
 * is adopted as version 1 and only later versions run on it.
 *
 * <p>Each migration folder holds an empty {@code flyway.location}: Liberty's class loader finds a
 * folder only through a file in it.
 *
 * <p>A failure does not throw here, where Liberty would log it deep in a stack trace and serve
 * anyway: the start-up check asks {@link #refusal()} and stops the server saying why.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseSchema {

  private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

  @Resource(lookup = "jdbc/tradebridge")
  DataSource dataSource;

  private Dialect dialect;
  private String refusal;

  @PostConstruct
  void migrate() {
    String url;
    try (Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
    } catch (SQLException e) {
      refusal = "the database cannot be reached (" + e.getMessage() + ")";
      return;
    }
    Optional<Dialect> known = Dialect.ofUrl(url);
    if (known.isEmpty()) {
      refusal =
          "TRADEBRIDGE_DB_URL names a database Tradebridge does not run on;"
              + " use jdbc:postgresql://host:port/name, or leave it unset for embedded Derby";
      return;
    }
    dialect = known.get();
    try {
      MigrateResult result =
          Flyway.configure(DatabaseSchema.class.getClassLoader())
              .dataSource(dataSource)
              .locations(dialect.migrations())
              // No callbacks: without this Flyway looks for db/callback and logs an error on
              // Liberty.
              .callbackLocations(new String[0])
              .baselineOnMigrate(true)
              .baselineVersion("1")
              .baselineDescription("first release, adopted")
              .load()
              .migrate();
      if (result.targetSchemaVersion == null && result.initialSchemaVersion == null) {
        // An empty database and no migrations read: a broken build, not something to serve on.
        refusal = "no schema migrations were found for " + dialect + " in this build";
        return;
      }
      LOG.info(
          () ->
              "Database schema at version "
                  + (result.targetSchemaVersion == null
                      ? result.initialSchemaVersion
                      : result.targetSchemaVersion)
                  + " ("
                  + dialect
                  + ", "
                  + result.migrationsExecuted
                  + " migrations run now)");
    } catch (FlywayException | IllegalStateException e) {
      refusal = "the database schema could not be brought to this release: " + e.getMessage();
    }
  }

  /** Why this server must not serve on this database, if it must not. */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** Which database this is; empty when {@link #refusal()} says why there is none. */
  public Optional<Dialect> dialect() {
    return Optional.ofNullable(dialect);
  }
}
