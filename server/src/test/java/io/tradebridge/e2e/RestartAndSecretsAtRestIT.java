package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A server of its own: a user gets a key, a TOTP secret and a password; the server stops; no file
 * of the data folder (nor any log) holds any of them in plain form; the server starts again on the
 * same folder and everything still works.
 *
 * <p>Before that second start the folder is made what the first release left behind: its tables as
 * EclipseLink created them (Flyway's version 1 is exactly that schema), with no schema history and
 * none of the later versions' tables. So the second start is also the upgrade of a first release's
 * folder: adopted as version 1, brought forward, and every user, key and order found.
 */
class RestartAndSecretsAtRestIT {

  private static final String ORDER =
      Api.json(
          "account",
          "PAPER1",
          "exchange",
          "NSE",
          "symbol",
          "ITC",
          "side",
          "BUY",
          "quantity",
          1,
          "orderType",
          "MARKET",
          "productType",
          "DELIVERY",
          "clientOrderId",
          "before-restart");

  @Test
  void secretsAreNeverStoredOrLoggedInPlainFormAndDataSurvivesARestartAndAnUpgrade()
      throws Exception {
    Path home = RunningServer.newHome("restart");
    List<String> secrets = new ArrayList<>();
    Trader trader;
    String totpSecret;
    String orderId;
    try (RunningServer server = new RunningServer(home, Map.of()).start()) {
      Api api = new Api(server.baseUrl());
      trader = Trader.register(api).login();
      Api.Reply setup =
          trader.browser.post("/api/v1/security/totp/setup", Api.json("password", trader.password));
      totpSecret = setup.json().getString("secret");
      trader.authenticator = new AuthenticatorApp(totpSecret);
      Api.Reply activated =
          trader.browser.post(
              "/api/v1/security/totp/activate",
              Api.json(
                  "code", trader.authenticator.nextCode(), "login", true, "credentials", true));
      assertEquals(200, activated.status(), activated.toString());
      String recoveryCode = activated.json().getJsonArray("recoveryCodes").getString(0);
      // A key sent where it must never go: in the URL. It must be refused and leave no trace.
      assertEquals(400, api.fresh().get("/api/v1/ping?apikey=" + trader.firstKey).status());
      assertEquals(200, trader.ping(trader.firstKey).status());
      orderId =
          api.fresh()
              .post("/api/v1/orders", ORDER, "X-API-Key", trader.firstKey)
              .json()
              .getString("orderId");
      secrets.addAll(
          List.of(
              trader.firstKey,
              trader.password,
              totpSecret,
              recoveryCode,
              recoveryCode.replace("-", "")));
    }

    Path dataDir = home.resolve("tradebridge-data");
    assertTrue(Files.isDirectory(dataDir.resolve("db")), "the database lives in the data folder");
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(dataDir.resolve("master.key")),
        "master.key is 0600");

    List<byte[]> needles = new ArrayList<>();
    for (String s : secrets) {
      needles.add(s.getBytes(StandardCharsets.UTF_8));
      needles.add(s.getBytes(StandardCharsets.UTF_16BE));
    }
    needles.add(totpSecret.getBytes(StandardCharsets.US_ASCII));
    needles.add(new org.apache.commons.codec.binary.Base32().decode(totpSecret));
    assertNoFileContains(dataDir, needles);
    assertNoFileContains(home, List.of(trader.firstKey.getBytes(StandardCharsets.UTF_8)));

    makeFirstReleaseFolder(dataDir.resolve("db"));
    try (RunningServer again = new RunningServer(home, Map.of()).start()) {
      String log = Files.readString(again.serverLogs().resolve("messages.log"));
      assertTrue(
          log.contains("Successfully baselined schema with version: 1"),
          "the first release's database is adopted as version 1");
      assertTrue(
          log.contains("Database schema at version "), "and brought to this release's version");
      Api api = new Api(again.baseUrl());
      Api.Reply pong = api.get("/api/v1/ping", "X-API-Key", trader.firstKey);
      assertEquals(200, pong.status(), "the key survives a restart: " + pong);
      Api.Reply repeat = api.fresh().post("/api/v1/orders", ORDER, "X-API-Key", trader.firstKey);
      assertEquals(201, repeat.status(), repeat.toString());
      assertEquals(
          orderId,
          repeat.json().getString("orderId"),
          "a client order id is remembered across a restart");
      assertEquals(
          1, api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size());
      Api browser = api.fresh();
      Api.Reply first =
          browser.post(
              "/api/v1/auth/login",
              Api.json("username", trader.username, "password", trader.password));
      assertEquals("TOTP_REQUIRED", first.json().getString("status"), "2FA survives a restart");
      Api.Reply second =
          browser.post(
              "/api/v1/auth/login/totp",
              Api.json(
                  "challengeId",
                  first.json().getString("challengeId"),
                  "code",
                  trader.authenticator.nextCode()));
      assertEquals(200, second.status(), second.toString());
    }
  }

  /**
   * Takes away what this release added to the first release's schema: Flyway's history and every
   * table that version 1 (the first release's schema) does not create. The first release's own
   * tables and rows stay as they are.
   */
  private static void makeFirstReleaseFolder(Path db) throws SQLException, IOException {
    Set<String> firstRelease = new HashSet<>();
    Map<String, Set<String>> firstColumns = new HashMap<>();
    try (InputStream v1 =
        RestartAndSecretsAtRestIT.class.getResourceAsStream(
            "/db/migration/derby/V1__first_release.sql")) {
      Matcher table =
          Pattern.compile("CREATE TABLE (\\w+) \\((.+)\\);")
              .matcher(new String(v1.readAllBytes(), StandardCharsets.UTF_8));
      while (table.find()) {
        String name = table.group(1).toUpperCase(Locale.ROOT);
        firstRelease.add(name);
        Set<String> columns = new HashSet<>();
        // Column definitions: "NAME TYPE…, NAME TYPE…"; a comma inside DECIMAL(19,2) has no space.
        for (String column : table.group(2).split(",\\s+(?=[A-Z_0-9]+\\s)")) {
          columns.add(column.strip().split("\\s+")[0].toUpperCase(Locale.ROOT));
        }
        firstColumns.put(name, columns);
      }
    }
    assertTrue(firstRelease.contains("TB_ORDER"), "version 1 read: " + firstRelease);
    String url = "jdbc:derby:" + db.toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      List<String> added = new ArrayList<>();
      try (ResultSet tables = c.getMetaData().getTables(null, "APP", "%", new String[] {"TABLE"})) {
        while (tables.next()) {
          String name = tables.getString("TABLE_NAME");
          if (!firstRelease.contains(name.toUpperCase(Locale.ROOT))) {
            added.add(name);
          }
        }
      }
      assertTrue(added.contains("flyway_schema_history"), added.toString());
      // A table another one refers to (a group, its members) can go only after that one: pass
      // again until every added table is gone.
      List<String> left = new ArrayList<>(added);
      while (!left.isEmpty()) {
        List<String> dropped = new ArrayList<>();
        for (String name : left) {
          try {
            s.executeUpdate("DROP TABLE APP.\"" + name + "\"");
            dropped.add(name);
          } catch (SQLException referred) {
            // dropped on a later pass, once what refers to it is gone
          }
        }
        assertTrue(!dropped.isEmpty(), "cannot drop " + left);
        left.removeAll(dropped);
      }
      // Columns later releases added to the first release's tables go too (V4: a key's
      // defaultAccount), so that the folder is the first release's, column for column.
      for (String table : firstRelease) {
        List<String> extra = new ArrayList<>();
        try (ResultSet columns = c.getMetaData().getColumns(null, "APP", table, "%")) {
          while (columns.next()) {
            String column = columns.getString("COLUMN_NAME");
            if (!firstColumns.get(table).contains(column.toUpperCase(Locale.ROOT))) {
              extra.add(column);
            }
          }
        }
        for (String column : extra) {
          s.executeUpdate("ALTER TABLE APP." + table + " DROP COLUMN " + column);
        }
      }
    }
    try {
      DriverManager.getConnection(url + ";shutdown=true").close();
    } catch (SQLException closed) {
      // Derby answers a clean shutdown with SQLState 08006; anything else is a failure.
      assertEquals("08006", closed.getSQLState(), closed.toString());
    }
  }

  private static void assertNoFileContains(Path root, List<byte[]> needles) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.toString().endsWith(".jar")
            || file.toString().endsWith(".war")
            || Files.size(file) > 256L * 1024 * 1024) {
          continue;
        }
        byte[] content = Files.readAllBytes(file);
        for (byte[] needle : needles) {
          if (indexOf(content, needle) >= 0) {
            fail(file + " holds a secret in plain form");
          }
        }
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
