package io.tradebridge.database.control;

import java.util.Locale;
import java.util.Optional;

/** The databases Tradebridge runs on, told apart by their JDBC URL. */
public enum Dialect {
  /** Embedded (the default, one server) or a Derby network server. */
  DERBY("derby"),
  /** Several servers over one database. */
  POSTGRESQL("postgresql");

  private final String migrations;

  Dialect(String folder) {
    this.migrations = "classpath:db/migration/" + folder;
  }

  /** Where this database's versioned migrations live (Flyway locations). */
  public String migrations() {
    return migrations;
  }

  public static Optional<Dialect> ofUrl(String jdbcUrl) {
    String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:derby:")) {
      return Optional.of(DERBY);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Optional.of(POSTGRESQL);
    }
    return Optional.empty();
  }

  /** SQLState of a unique or primary-key violation, the same on both (SQL standard class 23). */
  public static boolean isDuplicate(java.sql.SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
