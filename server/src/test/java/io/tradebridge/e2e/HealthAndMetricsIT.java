package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator's monitoring reads: health checks that mean something, and the counters. */
@ExtendWith(SharedServer.class)
class HealthAndMetricsIT {

  @Test
  void readinessNamesTheDatabaseTheMasterKeyAndThePaperExchangesPrices(Api api) {
    Api.Reply ready = api.fresh().get("/health/ready");
    assertEquals(200, ready.status(), ready.toString());
    JsonObject check = ready.json().getJsonArray("checks").getJsonObject(0);
    assertEquals("UP", check.getString("status"));
    JsonObject data = check.getJsonObject("data");
    assertTrue(
        data.getBoolean("database")
            && data.getBoolean("masterKey")
            && data.getBoolean("paperExchange"),
        data.toString());
    assertEquals(200, api.fresh().get("/health/live").status());
  }

  @Test
  void metricsCountOrdersByOutcomeAndAuthenticationFailuresByReason(Api api) {
    Trader trader = Trader.register(api);
    String key = trader.firstKey;
    assertEquals(
        201,
        api.fresh()
            .post("/api/v1/orders", RateLimitsIT.order("metrics-1"), "X-API-Key", key)
            .status());
    assertEquals(
        201,
        api.fresh()
            .post("/api/v1/orders", RateLimitsIT.order("metrics-1"), "X-API-Key", key)
            .status());
    assertEquals(
        422,
        api.fresh()
            .post(
                "/api/v1/orders",
                RateLimitsIT.order("metrics-2").replace("\"ITC\"", "\"NOSUCH\""),
                "X-API-Key",
                key)
            .status());
    String mistyped = key.substring(0, key.length() - 1) + (key.endsWith("x") ? "y" : "x");
    assertEquals(401, api.fresh().get("/api/v1/ping", "X-API-Key", mistyped).status());

    String metrics = api.fresh().get("/metrics?scope=application").body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("tradebridge_orders_refused_total")
                        && l.contains("code=\"order_rejected\"")),
        metrics);
    assertTrue(metrics.contains("outcome=\"placed\""), metrics);
    assertTrue(metrics.contains("outcome=\"repeated\""), metrics);
    assertTrue(metrics.contains("tradebridge_order_placement_seconds"), metrics);
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("tradebridge_authentication_failures_total")
                        && l.contains("reason=\"unknown_key\"")),
        metrics);
    assertTrue(metrics.contains("tradebridge_traffic_log_waiting"), metrics);
  }
}
