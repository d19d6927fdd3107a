package io.tradebridge.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored traffic-log line (API.md, "Protection and monitoring"), listed newest first per user.
 */
@Entity
@Table(
    name = "TB_TRAFFIC",
    indexes = {
      @Index(name = "TB_TRAFFIC_USER_TIME", columnList = "USERID,TIME_MS"),
      @Index(name = "TB_TRAFFIC_TIME", columnList = "TIME_MS")
    })
@NamedQuery(
    name = TrafficEntry.DELETE_BEFORE,
    query = "DELETE FROM TrafficEntry t WHERE t.time < :before")
public class TrafficEntry {

  public static final String DELETE_BEFORE = "TrafficEntry.deleteBefore";

  @Id
  // An identity column, so that the writer can insert batches with plain JDBC (TrafficWriter).
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private long id;

  @Column(length = 36, nullable = false)
  private String userId;

  @Column(name = "TIME_MS", nullable = false)
  private Instant time;

  @Column(length = 36)
  private String keyId;

  @Column(length = 8)
  private String method;

  @Column(length = 120)
  private String path;

  private int status;

  @Column(length = 64)
  private String ip;

  private int latencyMs;

  protected TrafficEntry() {}

  public TrafficEntry(TrafficLine line) {
    this.userId = line.userId();
    this.time = line.time();
    this.keyId = line.keyId();
    this.method = line.method();
    this.path = clip(line.path(), 120);
    this.status = line.status();
    this.ip = clip(line.ip(), 64);
    this.latencyMs = line.latencyMs();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public long id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public Instant time() {
    return time;
  }

  public String keyId() {
    return keyId;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public int status() {
    return status;
  }

  public String ip() {
    return ip;
  }

  public int latencyMs() {
    return latencyMs;
  }
}
