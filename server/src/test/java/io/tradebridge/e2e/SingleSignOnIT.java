package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on with tokens from a company identity provider ({@link TokenMint} here, Keycloak in
 * {@link KeycloakSignOnIT}): who gets in where, users created on first sign-in, step-up without a
 * password, administrators disabling people, and every kind of bad token refused without a trace.
 */
@ExtendWith(SharedServer.class)
class SingleSignOnIT {

  /** A password account the shared server lists in TRADEBRIDGE_ADMINS. */
  static final String LOCAL_ADMIN = "ops-admin";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /**
   * Every endpoint a person reaches with a session, read with GET so the matrix changes nothing.
   */
  private static final List<String> TRADER_PAGES =
      List.of(
          "/api/v1/keys",
          "/api/v1/trading-accounts",
          "/api/v1/traffic",
          "/api/v1/security/events",
          "/api/v1/actions?status=PENDING",
          "/api/v1/orders?account=PAPER1",
          "/api/v1/trades?account=PAPER1",
          "/api/v1/positions?account=PAPER1",
          "/api/v1/holdings?account=PAPER1",
          "/api/v1/margins?account=PAPER1",
          "/api/v1/portfolio/summary?account=PAPER1",
          "/api/v1/instruments?exchange=NSE&q=INFY",
          "/api/v1/quotes?exchange=NSE&symbol=INFY");

  private static final List<String> ADMIN_PAGES = List.of("/api/v1/admin/users");

  static String someone() {
    return "sso"
        + ProcessHandle.current().pid()
        + "x"
        + System.nanoTime() % 100000
        + "n"
        + SEQUENCE.incrementAndGet();
  }

  private static Api.Reply get(Api api, String path, String token) {
    return api.fresh().get(path, "Authorization", "Bearer " + token);
  }

  @Test
  void theFirstTokenCreatesTheUserWithPaper1AndLaterTokensFindTheSameUser(Api api) {
    String name = someone();
    Api.Reply me = get(api, "/api/v1/me", TokenMint.token(name, "trader"));
    assertEquals(200, me.status(), me.toString());
    JsonObject first = me.json();
    assertEquals(name, first.getString("username"));
    assertEquals(name + "@desk.test", first.getString("email"));
    assertEquals("sso", first.getString("signIn"));
    assertFalse(first.getBoolean("admin"));
    assertTrue(
        !first.containsKey("csrfToken") || first.isNull("csrfToken"),
        "no cookie, so no CSRF token: " + first);

    Api.Reply again = get(api, "/api/v1/me", TokenMint.token(name, "trader"));
    assertEquals(first.getString("userId"), again.json().getString("userId"));
    Api.Reply accounts = get(api, "/api/v1/trading-accounts", TokenMint.token(name, "trader"));
    assertEquals(
        "PAPER1",
        accounts.array().getJsonObject(0).getString("pseudoAccount"),
        accounts.toString());
  }

  @Test
  void eachPersonEndpointAnswers401WithoutATokenOrWithAForgedOne200ForItsRoleAnd403ForTheOther(
      Api api) {
    String trader = someone();
    String admin = someone();
    Map<String, Integer> expected = new LinkedHashMap<>();
    Map<String, Integer> actual = new LinkedHashMap<>();
    String forged = TokenMint.signedByAnotherKey(TokenMint.claims(someone(), "trader", "admin"));
    for (String page :
        Stream.concat(
                Stream.of("/api/v1/me"), Stream.concat(TRADER_PAGES.stream(), ADMIN_PAGES.stream()))
            .toList()) {
      boolean adminPage = ADMIN_PAGES.contains(page);
      boolean anyone = page.equals("/api/v1/me");
      expected.put("none " + page, 401);
      actual.put("none " + page, api.fresh().get(page).status());
      expected.put("forged " + page, 401);
      actual.put("forged " + page, get(api, page, forged).status());
      expected.put("trader " + page, adminPage ? 403 : 200);
      actual.put("trader " + page, get(api, page, TokenMint.token(trader, "trader")).status());
      expected.put("admin " + page, adminPage || anyone ? 200 : 403);
      actual.put("admin " + page, get(api, page, TokenMint.token(admin, "admin")).status());
    }
    assertEquals(expected, actual);
  }

  @Test
  void aTraderTokenPlacesOrdersWithoutACsrfTokenButNeverReachesAnApiKeyOnlyEndpoint(Api api) {
    String token = TokenMint.token(someone(), "trader");
    Api.Reply placed =
        api.fresh()
            .post(
                "/api/v1/orders", RateLimitsIT.order("sso-1"), "Authorization", "Bearer " + token);
    assertEquals(201, placed.status(), placed.toString());
    Api.Reply ping = get(api, "/api/v1/ping", token);
    assertEquals(401, ping.status(), "ping takes API keys only: " + ping);
  }

  @Test
  void aTokenGrantingNeitherGroupIsRefusedAndCreatesNobody(Api api) {
    String name = someone();
    Api.Reply me = get(api, "/api/v1/me", TokenMint.token(name, "viewer"));
    assertEquals(403, me.status(), me.toString());
    assertTrue(me.json().getString("detail").contains("trader"), me.toString());
    assertFalse(usernames(api).contains(name));
  }

  @Test
  void aTokenWithoutTheTraderGroupStopsThatPersonsApiKeysUntilTheGroupComesBack(Api api) {
    String name = someone();
    Api.Reply created =
        api.fresh()
            .post(
                "/api/v1/keys",
                Api.json(
                    "label", "desk bot", "environment", "LIVE", "permissions", List.of("READ")),
                "Authorization",
                "Bearer " + TokenMint.token(name, "trader"));
    assertEquals(201, created.status(), created.toString());
    String key = created.json().getString("key");
    assertEquals(200, api.fresh().get("/api/v1/ping", "X-API-Key", key).status());

    // The identity provider takes the trader group away: the next token says so.
    assertEquals(403, get(api, "/api/v1/me", TokenMint.token(name, "viewer")).status());
    assertEquals(
        403,
        api.fresh().get("/api/v1/ping", "X-API-Key", key).status(),
        "a key must not outlive the group that lets its owner trade");

    assertEquals(200, get(api, "/api/v1/me", TokenMint.token(name, "trader")).status());
    assertEquals(
        200,
        api.fresh().get("/api/v1/ping", "X-API-Key", key).status(),
        "granted again, working again");
  }

  @Test
  void stepUpWithoutAPasswordTakesAFreshSignInOrAnAuthenticatorCode(Api api) {
    String name = someone();
    String stale =
        TokenMint.token(
            name, c -> c.setClaim("auth_time", NumericDate.now().getValue() - 600), "trader");
    String fresh = TokenMint.token(name, "trader");
    String newKey =
        Api.json("label", "sso bot", "environment", "LIVE", "permissions", List.of("READ"));

    Api.Reply refused =
        api.fresh().post("/api/v1/keys", newKey, "Authorization", "Bearer " + stale);
    assertEquals(401, refused.status(), refused.toString());
    assertTrue(refused.json().getString("detail").contains("sign in again"), refused.toString());
    Api.Reply created =
        api.fresh().post("/api/v1/keys", newKey, "Authorization", "Bearer " + fresh);
    assertEquals(201, created.status(), created.toString());
    String key = created.json().getString("key");
    assertEquals(200, api.fresh().get("/api/v1/ping", "X-API-Key", key).status());

    // Once they set up an authenticator, the code is the step-up, however fresh the sign-in.
    Api.Reply setup =
        api.fresh().post("/api/v1/security/totp/setup", "{}", "Authorization", "Bearer " + fresh);
    assertEquals(200, setup.status(), setup.toString());
    AuthenticatorApp app = new AuthenticatorApp(setup.json().getString("secret"));
    Api.Reply activated =
        api.fresh()
            .post(
                "/api/v1/security/totp/activate",
                Api.json("code", app.nextCode(), "login", false, "credentials", true),
                "Authorization",
                "Bearer " + fresh);
    assertEquals(200, activated.status(), activated.toString());
    Api.Reply withoutCode =
        api.fresh().post("/api/v1/keys", newKey, "Authorization", "Bearer " + fresh);
    assertEquals("TOTP_REQUIRED", withoutCode.code(), withoutCode.toString());
    Api.Reply withCode =
        api.fresh()
            .post(
                "/api/v1/keys",
                Api.json(
                    "label",
                    "sso bot 2",
                    "environment",
                    "LIVE",
                    "permissions",
                    List.of("READ"),
                    "totpCode",
                    app.nextCode()),
                "Authorization",
                "Bearer " + stale);
    assertEquals(201, withCode.status(), withCode.toString());
  }

  @Test
  void anAdministratorDisablesAUserWhoseKeysAndTokensStopAtOnceAndEnablesThemAgain(Api api) {
    String name = someone();
    String fresh = TokenMint.token(name, "trader");
    Api.Reply created =
        api.fresh()
            .post(
                "/api/v1/keys",
                Api.json(
                    "label", "desk bot", "environment", "LIVE", "permissions", List.of("READ")),
                "Authorization",
                "Bearer " + fresh);
    String key = created.json().getString("key");
    String userId = get(api, "/api/v1/me", fresh).json().getString("userId");
    Trader local = Trader.register(api).login();
    String admin = TokenMint.token(someone(), "admin");

    Api.Reply listed = get(api, "/api/v1/admin/users", admin);
    assertTrue(
        listed.array().getValuesAs(JsonObject.class).stream()
            .anyMatch(
                u ->
                    u.getString("userId").equals(userId)
                        && u.getString("signIn").equals("sso")
                        && u.getString("status").equals("ACTIVE")),
        listed.toString());
    assertFalse(
        listed.body().contains("passwordHash") || listed.body().contains("tb_live_"),
        listed.body());

    assertEquals(
        200, api.fresh().get("/api/v1/ping", "X-API-Key", key).status(), "the key is in use");
    assertEquals(200, local.ping(local.firstKey).status());
    Api.Reply disabled =
        api.fresh()
            .post(
                "/api/v1/admin/users/" + userId + "/disable",
                "",
                "Authorization",
                "Bearer " + admin);
    assertEquals(200, disabled.status(), disabled.toString());
    assertEquals("DISABLED", disabled.json().getString("status"));
    assertEquals(403, api.fresh().get("/api/v1/ping", "X-API-Key", key).status());
    assertEquals(403, get(api, "/api/v1/me", TokenMint.token(name, "trader")).status());

    api.fresh()
        .post(
            "/api/v1/admin/users/" + local.userId + "/disable",
            "",
            "Authorization",
            "Bearer " + admin);
    assertEquals(401, local.browser.get("/api/v1/me").status(), "a disabled user's session ends");
    assertEquals(403, local.ping(local.firstKey).status());

    assertEquals(
        200,
        api.fresh()
            .post(
                "/api/v1/admin/users/" + userId + "/enable", "", "Authorization", "Bearer " + admin)
            .status());
    assertEquals(200, api.fresh().get("/api/v1/ping", "X-API-Key", key).status());
    assertEquals(
        404,
        api.fresh()
            .post(
                "/api/v1/admin/users/no-such-user/disable", "", "Authorization", "Bearer " + admin)
            .status());
  }

  @Test
  void
      aNameInTradebridgeAdminsGivesNothingAndTheSetupTokenFromTheDataFolderMakesTheFirstAdministrator(
          Api api, RunningServer server) throws IOException {
    // Whoever registers a name listed in TRADEBRIDGE_ADMINS first used to become an administrator.
    Api squatter = api.fresh();
    assertEquals(
        201,
        squatter
            .post(
                "/api/v1/auth/register",
                Api.json(
                    "username",
                    LOCAL_ADMIN,
                    "email",
                    "ops@example.com",
                    "password",
                    "correct horse battery staple ops"))
            .status());
    squatter.useCsrf(
        squatter
            .post(
                "/api/v1/auth/login",
                Api.json("username", LOCAL_ADMIN, "password", "correct horse battery staple ops"))
            .json()
            .getString("csrfToken"));
    assertEquals(403, squatter.get("/api/v1/admin/users").status(), "a name is not a credential");
    assertFalse(squatter.get("/api/v1/me").json().getBoolean("admin"));
    assertEquals(403, squatter.post("/api/v1/admin/claim", Api.json("token", "guessed")).status());

    Path tokenFile = server.dataDir().resolve("admin-setup.token");
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(tokenFile)));
    String token = Files.readString(tokenFile).strip();
    Trader operator = Trader.register(api).login();
    Api.Reply claimed = operator.browser.post("/api/v1/admin/claim", Api.json("token", token));
    assertEquals(200, claimed.status(), claimed.toString());
    assertTrue(claimed.json().getBoolean("admin"));
    assertEquals(200, operator.browser.get("/api/v1/admin/users").status());
    assertFalse(Files.exists(tokenFile), "the token works once");
    assertEquals(403, squatter.post("/api/v1/admin/claim", Api.json("token", token)).status());

    Trader colleague = Trader.register(api).login();
    Api.Reply refused = colleague.browser.get("/api/v1/admin/users");
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("FORBIDDEN", refused.code());
    assertEquals(
        403,
        colleague
            .browser
            .post("/api/v1/admin/users/" + colleague.userId + "/grant-admin", null)
            .status());
    Api.Reply granted =
        operator.browser.post("/api/v1/admin/users/" + colleague.userId + "/grant-admin", null);
    assertEquals(200, granted.status(), granted.toString());
    assertEquals(
        200, colleague.browser.get("/api/v1/admin/users").status(), "granted by an administrator");
  }

  @Test
  void
      expiredEarlyForeignMisaddressedForgedUnsignedAndOversizedTokensAre401CreateNobodyAndLeaveNoFfdc(
          Api api, RunningServer server) throws IOException {
    long ffdcBefore = ffdcFiles(server);
    String name = someone();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(
        "expired",
        TokenMint.token(
            name,
            c -> c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120)),
            "trader"));
    bad.put(
        "not yet valid",
        TokenMint.token(
            name,
            c -> c.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 600)),
            "trader"));
    bad.put(
        "wrong issuer",
        TokenMint.token(name, c -> c.setIssuer("https://evil.example/realms/desk"), "trader"));
    bad.put("wrong audience", TokenMint.token(name, c -> c.setAudience("another-app"), "trader"));
    JwtClaims claims = TokenMint.claims(name, "trader", "admin");
    bad.put("bad signature", TokenMint.signedByAnotherKey(claims));
    bad.put("alg none", TokenMint.unsigned(claims));
    bad.put("hmac with the public key", TokenMint.hmacWithThePublicKey(claims));
    String good = TokenMint.sign(claims);
    bad.put(
        "tampered payload",
        good.substring(0, good.indexOf('.') + 1)
            + TokenMint.unsigned(TokenMint.claims("root", "admin")).split("\\.")[1]
            + good.substring(good.lastIndexOf('.')));
    bad.put(
        "oversized",
        TokenMint.token(name, c -> c.setClaim("padding", "x".repeat(20_000)), "trader"));
    bad.put("not a token", "tb_live_notATokenButAnApiKeyShapedThing");

    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (int round = 0; round < 20; round++) {
      for (Map.Entry<String, String> token : bad.entrySet()) {
        Api.Reply reply = get(api, "/api/v1/me", token.getValue());
        statuses.merge(
            token.getKey() + " " + reply.status() + " " + reply.header("Content-Type"),
            1,
            Integer::sum);
      }
    }
    Map<String, Integer> expected = new LinkedHashMap<>();
    bad.keySet().forEach(k -> expected.put(k + " 401 application/problem+json", 20));
    assertEquals(expected, statuses);
    assertFalse(usernames(api).contains(name), "nothing created");
    assertFalse(usernames(api).contains("root"), "nothing created");
    assertEquals(ffdcBefore, ffdcFiles(server), "no FFDC incident for bad tokens");
    String messages = Files.readString(server.serverLogs().resolve("messages.log"));
    assertFalse(messages.contains(bad.get("expired").substring(0, 40)), "tokens are never logged");
    assertEquals(200, get(api, "/api/v1/me", good).status(), "and the good token still works");
    String metrics = api.fresh().get("/metrics?scope=application").body();
    for (String reason :
        List.of(
            "expired",
            "not_yet_valid",
            "issuer",
            "audience",
            "signature",
            "algorithm",
            "oversized")) {
      assertTrue(
          metrics.contains("reason=\"token_" + reason + "\""), reason + " counted: " + metrics);
    }
  }

  private static long ffdcFiles(RunningServer server) throws IOException {
    Path ffdc = server.serverLogs().resolve("ffdc");
    if (!Files.isDirectory(ffdc)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(ffdc)) {
      return files.count();
    }
  }

  private static List<String> usernames(Api api) {
    Api.Reply users =
        get(
            api,
            "/api/v1/admin/users",
            TokenMint.token("auditor-" + SEQUENCE.incrementAndGet(), "admin"));
    assertEquals(200, users.status(), users.toString());
    return users.array().getValuesAs(JsonObject.class).stream()
        .map(u -> u.getString("username"))
        .toList();
  }
}
