package io.tradebridge.bench;

import io.tradebridge.e2e.Api;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/** The order mix of the benchmarks: each client its own key; MARKET and resting LIMIT in turn. */
final class BenchOrders {

  /**
   * Built once: building JSON per request looked up the JSON provider every time and made the
   * client's share of this shared machine per order twice its share per static file.
   */
  private static final String MARKET =
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
          "INTRADAY");

  private static final String RESTING =
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
          "LIMIT",
          "price",
          new BigDecimal("390.00"),
          "productType",
          "INTRADAY");

  /**
   * {@code -Dbench.resting=false}: every order at market, none resting — to tell what a growing
   * book of resting orders costs from what the orders themselves cost.
   */
  private static final boolean RESTING_TOO = !"false".equals(System.getProperty("bench.resting"));

  private BenchOrders() {}

  /**
   * Client {@code call % keys}; its even calls buy at market, odd ones rest a LIMIT well under it.
   */
  static HttpRequest marketOrResting(URI orders, List<String> keys, long call) {
    int clients = keys.size();
    int client = (int) (call % clients);
    boolean market = !RESTING_TOO || (call / clients) % 2 == 0;
    String body = market ? MARKET : RESTING;
    return HttpRequest.newBuilder(orders)
        .header("Content-Type", "application/json")
        .header("X-API-Key", keys.get(client))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
