package io.tradebridge.bench;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.apikeys.control.KeyFormat;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.crypto.control.SecretBox;
import io.tradebridge.crypto.control.SecretDigest;
import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How much checking an API key costs inside the server, with 10 keys stored and with 100,000. Cost
 * is read from the server's own Server-Timing header (the authentication filter's time), so HTTP
 * and client noise stay out of it. The 100,000 keys are written straight into the stopped server's
 * Derby database with digests made from the same master key the server then loads — a registration
 * per key would spend a password hash each (about 14 hours for 100,000).
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark}
 */
class KeyCheckBenchmark {

  private static final int WARMUP = 3_000;
  private static final int MEASURED = 4_000;
  private static final int KNOWN_SAMPLE = 1_000;

  private final SecureRandom random = new SecureRandom();

  @Test
  void keyChecksCostTheSameWithTenOrAHundredThousandKeys() throws Exception {
    byte[] masterKey = new byte[32];
    random.nextBytes(masterKey);
    // Rate limits off: one user's thousands of checks a second would be refused, and this measures
    // the key check alone.
    // Unknown and mistyped keys come from a new forwarded address each (loopback is a trusted proxy
    // here):
    // from one address, more than 20 a second are turned away before the lookup this measures.
    Map<String, String> env =
        Map.of(
            "TRADEBRIDGE_SERVER_TIMING",
            "true",
            "TRADEBRIDGE_RATE_LIMITS",
            "off",
            "TRADEBRIDGE_MASTER_KEY",
            Base64.getEncoder().encodeToString(masterKey),
            "TRADEBRIDGE_TRUSTED_PROXIES",
            "127.0.0.1,::1");

    List<String> small = prepare(RunningServer.newHome("bench-10"), env, masterKey, 10);
    List<String> large = prepare(RunningServer.newHome("bench-100k"), env, masterKey, 100_000);
    // Both servers run at once and take turns request by request, so that whatever else this shared
    // machine does falls on both alike and the ratio compares like with like.
    try (RunningServer a = new RunningServer(homes.get(0), env).start();
        RunningServer b = new RunningServer(homes.get(1), env).start()) {
      Result tens = new Result("10 keys");
      Result lakh = new Result("100,000 keys");
      Api apiA = new Api(a.baseUrl());
      Api apiB = new Api(b.baseUrl());
      for (int i = 0; i < WARMUP + MEASURED; i++) {
        int slot = i - WARMUP;
        once(apiA, small, tens, slot, i);
        once(apiB, large, lakh, slot, i);
      }
      System.out.println();
      System.out.println(
          "API key check inside the server (Server-Timing auth;dur), "
              + MEASURED
              + " requests of each kind per server after "
              + WARMUP
              + " warm-up, both servers interleaved; "
              + Runtime.getRuntime().availableProcessors()
              + " cores, Java "
              + System.getProperty("java.version"));
      System.out.println(
          "| keys stored | check | median µs | p90 µs | p99 µs | HTTP round trip median µs |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      for (Result r : List.of(tens, lakh)) {
        System.out.println(r.row("valid key", r.valid, r.validRoundTrip));
        System.out.println(r.row("unknown key (well-formed)", r.unknown, r.unknownRoundTrip));
        System.out.println(r.row("mistyped key (bad checksum)", r.typo, r.typoRoundTrip));
      }
      System.out.printf(
          Locale.ROOT,
          "ratio of medians, 100,000 / 10 keys: valid %.2f, unknown %.2f, mistyped %.2f%n",
          percentile(lakh.valid, 50) / percentile(tens.valid, 50),
          percentile(lakh.unknown, 50) / percentile(tens.unknown, 50),
          percentile(lakh.typo, 50) / percentile(tens.typo, 50));
    }
  }

  private final List<java.nio.file.Path> homes = new ArrayList<>();

  /**
   * A data folder with one registered user holding {@code keys} keys; returns up to 1,000 of their
   * secrets.
   */
  private List<String> prepare(
      java.nio.file.Path home, Map<String, String> env, byte[] masterKey, int keys)
      throws Exception {
    homes.add(home);
    List<String> known = new ArrayList<>();
    String userId;
    try (RunningServer server = new RunningServer(home, env).start()) {
      Trader trader = Trader.register(new Api(server.baseUrl()));
      known.add(trader.firstKey);
      userId = trader.userId;
    }
    known.addAll(seed(home.resolve("tradebridge-data").resolve("db"), masterKey, userId, keys - 1));
    return known.subList(0, Math.min(known.size(), KNOWN_SAMPLE));
  }

  private void once(Api api, List<String> sample, Result result, int slot, int i) {
    String key = sample.get(i % sample.size());
    String stranger = KeyFormat.generate(KeyEnvironment.LIVE, random);
    String mistyped = key.substring(0, 45) + (key.charAt(45) == 'a' ? 'b' : 'a');
    boolean measured = slot >= 0;
    record(api, key, null, 200, measured ? result.valid : null, result.validRoundTrip, slot);
    record(
        api,
        stranger,
        newAddress(),
        401,
        measured ? result.unknown : null,
        result.unknownRoundTrip,
        slot);
    record(
        api,
        mistyped,
        newAddress(),
        401,
        measured ? result.typo : null,
        result.typoRoundTrip,
        slot);
  }

  private int addresses;

  /** 10.x.y.z, a different one each call. */
  private String newAddress() {
    int n = ++addresses;
    return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
  }

  private static void record(
      Api api,
      String key,
      String forwardedFor,
      int expected,
      double[] serverMicros,
      double[] roundTripMicros,
      int i) {
    long started = System.nanoTime();
    Api.Reply reply =
        forwardedFor == null
            ? api.get("/api/v1/ping", "X-API-Key", key)
            : api.get("/api/v1/ping", "X-API-Key", key, "X-Forwarded-For", forwardedFor);
    long elapsed = System.nanoTime() - started;
    if (reply.status() != expected) {
      throw new AssertionError("expected " + expected + " but got " + reply);
    }
    if (serverMicros != null) {
      String timing = reply.header("Server-Timing");
      serverMicros[i] = Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)) * 1000.0;
      roundTripMicros[i] = elapsed / 1000.0;
    }
  }

  /**
   * Writes keys straight into the stopped server's database, digested and sealed as the server
   * would.
   */
  private List<String> seed(java.nio.file.Path db, byte[] masterKey, String userId, int count)
      throws SQLException {
    List<String> sample = new ArrayList<>();
    if (count <= 0) {
      return sample;
    }
    SecretDigest digest = new SecretDigest(Purpose.API_KEY_DIGEST.deriveFrom(masterKey));
    SecretBox box = new SecretBox(Purpose.ENCRYPTION.deriveFrom(masterKey), random);
    String url = "jdbc:derby:" + db.toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO TB_API_KEY (ID, USERID, LABEL, ENVIRONMENT, PERMISSIONS,"
                  + " IPALLOWLIST, ORDERMODE, DIGEST, SEALEDKEY, PREFIX, LAST4, STATUS, CREATEDAT)"
                  + " VALUES (?, ?, ?, 'LIVE', 'READ,TRADE', '', 'AUTO', ?, ?, ?, ?, 'ACTIVE', ?)")) {
        for (int i = 0; i < count; i++) {
          String id = UUID.randomUUID().toString();
          String key = KeyFormat.generate(KeyEnvironment.LIVE, random);
          insert.setString(1, id);
          insert.setString(2, userId);
          insert.setString(3, "bench " + i);
          insert.setString(4, digest.of(key));
          insert.setString(
              5,
              Base64.getEncoder()
                  .encodeToString(
                      box.seal(
                          key.getBytes(StandardCharsets.UTF_8),
                          ("api-key:" + id).getBytes(StandardCharsets.UTF_8))));
          insert.setString(6, key.substring(0, 12));
          insert.setString(7, key.substring(key.length() - 4));
          insert.setLong(8, System.currentTimeMillis());
          insert.addBatch();
          if (sample.size() < KNOWN_SAMPLE) {
            sample.add(key);
          }
          if (i % 5_000 == 4_999) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
        c.commit();
      }
    }
    try {
      DriverManager.getConnection(url + ";shutdown=true").close();
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as SQLState 08006.
    }
    return sample;
  }

  static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static final class Result {
    final String name;
    final double[] valid = new double[MEASURED];
    final double[] unknown = new double[MEASURED];
    final double[] typo = new double[MEASURED];
    final double[] validRoundTrip = new double[MEASURED];
    final double[] unknownRoundTrip = new double[MEASURED];
    final double[] typoRoundTrip = new double[MEASURED];

    Result(String name) {
      this.name = name;
    }

    String row(String check, double[] server, double[] roundTrip) {
      return String.format(
          Locale.ROOT,
          "| %s | %s | %.0f | %.0f | %.0f | %.0f |",
          name,
          check,
          percentile(server, 50),
          percentile(server, 90),
          percentile(server, 99),
          percentile(roundTrip, 50));
    }
  }
}
