package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One underlying's options at one expiry, strike by strike: each side's quote and, from the
 * underlying's price now, its volatility and greeks ({@link OptionPricer}).
 */
public final class OptionChain {

  private OptionChain() {}

  /** A call's or put's line: its market and its greeks (theta a day, vega per volatility point). */
  public record Side(
      String symbol,
      BigDecimal lastPrice,
      BigDecimal bid,
      BigDecimal ask,
      int bidQuantity,
      int askQuantity,
      long volume,
      BigDecimal volatility,
      BigDecimal delta,
      BigDecimal gamma,
      BigDecimal theta,
      BigDecimal vega) {}

  public record Strike(BigDecimal strike, Side call, Side put) {}

  /** The underlying names with options among {@code instruments} ("NIFTY"). */
  public static List<String> underlyings(Collection<Instrument> instruments) {
    return instruments.stream()
        .filter(Instrument::isOption)
        .map(OptionChain::underlyingName)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * The listed expiries of {@code underlying}'s options not past on {@code today}, nearest first.
   */
  public static List<LocalDate> expiries(
      Collection<Instrument> instruments, String underlying, LocalDate today) {
    return options(instruments, underlying)
        .map(Instrument::expiry)
        .filter(e -> !e.isBefore(today))
        .distinct()
        .sorted()
        .toList();
  }

  /** The instrument whose price moves {@code underlying}'s options at {@code expiry}. */
  public static Optional<String> underlyingKey(
      Collection<Instrument> instruments, String underlying, LocalDate expiry) {
    return options(instruments, underlying)
        .filter(i -> i.expiry().equals(expiry))
        .map(Instrument::underlying)
        .findFirst();
  }

  /**
   * The chain, strikes ascending.
   *
   * @param quotes the quote of each option (absent ones are left out)
   * @param underlyingPrice the underlying's last price now
   */
  public static List<Strike> of(
      Collection<Instrument> instruments,
      String underlying,
      LocalDate expiry,
      Function<Instrument, Optional<Quote>> quotes,
      BigDecimal underlyingPrice,
      Instant now) {
    Map<BigDecimal, Side[]> byStrike = new TreeMap<>();
    options(instruments, underlying)
        .filter(i -> i.expiry().equals(expiry))
        .forEach(
            option ->
                quotes
                    .apply(option)
                    .ifPresent(
                        q -> {
                          Side[] pair = byStrike.computeIfAbsent(option.strike(), k -> new Side[2]);
                          pair["CE".equals(option.optionType()) ? 0 : 1] =
                              side(option, q, underlyingPrice, now);
                        }));
    return byStrike.entrySet().stream()
        .map(e -> new Strike(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  private static Side side(Instrument option, Quote q, BigDecimal underlying, Instant now) {
    OptionPricer.Priced p =
        OptionPricer.price(
            "CE".equals(option.optionType()),
            underlying.doubleValue(),
            option.strike().doubleValue(),
            PriceSimulator.yearsToExpiry(option, now));
    return new Side(
        option.symbol(),
        q.lastPrice(),
        q.bid(),
        q.ask(),
        q.bids().isEmpty() ? 0 : q.bids().get(0).quantity(),
        q.asks().isEmpty() ? 0 : q.asks().get(0).quantity(),
        q.volume(),
        round(p.volatility()),
        round(p.delta()),
        round(p.gamma()),
        round(p.theta()),
        round(p.vega()));
  }

  private static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
  }

  private static java.util.stream.Stream<Instrument> options(
      Collection<Instrument> instruments, String underlying) {
    return instruments.stream()
        .filter(Instrument::isOption)
        .filter(i -> underlyingName(i).equalsIgnoreCase(underlying));
  }

  /** "NIFTY" of NIFTY_08-DEC-2026_26250_CE. */
  private static String underlyingName(Instrument option) {
    return option.symbol().substring(0, option.symbol().indexOf('_'));
  }
}
