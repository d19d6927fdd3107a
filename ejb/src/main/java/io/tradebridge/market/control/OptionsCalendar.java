package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The index options the paper exchange lists: for NIFTY the next two weekly contracts (every
 * Tuesday, NSE's rule since September 2025) and the next two monthly ones (the month's last
 * Tuesday, as the futures); for other indices the monthly ones only. Each expiry has calls (CE) and
 * puts (PE) at {@link #STRIKES_EACH_SIDE} strikes either side of the money, around the nearest
 * future's reference price when the list is made. A contract trades until the end of its expiry
 * day, then is refused like an expired future. Our symbol is {@code NIFTY_08-DEC-2026_26250_CE}.
 *
 * <p>Fewer contracts than NSE lists (it lists dozens of strikes): every one is priced each second
 * and its depth shared over a shared database, and these are the ones a rehearsal trades.
 */
public final class OptionsCalendar {

  public static final int STRIKES_EACH_SIDE = 6;
  static final int WEEKLIES = 2;
  static final int MONTHLIES = 2;

  private static final DateTimeFormatter IN_SYMBOL =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter IN_NAME =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private static final java.util.regex.Pattern OPTION =
      java.util.regex.Pattern.compile(
          "^[A-Z0-9]+_\\d{2}-[A-Z]{3}-\\d{4}_(\\d+(\\.\\d+)?)_(CE|PE)$");

  private OptionsCalendar() {}

  /**
   * The strike an option symbol of ours carries ({@code NIFTY_08-DEC-2026_26250_CE}), if it is one.
   */
  public static java.util.Optional<BigDecimal> strikeInSymbol(String symbol) {
    // Asked for every position and resting-order group at each margin check on the order desk:
    // a share's or future's symbol is let go without upper-casing and matching it.
    if (symbol == null || symbol.length() < 3) {
      return java.util.Optional.empty();
    }
    String tail = symbol.substring(symbol.length() - 3);
    if (!tail.equalsIgnoreCase("_CE") && !tail.equalsIgnoreCase("_PE")) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher m = OPTION.matcher(symbol.toUpperCase(Locale.ROOT));
    return m.matches()
        ? java.util.Optional.of(new BigDecimal(m.group(1)))
        : java.util.Optional.empty();
  }

  /** The expiries listed on {@code today}, nearest first. */
  public static List<LocalDate> expiries(LocalDate today, boolean weekly) {
    return expiries(today, weekly, Set.of());
  }

  /** As {@link #expiries}, an expiry on an exchange holiday moved to the trading day before. */
  public static List<LocalDate> expiries(LocalDate today, boolean weekly, Set<LocalDate> holidays) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    if (weekly) {
      LocalDate tuesday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
      for (int added = 0; added < WEEKLIES; tuesday = tuesday.plusWeeks(1)) {
        LocalDate expiry = FuturesCalendar.tradingDayOnOrBefore(tuesday, holidays);
        if (!expiry.isBefore(today)) {
          dates.add(expiry);
          added++;
        }
      }
    }
    YearMonth month = YearMonth.from(today);
    if (today.isAfter(FuturesCalendar.expiry(month, holidays))) {
      month = month.plusMonths(1);
    }
    for (int i = 0; i < MONTHLIES; i++) {
      dates.add(FuturesCalendar.expiry(month.plusMonths(i), holidays));
    }
    return List.copyOf(dates);
  }

  /**
   * The underlying's options listed on {@code today}.
   *
   * @param reference the nearest future's reference price: strikes are centred on it
   * @param underlyingKey the instrument whose price moves the premiums (the nearest future)
   */
  public static List<Instrument> listed(
      String underlying,
      String name,
      int lotSize,
      BigDecimal reference,
      int freezeQuantity,
      BigDecimal strikeStep,
      boolean weekly,
      String underlyingKey,
      LocalDate today,
      Set<LocalDate> holidays) {
    BigDecimal atm = reference.divide(strikeStep, 0, RoundingMode.HALF_UP).multiply(strikeStep);
    List<Instrument> options = new ArrayList<>();
    for (LocalDate expiry : expiries(today, weekly, holidays)) {
      // Listed at the open of today: the premium's reference; prices follow the market each second.
      double years = (expiry.toEpochDay() - today.toEpochDay() + 0.25) / 365.0;
      for (int i = -STRIKES_EACH_SIDE; i <= STRIKES_EACH_SIDE; i++) {
        BigDecimal strike = atm.add(strikeStep.multiply(BigDecimal.valueOf(i)));
        for (String type : List.of("CE", "PE")) {
          double premium =
              OptionPricer.price(
                      type.equals("CE"), reference.doubleValue(), strike.doubleValue(), years)
                  .premium();
          BigDecimal price =
              TickSize.round(BigDecimal.valueOf(premium), TickSize.OPTIONS).max(TickSize.OPTIONS);
          options.add(
              new Instrument(
                  "NFO",
                  underlying
                      + "_"
                      + expiry.format(IN_SYMBOL).toUpperCase(Locale.ROOT)
                      + "_"
                      + strike.toPlainString()
                      + "_"
                      + type,
                  name + " " + strike.toPlainString() + " " + type + " " + expiry.format(IN_NAME),
                  lotSize,
                  TickSize.OPTIONS,
                  price,
                  freezeQuantity,
                  expiry,
                  strike,
                  type,
                  underlyingKey));
        }
      }
    }
    return options;
  }
}
