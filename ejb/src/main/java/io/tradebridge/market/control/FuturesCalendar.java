package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NSE's monthly index futures, as the exchange lists them: three contracts at a time (this month's,
 * the next and the one after), each expiring on the month's last Tuesday — NSE's rule for contracts
 * expiring from 1 September 2025 (SEBI approval of 17 June 2025; before, the last Thursday). A
 * contract is listed until the end of its expiry day; the next one after it then joins the three.
 * An expiry that falls on an exchange holiday moves to the trading day before, as NSE moves it.
 */
public final class FuturesCalendar {

  /** How many monthly contracts trade at once. */
  public static final int LISTED = 3;

  private static final DateTimeFormatter IN_SYMBOL =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter IN_NAME =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private static final DateTimeFormatter READ_SYMBOL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("dd-MMM-uuuu")
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);

  /** A future of ours, or an option ({@code NIFTY_08-DEC-2026_26250_CE}). */
  private static final Pattern FUTURE =
      Pattern.compile("^[A-Z0-9]+_(\\d{2}-[A-Z]{3}-\\d{4})_(FUT|\\d+(\\.\\d+)?_(CE|PE))$");

  /** A month's contract carries about this much more than the month before (cost of carry). */
  private static final BigDecimal CARRY = new BigDecimal("0.006");

  private FuturesCalendar() {}

  /** The last Tuesday of the month. */
  public static LocalDate expiry(YearMonth month) {
    return month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(DayOfWeek.TUESDAY));
  }

  /** The month's expiry: its last Tuesday, or the trading day before when that is a holiday. */
  public static LocalDate expiry(YearMonth month, Set<LocalDate> holidays) {
    return tradingDayOnOrBefore(expiry(month), holidays);
  }

  /** {@code day}, or the last trading day before it: where NSE moves an expiry on a holiday. */
  public static LocalDate tradingDayOnOrBefore(LocalDate day, Set<LocalDate> holidays) {
    LocalDate d = day;
    while (holidays.contains(d)
        || d.getDayOfWeek() == DayOfWeek.SATURDAY
        || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.minusDays(1);
    }
    return d;
  }

  /**
   * The underlying's contracts listed on {@code today}: our symbol is {@code
   * NIFTY_29-DEC-2026_FUT}.
   *
   * @param name the underlying's name ("NIFTY 50"), the contract's is "NIFTY 50 futures Dec 2026"
   * @param reference the nearest contract's reference price; later ones carry a little more
   */
  public static List<Instrument> listed(
      String underlying,
      String name,
      int lotSize,
      BigDecimal reference,
      int freezeQuantity,
      LocalDate today) {
    return listed(underlying, name, lotSize, reference, freezeQuantity, today, Set.of());
  }

  /** As {@link #listed}, an expiry on an exchange holiday moved to the trading day before. */
  public static List<Instrument> listed(
      String underlying,
      String name,
      int lotSize,
      BigDecimal reference,
      int freezeQuantity,
      LocalDate today,
      Set<LocalDate> holidays) {
    YearMonth month = YearMonth.from(today);
    if (today.isAfter(expiry(month, holidays))) {
      month = month.plusMonths(1);
    }
    List<Instrument> contracts = new ArrayList<>();
    for (int i = 0; i < LISTED; i++, month = month.plusMonths(1)) {
      LocalDate expiry = expiry(month, holidays);
      BigDecimal price =
          reference
              .multiply(BigDecimal.ONE.add(CARRY.multiply(BigDecimal.valueOf(i))))
              .divide(TickSize.FUTURES, 0, RoundingMode.HALF_UP)
              .multiply(TickSize.FUTURES);
      contracts.add(
          new Instrument(
              "NFO",
              underlying + "_" + expiry.format(IN_SYMBOL).toUpperCase(Locale.ROOT) + "_FUT",
              name + " futures " + month.format(IN_NAME),
              lotSize,
              TickSize.FUTURES,
              price,
              freezeQuantity,
              expiry));
    }
    return contracts;
  }

  /**
   * The expiry a contract symbol of ours carries ({@code NIFTY_24-NOV-2026_FUT}, {@code
   * NIFTY_01-DEC-2026_26250_CE}), if it is one.
   */
  public static Optional<LocalDate> expiryInSymbol(String symbol) {
    Matcher m = FUTURE.matcher(symbol == null ? "" : symbol.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(m.group(1), READ_SYMBOL));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
