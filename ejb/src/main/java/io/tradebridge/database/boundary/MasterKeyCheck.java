package io.tradebridge.database.boundary;

import io.tradebridge.database.control.Dialect;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Whether this server's master key is the one the database's secrets were sealed with. The first
 * server to start records its key's check value; every later start, on any server, compares. A
 * wrong key would otherwise show only as every stored secret failing to open, one request at a
 * time.
 */
@ApplicationScoped
public class MasterKeyCheck {

  static final String NAME = "master-key-check";

  @Resource(lookup = "jdbc/tradebridge")
  DataSource dataSource;

  /** The outcome of comparing this server's check value with the database's. */
  public sealed interface Outcome {
    /** The database had none: this key's is now recorded. */
    record Recorded() implements Outcome {}

    /** The same key sealed this database's secrets. */
    record Matches() implements Outcome {}

    /** Another key sealed them. */
    record Differs() implements Outcome {}
  }

  public Outcome compare(String checkValue) {
    try (Connection c = dataSource.getConnection()) {
      Optional<String> stored = stored(c);
      if (stored.isEmpty()) {
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO TB_SETTING (NAME, VAL) VALUES (?, ?)")) {
          insert.setString(1, NAME);
          insert.setString(2, checkValue);
          insert.executeUpdate();
          return new Outcome.Recorded();
        } catch (SQLException e) {
          if (!Dialect.isDuplicate(e)) {
            throw e;
          }
          // Another server recorded its value at the same moment: compare with that one.
          stored = stored(c);
        }
      }
      return stored.orElseThrow().equals(checkValue)
          ? new Outcome.Matches()
          : new Outcome.Differs();
    } catch (SQLException e) {
      throw new IllegalStateException("the master key check could not be read: " + e, e);
    }
  }

  private static Optional<String> stored(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT VAL FROM TB_SETTING WHERE NAME = ?")) {
      select.setString(1, NAME);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
