package io.tradebridge.openalgo.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.openalgo.control.OpenAlgoFields;
import io.tradebridge.openalgo.control.OpenAlgoWords;
import io.tradebridge.orders.boundary.AccountReads;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.ProductType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One authenticated OpenAlgo request: the key that made it (and so the user and the pseudo account
 * it trades on) and its fields, read as OpenAlgo reads them.
 */
record OpenAlgoCall(KeyCaller key, OpenAlgoFields fields) {

  static final List<String> EXCHANGES = Arrays.stream(Exchange.values()).map(Enum::name).toList();

  String userId() {
    return key.userId();
  }

  /** The key's defaultAccount: where every OpenAlgo order goes and every read comes from. */
  String account() {
    return key.defaultAccount();
  }

  /**
   * One order in OpenAlgo's fields (placeorder, a basket's order, a split's), as our order model
   * takes it; null when a field is wrong (the errors are in {@code fields}). {@code strategy} is
   * the request's, shared by every order of a basket or split.
   */
  OrderRequest order(OpenAlgoFields of, String strategy, Integer quantity) {
    String exchange = of.oneOf("exchange", null, EXCHANGES);
    String symbol = of.text("symbol", null);
    String action = of.oneOf("action", null, OpenAlgoWords.ACTIONS);
    String pricetype = of.oneOf("pricetype", "MARKET", OpenAlgoWords.PRICE_TYPES);
    String product = of.oneOf("product", "MIS", OpenAlgoWords.PRODUCTS);
    BigDecimal price = of.price("price");
    BigDecimal trigger = of.price("trigger_price");
    BigDecimal disclosed = of.number("disclosed_quantity", BigDecimal.ZERO);
    if (of.hasErrors() || quantity == null) {
      return null;
    }
    return new OrderRequest(
        account(),
        Exchange.valueOf(exchange),
        OpenAlgoWords.ourSymbol(symbol),
        OpenAlgoWords.side(action),
        quantity,
        OpenAlgoWords.orderType(pricetype),
        OpenAlgoWords.productType(product),
        price,
        trigger,
        null,
        null,
        null,
        null,
        null,
        disclosed == null || disclosed.signum() == 0 ? null : disclosed.intValue(),
        null,
        strategy,
        null,
        null,
        null);
  }

  /** The net quantity of one position on the key's account (0 when there is none). */
  int netQuantity(AccountReads reads, String exchange, String symbol, ProductType product) {
    return reads.positions(userId(), account(), Portfolio.Category.NET).stream()
        .filter(
            p ->
                p.exchange().equals(exchange)
                    && p.symbol().equals(symbol)
                    && p.productType() == product)
        .mapToInt(PositionView::netQuantity)
        .sum();
  }
}
