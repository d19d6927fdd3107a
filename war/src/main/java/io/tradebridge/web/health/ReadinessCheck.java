package io.tradebridge.web.health;

import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.database.boundary.DatabaseSchema;
import io.tradebridge.market.boundary.PaperExchange;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means able to serve: the database answers with this release's schema, the master key is
 * loaded, and the paper exchange's prices are moving (orders on paper accounts would otherwise fill
 * at stale prices).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Resource(lookup = "jdbc/tradebridge")
  DataSource dataSource;

  @Inject Vault vault;
  @Inject PaperExchange paperExchange;
  @Inject DatabaseSchema schema;

  @Override
  public HealthCheckResponse call() {
    boolean database = databaseAnswers() && schema.refusal().isEmpty();
    boolean masterKey = vault.ready();
    boolean prices = paperExchange.running();
    return HealthCheckResponse.named("tradebridge")
        .status(database && masterKey && prices)
        .withData("database", database)
        .withData("masterKey", masterKey)
        .withData("paperExchange", prices)
        .build();
  }

  private boolean databaseAnswers() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
