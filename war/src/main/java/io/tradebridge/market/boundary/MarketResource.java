package io.tradebridge.market.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.rest.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The paper exchange's instruments and live quotes. */
@ApplicationScoped
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Access(
    value = {Via.API_KEY, Via.SESSION},
    requires = Permission.READ)
public class MarketResource {

  @Inject PaperExchange exchange;

  public record InstrumentView(
      String exchange,
      String symbol,
      String name,
      int lotSize,
      BigDecimal tickSize,
      BigDecimal lastPrice) {}

  public record QuoteView(
      String exchange,
      String symbol,
      BigDecimal lastPrice,
      BigDecimal bid,
      BigDecimal ask,
      BigDecimal open,
      BigDecimal high,
      BigDecimal low,
      BigDecimal close,
      long volume,
      Instant time) {}

  @GET
  @Path("instruments")
  public List<InstrumentView> instruments(
      @QueryParam("exchange") String exchangeName, @QueryParam("q") String q) {
    Exchange only = QueryParams.enumOrNull("exchange", exchangeName, Exchange.class);
    String needle = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
    return exchange.instruments().stream()
        .filter(i -> only == null || i.exchange().equals(only.name()))
        .filter(
            i ->
                needle.isEmpty()
                    || i.symbol().contains(needle)
                    || i.name().toUpperCase(Locale.ROOT).contains(needle))
        .map(
            i ->
                new InstrumentView(
                    i.exchange(),
                    i.symbol(),
                    i.name(),
                    i.lotSize(),
                    i.tickSize(),
                    exchange.quote(i).map(Quote::lastPrice).orElse(null)))
        .toList();
  }

  @GET
  @Path("quotes")
  public QuoteView quote(
      @QueryParam("exchange") String exchangeName, @QueryParam("symbol") String symbol) {
    Exchange ex =
        QueryParams.enumOrNull(
            "exchange", QueryParams.required("exchange", exchangeName, "NSE"), Exchange.class);
    QueryParams.required("symbol", symbol, "SBIN");
    Instrument instrument =
        exchange
            .instrument(ex.name(), symbol)
            .orElseThrow(() -> TradebridgeException.notFound("instrument " + ex + ":" + symbol));
    Quote q = exchange.quote(instrument).orElseThrow();
    return new QuoteView(
        q.exchange(),
        q.symbol(),
        q.lastPrice(),
        q.bid(),
        q.ask(),
        q.open(),
        q.high(),
        q.low(),
        q.close(),
        q.volume(),
        q.time());
  }
}
