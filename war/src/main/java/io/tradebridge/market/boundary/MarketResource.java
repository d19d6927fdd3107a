package io.tradebridge.market.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.MarketHours;
import io.tradebridge.market.control.OptionChain;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Instruments and live quotes: the paper exchange's, or — with {@code account} — those of the
 * broker behind that trading account.
 */
@ApplicationScoped
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Access(
    value = {Via.API_KEY, Via.SESSION},
    requires = Permission.READ)
public class MarketResource {

  @Inject PaperExchange exchange;
  @Inject AccountMarket accountMarket;
  @Inject MarketSession session;
  @Inject Caller caller;
  @Inject java.time.Clock clock;

  /**
   * {@code GET /api/v1/market/status}: whether the paper exchange trades now and when that changes.
   * {@code status} is OPEN, PRE_OPEN (orders are taken and fill at the open) or CLOSED (only {@code
   * amo} orders are taken); {@code reason} says why; the instants are UTC, the hours India's.
   */
  public record MarketStatusView(
      String hours,
      String status,
      String reason,
      Instant time,
      Instant opensAt,
      Instant closesAt,
      Instant squareOffAt,
      String timeZone) {

    public static MarketStatusView of(io.tradebridge.market.control.MarketHours.Status s) {
      return new MarketStatusView(
          s.mode().name().toLowerCase(Locale.ROOT),
          s.phase().name(),
          s.reason(),
          s.time(),
          s.opensAt(),
          s.closesAt(),
          s.squareOffAt(),
          io.tradebridge.market.control.MarketHours.INDIA.getId());
    }
  }

  public record InstrumentView(
      String exchange,
      String symbol,
      String name,
      int lotSize,
      BigDecimal tickSize,
      BigDecimal lastPrice,
      String instrumentType,
      java.time.LocalDate expiry,
      BigDecimal strike,
      String optionType) {}

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
      Instant time,
      List<Quote.Level> bids,
      List<Quote.Level> asks) {}

  /** One bar of {@code GET /api/v1/candles}. */
  public record CandleView(
      Instant time,
      BigDecimal open,
      BigDecimal high,
      BigDecimal low,
      BigDecimal close,
      long volume) {}

  /** Candle intervals and their lengths. */
  static final java.util.Map<String, Duration> INTERVALS =
      java.util.Map.of(
          "1m", Duration.ofMinutes(1),
          "5m", Duration.ofMinutes(5),
          "15m", Duration.ofMinutes(15),
          "1h", Duration.ofHours(1),
          "1d", Duration.ofDays(1));

  static final int MOST_CANDLES = 1000;

  /**
   * {@code GET /api/v1/option-chain}: one underlying's calls and puts at one expiry, strike by
   * strike, priced from the underlying's price now.
   */
  public record OptionChainView(
      String exchange,
      String underlying,
      String underlyingSymbol,
      BigDecimal underlyingPrice,
      java.time.LocalDate expiry,
      List<java.time.LocalDate> expiries,
      Instant time,
      List<io.tradebridge.market.control.OptionChain.Strike> strikes) {}

  @GET
  @Path("option-chain")
  public OptionChainView optionChain(
      @QueryParam("exchange") String exchangeName,
      @QueryParam("underlying") String underlying,
      @QueryParam("expiry") String expiry) {
    Exchange segment = QueryParams.enumOrNull("exchange", exchangeName, Exchange.class);
    if (segment != null && segment != Exchange.NFO) {
      throw TradebridgeException.validation(
          "exchange", "the paper exchange lists index options on NFO only");
    }
    String name =
        QueryParams.required("underlying", underlying, "NIFTY").strip().toUpperCase(Locale.ROOT);
    Collection<Instrument> all = exchange.instruments();
    java.time.LocalDate today = clock.instant().atZone(MarketHours.INDIA).toLocalDate();
    List<java.time.LocalDate> expiries = OptionChain.expiries(all, name, today);
    if (expiries.isEmpty()) {
      throw TradebridgeException.notFound(
          "options on '"
              + name
              + "' (the paper exchange lists options on "
              + String.join(", ", OptionChain.underlyings(all))
              + ")");
    }
    java.time.LocalDate at;
    if (QueryParams.blankToNull(expiry) == null) {
      at = expiries.get(0);
    } else {
      try {
        at = java.time.LocalDate.parse(expiry.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw TradebridgeException.validation(
            "expiry", "is a date, e.g. ?expiry=" + expiries.get(0));
      }
      if (!expiries.contains(at)) {
        throw TradebridgeException.notFound(
            "expiry "
                + at
                + " of "
                + name
                + " options (listed: "
                + expiries.stream().map(Object::toString).collect(Collectors.joining(", "))
                + ")");
      }
    }
    String underlyingKey = OptionChain.underlyingKey(all, name, at).orElseThrow();
    String[] parts = underlyingKey.split(":", 2);
    Instrument future = exchange.instrument(parts[0], parts[1]).orElseThrow();
    BigDecimal underlyingPrice =
        exchange.quote(future).map(Quote::lastPrice).orElse(future.referencePrice());
    Instant now = clock.instant();
    return new OptionChainView(
        "NFO",
        name,
        future.symbol(),
        underlyingPrice,
        at,
        expiries,
        now,
        OptionChain.of(all, name, at, exchange::quote, underlyingPrice, now));
  }

  @GET
  @Path("market/status")
  public MarketStatusView status() {
    return MarketStatusView.of(session.status());
  }

  @GET
  @Path("instruments")
  public List<InstrumentView> instruments(
      @QueryParam("exchange") String exchangeName,
      @QueryParam("q") String q,
      @QueryParam("account") String account) {
    Exchange only = QueryParams.enumOrNull("exchange", exchangeName, Exchange.class);
    String needle = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
    String pseudo = QueryParams.blankToNull(account);
    Optional<List<Instrument>> atBroker =
        pseudo == null
            ? Optional.empty()
            : accountMarket.instruments(caller.userId(), pseudo, only == null ? null : only.name());
    // A broker's list carries its own price: asking the broker for each would pass its limits.
    Function<Instrument, BigDecimal> lastPrice =
        atBroker.isPresent()
            ? i -> i.referencePrice().signum() > 0 ? i.referencePrice() : null
            : i -> exchange.quote(i).map(Quote::lastPrice).orElse(null);
    Collection<Instrument> listed = atBroker.isPresent() ? atBroker.get() : exchange.instruments();
    java.time.LocalDate today =
        clock.instant().atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate();
    return listed.stream()
        .filter(i -> only == null || i.exchange().equals(only.name()))
        .filter(i -> matches(i, needle))
        // A paper contract past its expiry is no longer listed (nor traded).
        .filter(i -> atBroker.isPresent() || !i.expiredOn(today))
        .map(
            i ->
                new InstrumentView(
                    i.exchange(),
                    i.symbol(),
                    i.name(),
                    i.lotSize(),
                    i.tickSize(),
                    lastPrice.apply(i),
                    i.instrumentType(),
                    i.expiry(),
                    i.strike(),
                    i.optionType()))
        .toList();
  }

  private static boolean matches(Instrument i, String needle) {
    return needle.isEmpty()
        || i.symbol().contains(needle)
        || i.name().toUpperCase(Locale.ROOT).contains(needle);
  }

  @GET
  @Path("quotes")
  public QuoteView quote(
      @QueryParam("exchange") String exchangeName,
      @QueryParam("symbol") String symbol,
      @QueryParam("account") String account) {
    Exchange ex =
        QueryParams.enumOrNull(
            "exchange", QueryParams.required("exchange", exchangeName, "NSE"), Exchange.class);
    QueryParams.required("symbol", symbol, "SBIN");
    String pseudo = QueryParams.blankToNull(account);
    Optional<Quote> atBroker =
        pseudo == null
            ? Optional.empty()
            : accountMarket.quote(caller.userId(), pseudo, ex.name(), symbol);
    Quote q = atBroker.orElseGet(() -> paperQuote(ex, symbol));
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
        q.time(),
        q.bids(),
        q.asks());
  }

  /**
   * The paper market's candles, built from the prices this server has seen since it started
   * (README, "Trading on the paper exchange"): {@code interval} 1m, 5m, 15m, 1h or 1d (1m unless
   * given), {@code from}/{@code to} ISO-8601 instants or epoch milliseconds (the last day unless
   * given), at most the latest {@value #MOST_CANDLES}.
   */
  @GET
  @Path("candles")
  public List<CandleView> candles(
      @QueryParam("exchange") String exchangeName,
      @QueryParam("symbol") String symbol,
      @QueryParam("interval") String interval,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Exchange ex =
        QueryParams.enumOrNull(
            "exchange", QueryParams.required("exchange", exchangeName, "NSE"), Exchange.class);
    QueryParams.required("symbol", symbol, "SBIN");
    String every = interval == null || interval.isBlank() ? "1m" : interval.strip();
    Duration length = INTERVALS.get(every);
    if (length == null) {
      throw TradebridgeException.validation("interval", "must be one of 1m, 5m, 15m, 1h, 1d");
    }
    Instant until =
        Optional.ofNullable(QueryParams.instantOrNull("to", to))
            .orElse(clock.instant().plus(length));
    Instant since =
        Optional.ofNullable(QueryParams.instantOrNull("from", from))
            .orElse(until.minus(Duration.ofDays(1)));
    if (!since.isBefore(until)) {
      throw TradebridgeException.validation("from", "must be before to");
    }
    Instrument instrument =
        exchange
            .instrument(ex.name(), symbol)
            .orElseThrow(() -> TradebridgeException.notFound("instrument " + ex + ":" + symbol));
    return exchange.candles(instrument, length, since, until, MOST_CANDLES).stream()
        .map(c -> new CandleView(c.time(), c.open(), c.high(), c.low(), c.close(), c.volume()))
        .toList();
  }

  private Quote paperQuote(Exchange ex, String symbol) {
    Instrument instrument =
        exchange
            .instrument(ex.name(), symbol)
            .orElseThrow(() -> TradebridgeException.notFound("instrument " + ex + ":" + symbol));
    return exchange.quote(instrument).orElseThrow();
  }
}
