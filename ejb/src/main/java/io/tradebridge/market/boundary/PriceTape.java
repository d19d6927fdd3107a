package io.tradebridge.market.boundary;

import io.tradebridge.market.control.PriceSimulator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The paper market's prices in the shared database (TB_PRICE), one row per instrument: the server
 * driving the market writes them after each tick, the others read them once a second. Used only
 * over a shared database; alone on embedded Derby the market never leaves memory.
 *
 * <p>Plain JDBC in one batch: 56 rows a second through JPA would cost the driving server an entity
 * merge per row for data no request reads from the database.
 */
@ApplicationScoped
public class PriceTape {

  private static final String UPDATE =
      "UPDATE TB_PRICE SET LASTPRICE = ?, HIGHPRICE = ?, LOWPRICE = ?, VOLUME = ?, DEPTH = ?,"
          + " TICKEDAT = ? WHERE INSTRUMENT = ?";
  private static final String INSERT =
      "INSERT INTO TB_PRICE (LASTPRICE, HIGHPRICE, LOWPRICE, VOLUME, DEPTH, TICKEDAT, INSTRUMENT)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "SELECT INSTRUMENT, LASTPRICE, HIGHPRICE, LOWPRICE, VOLUME, DEPTH, TICKEDAT FROM TB_PRICE";

  @Resource(lookup = "jdbc/tradebridge")
  DataSource dataSource;

  @Inject PaperExchange exchange;
  @Inject Clock clock;

  /** Writes this server's market, which it drives, for the others. */
  public void publish() throws SQLException {
    List<PriceSimulator.Moved> moved = exchange.moved();
    long now = clock.millis();
    try (Connection c = dataSource.getConnection()) {
      List<PriceSimulator.Moved> missing = new ArrayList<>();
      try (PreparedStatement update = c.prepareStatement(UPDATE)) {
        for (PriceSimulator.Moved m : moved) {
          bind(update, m, now);
          update.addBatch();
        }
        int[] counts = update.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0) {
            missing.add(moved.get(i));
          }
        }
      }
      if (!missing.isEmpty()) {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
          for (PriceSimulator.Moved m : missing) {
            bind(insert, m, now);
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
    }
  }

  /**
   * Takes on the market the driving server last wrote. Returns false when there is none yet (no
   * server has driven this database's market), leaving this server's prices as they were.
   */
  public boolean follow() throws SQLException {
    List<PriceSimulator.Moved> moved = new ArrayList<>();
    long tickedAt = Long.MIN_VALUE;
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(SELECT);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        moved.add(
            new PriceSimulator.Moved(
                rs.getString(1),
                rs.getBigDecimal(2),
                rs.getBigDecimal(3),
                rs.getBigDecimal(4),
                rs.getLong(5),
                rs.getString(6)));
        tickedAt = Math.max(tickedAt, rs.getLong(7));
      }
    }
    if (moved.isEmpty()) {
      return false;
    }
    exchange.follow(moved, Instant.ofEpochMilli(tickedAt));
    return true;
  }

  private static void bind(PreparedStatement s, PriceSimulator.Moved m, long now)
      throws SQLException {
    s.setBigDecimal(1, m.last());
    s.setBigDecimal(2, m.high());
    s.setBigDecimal(3, m.low());
    s.setLong(4, m.volume());
    s.setString(5, m.depth());
    s.setLong(6, now);
    s.setString(7, m.key());
  }
}
