package io.tradebridge.openalgo.boundary;

import static io.tradebridge.openalgo.boundary.OpenAlgoJson.count;
import static io.tradebridge.openalgo.boundary.OpenAlgoJson.level;
import static io.tradebridge.openalgo.boundary.OpenAlgoJson.money;
import static io.tradebridge.openalgo.boundary.OpenAlgoJson.number;
import static io.tradebridge.openalgo.boundary.OpenAlgoJson.orZero;
import static io.tradebridge.openalgo.boundary.OpenAlgoJson.order;
import static io.tradebridge.openalgo.boundary.OpenAlgoJson.percent;

import io.tradebridge.access.entity.Permission;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.boundary.AccountMarket;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.control.Quote;
import io.tradebridge.openalgo.control.OpenAlgoFields;
import io.tradebridge.openalgo.control.OpenAlgoWords;
import io.tradebridge.orders.boundary.AccountReads;
import io.tradebridge.orders.boundary.HoldingView;
import io.tradebridge.orders.boundary.MarginsView;
import io.tradebridge.orders.boundary.OrderView;
import io.tradebridge.orders.boundary.Orders;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.boundary.TradeView;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * OpenAlgo's reads (API.md, "OpenAlgo-compatible API"): orderstatus, openposition, orderbook,
 * tradebook, positionbook, holdings, funds, quotes, depth, ping — from the same services as
 * /api/v1's, for the key's {@code defaultAccount}, in OpenAlgo's field names and number formats.
 */
@ApplicationScoped
@Path("openalgo/v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class OpenAlgoReads {

  @Inject OpenAlgoGate gate;
  @Inject Orders orders;
  @Inject AccountReads reads;
  @Inject TradingAccounts accounts;
  @Inject AccountMarket accountMarket;
  @Inject PaperExchange paper;

  @POST
  @Path("orderstatus")
  @Operation(hidden = true)
  public Response orderstatus(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey strategy orderid"),
        Permission.READ,
        call -> {
          call.fields().text("strategy", "");
          String orderId = call.fields().text("orderid", null);
          if (call.fields().hasErrors()) {
            return OpenAlgoReply.invalid(call.fields());
          }
          OrderView o = orders.get(call.userId(), orderId);
          return OpenAlgoReply.success(
              Json.createObjectBuilder()
                  .add(
                      "data",
                      order(o)
                          .add("average_price", number(o.averagePrice()))
                          .add("filled_quantity", String.valueOf(o.filledQuantity()))));
        });
  }

  @POST
  @Path("openposition")
  @Operation(hidden = true)
  public Response openposition(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey strategy symbol exchange product"),
        Permission.READ,
        call -> {
          OpenAlgoFields f = call.fields();
          f.text("strategy", "");
          String exchange = f.oneOf("exchange", null, OpenAlgoCall.EXCHANGES);
          String symbol = f.text("symbol", null);
          String product = f.oneOf("product", null, OpenAlgoWords.PRODUCTS);
          if (f.hasErrors()) {
            return OpenAlgoReply.invalid(f);
          }
          int net =
              call.netQuantity(
                  reads,
                  exchange,
                  OpenAlgoWords.ourSymbol(symbol),
                  OpenAlgoWords.productType(product));
          return OpenAlgoReply.success(
              Json.createObjectBuilder().add("quantity", String.valueOf(net)));
        });
  }

  @POST
  @Path("orderbook")
  @Operation(hidden = true)
  public Response orderbook(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.read(
        body,
        length,
        call -> {
          List<OrderView> book = orders.list(call.userId(), call.account(), null);
          JsonArrayBuilder list = Json.createArrayBuilder();
          book.forEach(o -> list.add(order(o)));
          return Json.createObjectBuilder()
              .add("orders", list)
              .add(
                  "statistics",
                  Json.createObjectBuilder()
                      .add("total_buy_orders", count(book, o -> o.side() == Side.BUY))
                      .add("total_sell_orders", count(book, o -> o.side() == Side.SELL))
                      .add(
                          "total_completed_orders",
                          count(book, o -> o.status() == OrderStatus.COMPLETE))
                      .add(
                          "total_open_orders",
                          count(
                              book,
                              o ->
                                  o.status() == OrderStatus.OPEN
                                      || o.status() == OrderStatus.PENDING
                                      || o.status() == OrderStatus.TRIGGER_PENDING))
                      .add(
                          "total_rejected_orders",
                          count(book, o -> o.status() == OrderStatus.REJECTED)));
        });
  }

  @POST
  @Path("tradebook")
  @Operation(hidden = true)
  public Response tradebook(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.read(
        body,
        length,
        call -> {
          JsonArrayBuilder list = Json.createArrayBuilder();
          // A trade carries no product: its order does. One read of the book, not one per trade.
          java.util.Map<String, ProductType> products = new java.util.HashMap<>();
          orders
              .list(call.userId(), call.account(), null)
              .forEach(o -> products.put(o.orderId(), o.productType()));
          for (TradeView t : orders.trades(call.userId(), call.account())) {
            list.add(
                Json.createObjectBuilder()
                    .add("action", t.side().name())
                    .add("symbol", OpenAlgoWords.openAlgoSymbol(t.symbol()))
                    .add("exchange", t.exchange())
                    .add("orderid", t.orderId())
                    .add(
                        "product",
                        OpenAlgoWords.product(
                            products.getOrDefault(t.orderId(), ProductType.INTRADAY)))
                    .add("quantity", t.quantity())
                    .add("average_price", number(t.price()))
                    .add("timestamp", OpenAlgoWords.time(t.time()))
                    .add(
                        "trade_value",
                        number(t.price().multiply(BigDecimal.valueOf(t.quantity())))));
          }
          return list;
        });
  }

  @POST
  @Path("positionbook")
  @Operation(hidden = true)
  public Response positionbook(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.read(
        body,
        length,
        call -> {
          JsonArrayBuilder list = Json.createArrayBuilder();
          for (PositionView p :
              reads.positions(call.userId(), call.account(), Portfolio.Category.NET)) {
            BigDecimal average =
                p.netQuantity() > 0
                    ? p.buyAveragePrice()
                    : p.netQuantity() < 0 ? p.sellAveragePrice() : BigDecimal.ZERO;
            list.add(
                Json.createObjectBuilder()
                    .add("symbol", OpenAlgoWords.openAlgoSymbol(p.symbol()))
                    .add("exchange", p.exchange())
                    .add("product", OpenAlgoWords.product(p.productType()))
                    .add("quantity", String.valueOf(p.netQuantity()))
                    .add("average_price", money(average))
                    .add("ltp", money(p.lastPrice()))
                    .add("pnl", money(p.pnl())));
          }
          return list;
        });
  }

  @POST
  @Path("holdings")
  @Operation(hidden = true)
  public Response holdings(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.read(
        body,
        length,
        call -> {
          JsonArrayBuilder list = Json.createArrayBuilder();
          BigDecimal value = BigDecimal.ZERO;
          BigDecimal invested = BigDecimal.ZERO;
          for (HoldingView h : reads.holdings(call.userId(), call.account())) {
            BigDecimal cost = orZero(h.averagePrice()).multiply(BigDecimal.valueOf(h.quantity()));
            BigDecimal worth = orZero(h.lastPrice()).multiply(BigDecimal.valueOf(h.quantity()));
            value = value.add(worth);
            invested = invested.add(cost);
            list.add(
                Json.createObjectBuilder()
                    .add("symbol", OpenAlgoWords.openAlgoSymbol(h.symbol()))
                    .add("exchange", h.exchange())
                    .add("product", "CNC")
                    .add("quantity", h.quantity())
                    .add("pnl", number(orZero(h.pnl())))
                    .add("pnlpercent", number(percent(orZero(h.pnl()), cost))));
          }
          BigDecimal pnl = value.subtract(invested);
          return Json.createObjectBuilder()
              .add("holdings", list)
              .add(
                  "statistics",
                  Json.createObjectBuilder()
                      .add("totalholdingvalue", number(value))
                      .add("totalinvvalue", number(invested))
                      .add("totalprofitandloss", number(pnl))
                      .add("totalpnlpercentage", number(percent(pnl, invested))));
        });
  }

  @POST
  @Path("funds")
  @Operation(hidden = true)
  public Response funds(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.read(
        body,
        length,
        call -> {
          MarginsView margins = reads.margins(call.userId(), call.account());
          List<PositionView> positions =
              reads.positions(call.userId(), call.account(), Portfolio.Category.DAY);
          BigDecimal realised =
              positions.stream()
                  .map(p -> orZero(p.realisedPnl()))
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal unrealised =
              positions.stream()
                  .map(p -> orZero(p.unrealisedPnl()))
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          return Json.createObjectBuilder()
              .add("availablecash", money(margins.availableCash()))
              .add("collateral", "0.00")
              .add("m2mrealized", money(realised))
              .add("m2munrealized", money(unrealised))
              .add("utiliseddebits", money(margins.utilisedMargin()));
        });
  }

  @POST
  @Path("quotes")
  @Operation(hidden = true)
  public Response quotes(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return quoted(
        body,
        length,
        q ->
            Json.createObjectBuilder()
                .add("open", number(q.open()))
                .add("high", number(q.high()))
                .add("low", number(q.low()))
                .add("ltp", number(q.lastPrice()))
                .add("ask", number(q.ask()))
                .add("bid", number(q.bid()))
                .add("prev_close", number(q.close()))
                .add("volume", q.volume()));
  }

  @POST
  @Path("depth")
  @Operation(hidden = true)
  public Response depth(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return quoted(
        body,
        length,
        q -> {
          JsonArrayBuilder asks = Json.createArrayBuilder();
          JsonArrayBuilder bids = Json.createArrayBuilder();
          q.asks().forEach(l -> asks.add(level(l)));
          q.bids().forEach(l -> bids.add(level(l)));
          return Json.createObjectBuilder()
              .add("open", number(q.open()))
              .add("high", number(q.high()))
              .add("low", number(q.low()))
              .add("ltp", number(q.lastPrice()))
              .add("ltq", 0)
              .add("prev_close", number(q.close()))
              .add("volume", q.volume())
              .add("oi", 0)
              .add("totalbuyqty", q.bids().stream().mapToLong(Quote.Level::quantity).sum())
              .add("totalsellqty", q.asks().stream().mapToLong(Quote.Level::quantity).sum())
              .add("asks", asks)
              .add("bids", bids);
        });
  }

  @POST
  @Path("ping")
  @Operation(hidden = true)
  public Response ping(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.read(
        body,
        length,
        call ->
            Json.createObjectBuilder()
                .add("message", "pong")
                .add(
                    "broker",
                    OpenAlgoWords.broker(
                        accounts.byPseudoAccount(call.userId(), call.account()).broker().name())));
  }

  private Response quoted(
      InputStream body, String length, Function<Quote, JsonObjectBuilder> data) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey symbol exchange"),
        Permission.READ,
        call -> {
          OpenAlgoFields f = call.fields();
          String exchange = f.oneOf("exchange", null, OpenAlgoCall.EXCHANGES);
          String symbol = f.text("symbol", null);
          if (f.hasErrors()) {
            return OpenAlgoReply.invalid(f);
          }
          String ours = OpenAlgoWords.ourSymbol(symbol);
          Quote quote =
              accountMarket
                  .quote(call.userId(), call.account(), exchange, ours)
                  .orElseGet(
                      () ->
                          paper
                              .instrument(exchange, ours)
                              .flatMap(paper::quote)
                              .orElseThrow(
                                  () ->
                                      TradebridgeException.notFound(
                                          "instrument " + exchange + ":" + symbol)));
          return OpenAlgoReply.success(Json.createObjectBuilder().add("data", data.apply(quote)));
        });
  }
}
