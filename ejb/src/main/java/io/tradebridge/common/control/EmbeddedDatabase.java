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

  private volatile Boolean embedded;
  private volatile Boolean derby;

  public boolean isEmbedded() {
    Boolean known = embedded;
    if (known == null) {
      known = ask();
      embedded = known;
    }
    return known;
  }

  /**
   * Whether the database is Derby (embedded or network). Derby refuses {@code FOR UPDATE} on an
   * ordered query, so only elsewhere can rows be locked in a fixed order.
   */
  public boolean isDerby() {
    Boolean known = derby;
    if (known == null) {
      try (Connection c = dataSource.getConnection()) {
        String url = c.getMetaData().getURL();
        known = url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:derby:");
      } catch (SQLException e) {
        return true; // cannot tell: the query Derby accepts runs everywhere
      }
      derby = known;
    }
    return known;
  }

  private boolean ask() {
    try (Connection c = dataSource.getConnection()) {
      String url = c.getMetaData().getURL();
      return url != null
          && url.toLowerCase(Locale.ROOT).startsWith("jdbc:derby:")
          && !url.startsWith("jdbc:derby://");
    } catch (SQLException e) {
      // Cannot tell: assume the database is shared, the answer that is never wrong about safety.
      return false;
    }
  }
}
