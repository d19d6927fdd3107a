package io.tradebridge.database.boundary;

import io.tradebridge.database.control.Dialect;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Leases in the database (TB_LEASE): which server does a kind of work that must happen once, until
 * when. The holder renews well before the lease ends; a holder that dies stops renewing, and the
 * first server to ask after the end takes the lease over. No new infrastructure: one row per kind
 * of work, claimed with a conditional UPDATE that the database serializes.
 */
@ApplicationScoped
public class Leases {

  private static final String RENEW_OR_TAKE_OVER =
      "UPDATE TB_LEASE SET HOLDER = ?, EXPIRESAT = ? WHERE NAME = ? AND (HOLDER = ? OR EXPIRESAT < ?)";
  private static final String FIRST_CLAIM =
      "INSERT INTO TB_LEASE (NAME, HOLDER, EXPIRESAT) VALUES (?, ?, ?)";
  private static final String RELEASE =
      "UPDATE TB_LEASE SET EXPIRESAT = 0 WHERE NAME = ? AND HOLDER = ?";

  @Resource(lookup = "jdbc/tradebridge")
  DataSource dataSource;

  @Inject Clock clock;

  /** This server, as the leases name it: host, process and a per-start random part. */
  private final String me = host() + "/" + ProcessHandle.current().pid() + "/" + shortId();

  /**
   * Takes the lease {@code name} for {@code length}, or renews it if this server holds it. True
   * when this server holds it now; false when another server does.
   */
  public boolean claim(String name, Duration length) throws SQLException {
    long now = clock.millis();
    long until = now + length.toMillis();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement update = c.prepareStatement(RENEW_OR_TAKE_OVER)) {
        update.setString(1, me);
        update.setLong(2, until);
        update.setString(3, name);
        update.setString(4, me);
        update.setLong(5, now);
        if (update.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement insert = c.prepareStatement(FIRST_CLAIM)) {
        insert.setString(1, name);
        insert.setString(2, me);
        insert.setLong(3, until);
        insert.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (Dialect.isDuplicate(e)) {
          return false;
        }
        throw e;
      }
    }
  }

  /** Gives the lease up at once (a graceful stop), so another server need not wait for its end. */
  public void release(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement release = c.prepareStatement(RELEASE)) {
      release.setString(1, name);
      release.setString(2, me);
      release.executeUpdate();
    }
  }

  public String me() {
    return me;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
