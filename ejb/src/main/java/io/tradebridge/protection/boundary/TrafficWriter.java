package io.tradebridge.protection.boundary;

import io.tradebridge.protection.entity.TrafficEntry;
import io.tradebridge.protection.entity.TrafficLine;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a batch of traffic lines in one transaction: one commit and one JDBC batch for hundreds of
 * requests. Plain JDBC rather than an entity per line, because the log is written for every request
 * and EclipseLink's per-entity bookkeeping showed in order latency.
 */
@Stateless
public class TrafficWriter {

  static final String INSERT =
      "INSERT INTO TB_TRAFFIC (USERID, TIME_MS, KEYID, METHOD, PATH, STATUS, IP, LATENCYMS)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/tradebridge")
  DataSource dataSource;

  public void write(List<TrafficLine> lines) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (TrafficLine line : lines) {
        insert.setString(1, line.userId());
        insert.setLong(2, line.time().toEpochMilli());
        if (line.keyId() == null) {
          insert.setNull(3, Types.VARCHAR);
        } else {
          insert.setString(3, line.keyId());
        }
        insert.setString(4, clip(line.method(), 8));
        insert.setString(5, clip(line.path(), 120));
        insert.setInt(6, line.status());
        insert.setString(7, clip(line.ip(), 64));
        insert.setInt(8, line.latencyMs());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("traffic-log batch failed: " + e.getSQLState(), e);
    }
  }

  public int purgeBefore(Instant before) {
    return em.createNamedQuery(TrafficEntry.DELETE_BEFORE)
        .setParameter("before", before)
        .executeUpdate();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
