package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class TradingAccountsIT {

  private static String account(String pseudo, String password, String secret) {
    return Api.json(
        "pseudoAccount",
        pseudo,
        "broker",
        "PAPER",
        "loginId",
        "ZX1234",
        "live",
        true,
        "credentials",
        Json.createObjectBuilder().add("apiSecret", secret).build(),
        "password",
        password);
  }

  @Test
  void everyNewUserHasALivePaperAccountNamedPaper1(Api api) {
    Trader trader = Trader.register(api);
    Api.Reply list = api.fresh().get("/api/v1/trading-accounts", "X-API-Key", trader.firstKey);
    assertEquals(200, list.status(), list.toString());
    JsonObject paper = list.array().getJsonObject(0);
    assertEquals("PAPER1", paper.getString("pseudoAccount"));
    assertEquals("PAPER", paper.getString("broker"));
    assertTrue(paper.getBoolean("live"));
  }

  @Test
  void credentialsAreStoredBehindTheStepUpAndNeverListed(Api api) {
    Trader trader = Trader.register(api).login();
    String secret = "broker-secret-" + System.nanoTime();
    Api.Reply noPassword =
        trader.browser.post("/api/v1/trading-accounts", account("ACC1", null, secret));
    assertEquals(400, noPassword.status(), noPassword.toString());
    Api.Reply wrongPassword =
        trader.browser.post("/api/v1/trading-accounts", account("ACC1", "wrong password", secret));
    assertEquals(401, wrongPassword.status());

    Api.Reply created =
        trader.browser.post("/api/v1/trading-accounts", account("ACC1", trader.password, secret));
    assertEquals(201, created.status(), created.toString());
    String id = created.json().getString("id");
    Api.Reply list = trader.browser.get("/api/v1/trading-accounts");
    assertFalse(list.body().contains(secret), list.body());
    assertEquals(2, list.array().size());

    assertEquals(
        401,
        trader
            .browser
            .post(
                "/api/v1/trading-accounts/" + id + "/credentials/reveal",
                Api.json("password", "wrong password"))
            .status());
    Api.Reply revealed =
        trader.browser.post(
            "/api/v1/trading-accounts/" + id + "/credentials/reveal",
            Api.json("password", trader.password));
    assertEquals(200, revealed.status(), revealed.toString());
    assertEquals(secret, revealed.json().getJsonObject("credentials").getString("apiSecret"));
  }

  @Test
  void pseudoAccountsAreUniquePerUserWhateverTheCase(Api api) {
    Trader trader = Trader.register(api).login();
    Api.Reply clash =
        trader.browser.post(
            "/api/v1/trading-accounts",
            Api.json("pseudoAccount", "paper1", "broker", "PAPER", "loginId", "x", "live", false));
    assertEquals(409, clash.status(), clash.toString());
    Trader other = Trader.register(api).login();
    Api.Reply sameNameElsewhere =
        other.browser.post(
            "/api/v1/trading-accounts",
            Api.json("pseudoAccount", "ACC7", "broker", "PAPER", "loginId", "x", "live", false));
    assertEquals(201, sameNameElsewhere.status());
    assertEquals(
        201,
        trader
            .browser
            .post(
                "/api/v1/trading-accounts",
                Api.json("pseudoAccount", "ACC7", "broker", "PAPER", "loginId", "x", "live", false))
            .status());
  }

  @Test
  void unknownBrokersAndBadNamesAreNamedFields(Api api) {
    Trader trader = Trader.register(api).login();
    Api.Reply reply =
        trader.browser.post(
            "/api/v1/trading-accounts",
            Api.json(
                "pseudoAccount",
                "my account!",
                "broker",
                "ZERODHA_TYPO",
                "loginId",
                "x",
                "live",
                "yes"));
    assertEquals(400, reply.status(), reply.toString());
    String errors = reply.json().getJsonArray("errors").toString();
    assertTrue(errors.contains("\"broker\"") && errors.contains("\"live\""), errors);
  }

  @Test
  void anotherUsersAccountIsNotFoundAndKeysCannotChangeAccounts(Api api) {
    Trader owner = Trader.register(api).login();
    String id =
        owner.browser.get("/api/v1/trading-accounts").array().getJsonObject(0).getString("id");
    Trader other = Trader.register(api).login();
    assertEquals(
        404, other.browser.post("/api/v1/trading-accounts/" + id + "/validate", null).status());
    assertEquals(
        404,
        other
            .browser
            .deleteWithBody("/api/v1/trading-accounts/" + id, Api.json("password", other.password))
            .status());
    Api.Reply byKey =
        api.fresh()
            .post(
                "/api/v1/trading-accounts",
                Api.json("pseudoAccount", "X", "broker", "PAPER", "loginId", "x", "live", true),
                "X-API-Key",
                owner.firstKey);
    assertEquals(403, byKey.status());
    assertEquals("SESSION_REQUIRED", byKey.code());

    Api.Reply validated = owner.browser.post("/api/v1/trading-accounts/" + id + "/validate", null);
    assertEquals(200, validated.status(), validated.toString());
    assertEquals("VALID", validated.json().getString("validationStatus"));
  }

  @Test
  void switchingLiveChangingLimitsOrRemovingAnAccountNeedsThePassword(Api api) {
    Trader trader = Trader.register(api).login();
    Api.Reply created =
        trader.browser.post(
            "/api/v1/trading-accounts",
            Api.json("pseudoAccount", "DESK1", "broker", "PAPER", "loginId", "d1", "live", false));
    assertEquals(201, created.status(), created.toString());
    String path = "/api/v1/trading-accounts/" + created.json().getString("id");

    Api.Reply rename =
        trader.browser.put(
            path,
            Api.json("pseudoAccount", "DESK2", "broker", "PAPER", "loginId", "d1", "live", false));
    assertEquals(200, rename.status(), "a new nickname is not a safety change: " + rename);
    for (String change :
        new String[] {
          Api.json("pseudoAccount", "DESK2", "broker", "PAPER", "loginId", "d1", "live", true),
          Api.json(
              "pseudoAccount",
              "DESK2",
              "broker",
              "PAPER",
              "loginId",
              "d1",
              "live",
              false,
              "maxOrderQuantity",
              1_000_000),
          Api.json(
              "pseudoAccount",
              "DESK2",
              "broker",
              "PAPER",
              "loginId",
              "d1",
              "live",
              false,
              "maxOrderValue",
              1)
        }) {
      Api.Reply refused = trader.browser.put(path, change);
      assertEquals(400, refused.status(), change + ": " + refused);
      assertTrue(refused.body().contains("password"), refused.toString());
    }
    assertFalse(desk(trader).getBoolean("live"), "nothing changed");

    Api.Reply live =
        trader.browser.put(
            path,
            Api.json(
                "pseudoAccount",
                "DESK2",
                "broker",
                "PAPER",
                "loginId",
                "d1",
                "live",
                true,
                "password",
                trader.password));
    assertEquals(200, live.status(), live.toString());
    assertTrue(live.json().getBoolean("live"));

    assertEquals(
        401, trader.browser.deleteWithBody(path, Api.json("password", "not my password")).status());
    assertEquals(
        204, trader.browser.deleteWithBody(path, Api.json("password", trader.password)).status());
    assertEquals(
        1, trader.browser.get("/api/v1/trading-accounts").array().size(), "only PAPER1 is left");
  }

  private static JsonObject desk(Trader trader) {
    return trader
        .browser
        .get("/api/v1/trading-accounts")
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(a -> a.getString("pseudoAccount").equals("DESK2"))
        .findFirst()
        .orElseThrow();
  }
}
