package io.tradebridge.openalgo.boundary;

import io.tradebridge.access.boundary.KeyCheck;
import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.boundary.AccountMarket;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.control.Quote;
import io.tradebridge.openalgo.control.OpenAlgoFields;
import io.tradebridge.openalgo.control.OpenAlgoWords;
import io.tradebridge.openalgo.control.SmartOrder;
import io.tradebridge.orders.boundary.AccountReads;
import io.tradebridge.orders.boundary.HoldingView;
import io.tradebridge.orders.boundary.MarginsView;
import io.tradebridge.orders.boundary.Modification;
import io.tradebridge.orders.boundary.OrderPatch;
import io.tradebridge.orders.boundary.OrderPlacement;
import io.tradebridge.orders.boundary.OrderView;
import io.tradebridge.orders.boundary.Orders;
import io.tradebridge.orders.boundary.Outcome;
import io.tradebridge.orders.boundary.Placed;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.boundary.SquareOff;
import io.tradebridge.orders.boundary.SquareOffRequest;
import io.tradebridge.orders.boundary.TradeView;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.rest.json.StrictJsonReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * OpenAlgo's REST API (API.md, "OpenAlgo-compatible API"), so that a program, an alert template or
 * an SDK written for OpenAlgo works by changing only its host to {@code http://<server>/openalgo}.
 * Served at {@code /openalgo/api/v1/…} ({@link OpenAlgoAddress} forwards there to this class's
 * {@code /api/openalgo/v1/…}). The key travels in the body's {@code apikey} — the one other place
 * API.md allows it — and is checked as a header's key is ({@link KeyCheck}); orders go to the key's
 * {@code defaultAccount}. There is no second order path: every order goes through {@link
 * OrderPlacement} with the same checks, idempotency (an {@code Idempotency-Key} header is
 * honoured), order modes, rate limits and broker adapters; reads come from the same services as
 * /api/v1's. Only the field names, number formats and answers are OpenAlgo's. Not in /openapi: its
 * contract is OpenAlgo's own documentation, and its errors are OpenAlgo's, not problem details.
 */
@ApplicationScoped
@Path("openalgo/v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class OpenAlgoResource {

  static final String QUEUED = "Order queued for approval in Action Center";

  /** OpenAlgo refuses more orders than this in one split. */
  static final int MOST_SPLITS = 100;

  private static final String ORDER_FIELDS =
      "strategy exchange symbol action quantity pricetype product price trigger_price"
          + " disclosed_quantity";

  /**
   * The exits OpenAlgo's SDK may attach to a plain order, which OpenAlgo watches itself. We do not
   * watch a plain order's exits, and dropping them quietly would leave a trader unprotected who
   * thinks otherwise: refused, pointing at the bracket order, which does protect.
   */
  private static final String EXITS = "target stoploss trailing_sl trailing_stoploss";

  static final String EXITS_NOT_WATCHED =
      "Not supported: exits attached to a plain order are not watched here. Send a bracket order"
          + " (POST /api/v1/orders with variety BO, target and stoploss) to be protected.";

  @Inject KeyCheck keys;
  @Inject RateLimiter limiter;
  @Inject OrderPlacement placement;
  @Inject Orders orders;
  @Inject AccountReads reads;
  @Inject SquareOff squareOff;
  @Inject TradingAccounts accounts;
  @Inject AccountMarket accountMarket;
  @Inject PaperExchange paper;

  /** Two smart orders for one position must not both read it flat: striped, per position. */
  private final ReentrantLock[] positionLocks = new ReentrantLock[64];

  {
    for (int i = 0; i < positionLocks.length; i++) {
      positionLocks[i] = new ReentrantLock();
    }
  }

  // --- placing

  @POST
  @Path("placeorder")
  @Operation(hidden = true)
  public Response placeorder(
      InputStream body,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return answer(
        body,
        length,
        fields("apikey " + ORDER_FIELDS + " underlying_ltp " + EXITS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          Integer quantity = f.quantity("quantity", true);
          f.number("underlying_ltp", BigDecimal.ZERO);
          OrderRequest order = call.order(f, strategy, quantity);
          if (order == null) {
            return OpenAlgoReply.invalid(f);
          }
          return placed(call, order, idempotencyKey);
        });
  }

  @POST
  @Path("placesmartorder")
  @Operation(hidden = true)
  public Response placesmartorder(
      InputStream body,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return answer(
        body,
        length,
        fields("apikey position_size " + ORDER_FIELDS + " " + EXITS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          Integer quantity = f.quantity("quantity", false);
          Integer target = f.signedQuantity("position_size");
          OrderRequest given = call.order(f, strategy, quantity);
          if (given == null || target == null) {
            return OpenAlgoReply.invalid(f);
          }
          ReentrantLock lock =
              positionLocks[
                  Math.floorMod(
                      (call.userId() + given.exchange() + given.symbol() + given.productType())
                          .hashCode(),
                      positionLocks.length)];
          lock.lock();
          try {
            int current = netQuantity(call, given);
            SmartOrder.Decision decision =
                SmartOrder.decide(current, target, quantity, given.side());
            if (decision instanceof SmartOrder.NoAction none) {
              return OpenAlgoReply.success(
                  Json.createObjectBuilder().add("message", none.message()));
            }
            SmartOrder.Place place = (SmartOrder.Place) decision;
            return placed(
                call, withSideAndQuantity(given, place.side(), place.quantity()), idempotencyKey);
          } finally {
            lock.unlock();
          }
        });
  }

  @POST
  @Path("basketorder")
  @Operation(hidden = true)
  public Response basketorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return answer(
        body,
        length,
        fields("apikey strategy orders"),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          List<JsonObject> items = f.objects("orders");
          List<OrderRequest> basket = new ArrayList<>();
          if (items != null) {
            for (int i = 0; i < items.size(); i++) {
              OpenAlgoFields item =
                  f.nested(items.get(i), "orders", i)
                      .only(fields(ORDER_FIELDS.replace("strategy ", "")));
              basket.add(call.order(item, strategy, item.quantity("quantity", true)));
            }
          }
          if (f.hasErrors()) {
            return OpenAlgoReply.invalid(f);
          }
          // OpenAlgo sends a basket's buys before its sells, so that margin from a buy is there.
          List<OrderRequest> ordered =
              basket.stream()
                  .sorted(Comparator.comparing(o -> o.side() == Side.BUY ? 0 : 1))
                  .toList();
          JsonArrayBuilder results = Json.createArrayBuilder();
          List<Outcome> outcomes = placeAll(call, ordered);
          for (int i = 0; i < ordered.size(); i++) {
            JsonObjectBuilder row =
                Json.createObjectBuilder()
                    .add("symbol", OpenAlgoWords.openAlgoSymbol(ordered.get(i).symbol()));
            results.add(outcome(row, outcomes.get(i)));
          }
          return OpenAlgoReply.success(Json.createObjectBuilder().add("results", results));
        });
  }

  @POST
  @Path("splitorder")
  @Operation(hidden = true)
  public Response splitorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return answer(
        body,
        length,
        fields("apikey splitsize " + ORDER_FIELDS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          Integer total = f.quantity("quantity", true);
          Integer size = f.atLeast("splitsize", 1, "Split size must be a positive integer.");
          OrderRequest whole = call.order(f, strategy, total);
          if (whole == null || size == null) {
            return OpenAlgoReply.invalid(f);
          }
          int count = (total + size - 1) / size;
          if (count > MOST_SPLITS) {
            return OpenAlgoReply.error(
                400,
                "Split would create "
                    + count
                    + " orders; the maximum is "
                    + MOST_SPLITS
                    + ". Use a larger splitsize.");
          }
          List<OrderRequest> pieces = new ArrayList<>(count);
          for (int left = total; left > 0; left -= size) {
            pieces.add(withSideAndQuantity(whole, whole.side(), Math.min(size, left)));
          }
          List<Outcome> outcomes = placeAll(call, pieces);
          JsonArrayBuilder results = Json.createArrayBuilder();
          for (int i = 0; i < pieces.size(); i++) {
            JsonObjectBuilder row =
                Json.createObjectBuilder()
                    .add("order_num", i + 1)
                    .add("quantity", pieces.get(i).quantity());
            results.add(outcome(row, outcomes.get(i)));
          }
          return OpenAlgoReply.success(
              Json.createObjectBuilder()
                  .add("split_size", size)
                  .add("total_quantity", total)
                  .add("results", results));
        });
  }

  // --- changing

  @POST
  @Path("modifyorder")
  @Operation(hidden = true)
  public Response modifyorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return answer(
        body,
        length,
        fields("apikey orderid " + ORDER_FIELDS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          f.text("strategy", "");
          String orderId = f.text("orderid", null);
          Integer quantity = f.quantity("quantity", true);
          f.number("price", null);
          OrderRequest wanted = call.order(f, null, quantity);
          if (wanted == null || orderId == null) {
            return OpenAlgoReply.invalid(f);
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Modify order", "modify orders");
          }
          OrderView order = orders.get(call.userId(), orderId);
          if (!order.symbol().equals(wanted.symbol())
              || !order.exchange().equals(wanted.exchange().name())
              || order.side() != wanted.side()) {
            return OpenAlgoReply.error(
                400,
                "order "
                    + orderId
                    + " is "
                    + order.side()
                    + " "
                    + order.exchange()
                    + ":"
                    + OpenAlgoWords.openAlgoSymbol(order.symbol())
                    + "; symbol, exchange and action cannot be changed (cancel and place anew)");
          }
          charge(call.key(), RateKind.ORDERS);
          Modification changed =
              orders.modify(
                  call.userId(),
                  orderId,
                  new OrderPatch(
                      wanted.orderType(), wanted.quantity(), wanted.price(), wanted.triggerPrice()),
                  call.key());
          String id = changed instanceof Modification.Changed c ? c.order().orderId() : orderId;
          return OpenAlgoReply.success(Json.createObjectBuilder().add("orderid", id));
        });
  }

  @POST
  @Path("cancelorder")
  @Operation(hidden = true)
  public Response cancelorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return answer(
        body,
        length,
        fields("apikey strategy orderid"),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          f.text("strategy", "");
          String orderId = f.text("orderid", null);
          if (f.hasErrors()) {
            return OpenAlgoReply.invalid(f);
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Cancel order", "cancel orders");
          }
          charge(call.key(), RateKind.ORDERS);
          OrderView cancelled = orders.cancel(call.userId(), orderId);
          return OpenAlgoReply.success(
              Json.createObjectBuilder().add("orderid", cancelled.orderId()));
        });
  }

  @POST
  @Path("cancelallorder")
  @Operation(hidden = true)
  public Response cancelallorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return answer(
        body,
        length,
        fields("apikey strategy"),
        Permission.TRADE,
        call -> {
          call.fields().text("strategy", "");
          if (call.fields().hasErrors()) {
            return OpenAlgoReply.invalid(call.fields());
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Cancel all orders", "cancel orders");
          }
          JsonArrayBuilder cancelled = Json.createArrayBuilder();
          JsonArrayBuilder failed = Json.createArrayBuilder();
          int done = 0;
          int notDone = 0;
          for (String orderId : orders.workingOrderIds(call.userId(), call.account())) {
            try {
              charge(call.key(), RateKind.ORDERS);
              cancelled.add(orders.cancel(call.userId(), orderId).orderId());
              done++;
            } catch (TradebridgeException e) {
              failed.add(
                  Json.createObjectBuilder().add("orderid", orderId).add("reason", e.detail()));
              notDone++;
            }
          }
          return OpenAlgoReply.success(
              Json.createObjectBuilder()
                  .add(
                      "message",
                      "Canceled " + done + " orders. Failed to cancel " + notDone + " orders.")
                  .add("canceled_orders", cancelled)
                  .add("failed_cancellations", failed));
        });
  }

  @POST
  @Path("closeposition")
  @Operation(hidden = true)
  public Response closeposition(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return answer(
        body,
        length,
        fields("apikey strategy"),
        Permission.TRADE,
        call -> {
          call.fields().text("strategy", "");
          if (call.fields().hasErrors()) {
            return OpenAlgoReply.invalid(call.fields());
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Close position", "close positions");
          }
          List<OrderView> placed =
              squareOff.portfolio(
                  call.userId(),
                  call.key(),
                  new SquareOffRequest(
                      call.account(), null, null, null, Portfolio.Category.NET, null));
          return OpenAlgoReply.success(
              Json.createObjectBuilder()
                  .add(
                      "message",
                      placed.isEmpty()
                          ? "No open positions to close"
                          : "All Open Positions Squared Off"));
        });
  }

  // --- reading

  @POST
  @Path("orderstatus")
  @Operation(hidden = true)
  public Response orderstatus(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return answer(
        body,
        length,
        fields("apikey strategy orderid"),
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
    return answer(
        body,
        length,
        fields("apikey strategy symbol exchange product"),
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
          String ours = OpenAlgoWords.ourSymbol(symbol);
          int net =
              reads.positions(call.userId(), call.account(), Portfolio.Category.NET).stream()
                  .filter(
                      p ->
                          p.exchange().equals(exchange)
                              && p.symbol().equals(ours)
                              && p.productType() == OpenAlgoWords.productType(product))
                  .mapToInt(PositionView::netQuantity)
                  .sum();
          return OpenAlgoReply.success(
              Json.createObjectBuilder().add("quantity", String.valueOf(net)));
        });
  }

  @POST
  @Path("orderbook")
  @Operation(hidden = true)
  public Response orderbook(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return read(
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
    return read(
        body,
        length,
        call -> {
          JsonArrayBuilder list = Json.createArrayBuilder();
          for (TradeView t : orders.trades(call.userId(), call.account())) {
            OrderView o = orders.get(call.userId(), t.orderId());
            list.add(
                Json.createObjectBuilder()
                    .add("action", t.side().name())
                    .add("symbol", OpenAlgoWords.openAlgoSymbol(t.symbol()))
                    .add("exchange", t.exchange())
                    .add("orderid", t.orderId())
                    .add("product", OpenAlgoWords.product(o.productType()))
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
    return read(
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
    return read(
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
    return read(
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
    return read(
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

  // --- the way through

  /**
   * Reads the body, checks the fields OpenAlgo's schema knows and the key, charges the key's rate
   * window, then does the work; every refusal on the way is an OpenAlgo error, never a problem.
   */
  private Response answer(
      InputStream body,
      String length,
      Set<String> known,
      Permission needed,
      Function<OpenAlgoCall, Response> work) {
    try {
      JsonValue json = StrictJsonReader.parse(body, length);
      if (!(json instanceof JsonObject object)) {
        return OpenAlgoReply.error(400, "The request body must be a JSON object.");
      }
      OpenAlgoFields fields = new OpenAlgoFields(object).only(known);
      for (String exit : EXITS.split(" ")) {
        if (object.containsKey(exit)) {
          fields.error(exit, EXITS_NOT_WATCHED);
        }
      }
      JsonValue apikey = object.get("apikey");
      if (apikey == null || apikey == JsonValue.NULL) {
        fields.error("apikey", "Missing data for required field.");
      } else if (!(apikey instanceof JsonString text) || text.getString().isEmpty()) {
        fields.error("apikey", "Length must be between 1 and 256.");
      }
      if (fields.hasErrors()) {
        return OpenAlgoReply.invalid(fields);
      }
      KeyCaller key = keys.authenticate(((JsonString) apikey).getString(), needed);
      if (needed == Permission.READ) {
        charge(key, RateKind.READS);
      }
      return work.apply(new OpenAlgoCall(key, fields));
    } catch (TradebridgeException e) {
      return OpenAlgoReply.of(e);
    } catch (IOException e) {
      return OpenAlgoReply.error(400, "The request body could not be read.");
    }
  }

  private Response read(InputStream body, String length, Function<OpenAlgoCall, Object> data) {
    return answer(
        body,
        length,
        fields("apikey"),
        Permission.READ,
        call -> {
          Object value = data.apply(call);
          JsonObjectBuilder answer = Json.createObjectBuilder();
          if (value instanceof JsonArrayBuilder array) {
            answer.add("data", array);
          } else {
            answer.add("data", (JsonObjectBuilder) value);
          }
          return OpenAlgoReply.success(answer);
        });
  }

  private Response quoted(
      InputStream body, String length, Function<Quote, JsonObjectBuilder> data) {
    return answer(
        body,
        length,
        fields("apikey symbol exchange"),
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

  private Response placed(OpenAlgoCall call, OrderRequest order, String idempotencyKey) {
    OrderChecks.check(order);
    charge(call.key(), RateKind.ORDERS);
    Placed placed = placement.place(call.userId(), call.key(), order, idempotencyKey);
    return OpenAlgoReply.success(placedFields(Json.createObjectBuilder(), placed));
  }

  private List<Outcome> placeAll(OpenAlgoCall call, List<OrderRequest> requests) {
    List<Outcome> outcomes = new ArrayList<>(requests.size());
    List<OrderRequest> checked = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      outcomes.add(null);
      try {
        OrderChecks.check(requests.get(i));
        charge(call.key(), RateKind.ORDERS);
        checked.add(requests.get(i));
        at.add(i);
      } catch (TradebridgeException e) {
        outcomes.set(i, new Outcome(null, e));
      }
    }
    List<Outcome> placed = placement.placeAll(call.userId(), call.key(), checked);
    for (int j = 0; j < placed.size(); j++) {
      outcomes.set(at.get(j), placed.get(j));
    }
    return outcomes;
  }

  private static JsonObjectBuilder outcome(JsonObjectBuilder row, Outcome outcome) {
    if (outcome.refused() != null) {
      return row.add("status", "error").add("message", outcome.refused().detail());
    }
    return placedFields(row, outcome.placed()).add("status", "success");
  }

  /** OpenAlgo's answer to a placed order, or to one queued in the action center. */
  private static JsonObjectBuilder placedFields(JsonObjectBuilder answer, Placed placed) {
    if (placed instanceof Placed.AwaitingApproval held) {
      return answer
          .add("message", QUEUED)
          .add("mode", "semi_auto")
          .add("pending_order_id", held.actionId());
    }
    return answer.add("orderid", ((Placed.Accepted) placed).order().orderId());
  }

  private static boolean semiAuto(OpenAlgoCall call) {
    return call.key().orderMode() == OrderMode.SEMI_AUTO;
  }

  /** OpenAlgo's own refusal: a semi-automatic key may only place (for a person to approve). */
  private static Response notInSemiAuto(String operation, String what) {
    return OpenAlgoReply.error(
        403,
        operation
            + " operation is not allowed in Semi-Auto mode. Please switch to Auto mode to "
            + what
            + ".");
  }

  private void charge(KeyCaller key, RateKind kind) {
    limiter.charge(key, kind, 1);
  }

  private int netQuantity(OpenAlgoCall call, OrderRequest order) {
    return reads.positions(call.userId(), call.account(), Portfolio.Category.NET).stream()
        .filter(
            p ->
                p.exchange().equals(order.exchange().name())
                    && p.symbol().equals(order.symbol())
                    && p.productType() == order.productType())
        .mapToInt(PositionView::netQuantity)
        .sum();
  }

  private static OrderRequest withSideAndQuantity(OrderRequest o, Side side, int quantity) {
    return new OrderRequest(
        o.account(),
        o.exchange(),
        o.symbol(),
        side,
        quantity,
        o.orderType(),
        o.productType(),
        o.price(),
        o.triggerPrice(),
        o.variety(),
        o.validity(),
        o.target(),
        o.stoploss(),
        o.trailingStoploss(),
        o.disclosedQuantity(),
        o.amo(),
        o.strategy(),
        o.comments(),
        o.clientOrderId(),
        null);
  }

  private static JsonObjectBuilder order(OrderView o) {
    return Json.createObjectBuilder()
        .add("action", o.side().name())
        .add("symbol", OpenAlgoWords.openAlgoSymbol(o.symbol()))
        .add("exchange", o.exchange())
        .add("orderid", o.orderId())
        .add("product", OpenAlgoWords.product(o.productType()))
        .add("quantity", String.valueOf(o.quantity()))
        .add("price", number(orZero(o.price())))
        .add("pricetype", OpenAlgoWords.pricetype(o.orderType()))
        .add("order_status", OpenAlgoWords.orderStatus(o.status()))
        .add("trigger_price", number(orZero(o.triggerPrice())))
        .add("timestamp", OpenAlgoWords.timestamp(o.createdAt()));
  }

  private static JsonObjectBuilder level(Quote.Level l) {
    return Json.createObjectBuilder().add("price", number(l.price())).add("quantity", l.quantity());
  }

  private static double count(List<OrderView> book, java.util.function.Predicate<OrderView> which) {
    return book.stream().filter(which).count();
  }

  private static Set<String> fields(String names) {
    return Set.of(names.split(" "));
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  /** A JSON number as OpenAlgo prints one: a float with at least one decimal. */
  private static BigDecimal number(BigDecimal value) {
    BigDecimal v = orZero(value).stripTrailingZeros();
    return v.scale() < 1 ? v.setScale(1) : v;
  }

  /** A string with two decimals, as OpenAlgo prints money in its funds and positions. */
  private static String money(BigDecimal value) {
    return orZero(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0
        ? BigDecimal.ZERO
        : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
