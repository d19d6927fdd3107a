package io.tradebridge.common.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Whether the database is embedded Derby, which only this server can open: then no second node can
 * exist, and state that DESIGN.md says every node must share may live in this server's memory. Over
 * any other database (PostgreSQL, a Derby network server) the answer is no, so such state stays in
 * the database.
 */
@ApplicationScoped
public class EmbeddedDatabase {

  @Resource(lookup = "jdbc/tradebridge")
  DataSource dataSource;

  /** The database's JDBC URL in lower case, read once; empty when it could not be read. */
  private volatile String url;

  public boolean isEmbedded() {
    // Unknown (empty) counts as shared: the answer that is never wrong about safety.
    String u = url();
    return u.startsWith("jdbc:derby:") && !u.startsWith("jdbc:derby://");
  }

  /**
   * Whether the database is Derby (embedded or network). Derby refuses {@code FOR UPDATE} on an
   * ordered query, so only elsewhere can rows be locked in a fixed order. Unknown counts as Derby:
   * the query Derby accepts runs everywhere.
   */
  public boolean isDerby() {
    String u = url();
    return u.isEmpty() || u.startsWith("jdbc:derby:");
  }

  private String url() {
    String known = url;
    if (known == null) {
      try (Connection c = dataSource.getConnection()) {
        String read = c.getMetaData().getURL();
        known = read == null ? "" : read.toLowerCase(Locale.ROOT);
      } catch (SQLException e) {
        known = "";
      }
      url = known;
    }
    return known;
  }
}
