package io.tradebridge.brokers.control;

import io.tradebridge.market.control.MarketHours;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Which orders the paper exchange takes at a given hour, as Indian brokers do: while the market is
 * closed only an after-market order ({@code amo}), which waits for the open; while it is open no
 * after-market order (Kite refuses one then too); in the pre-open any order, which fills at the
 * open.
 */
public final class TradingHoursRule {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'IST'", Locale.ENGLISH)
          .withZone(MarketHours.INDIA);

  private TradingHoursRule() {}

  /** Why the order is refused now, if it is. */
  public static Optional<String> refusal(MarketHours.Status market, boolean amo) {
    if (market.mode() == MarketHours.Mode.ALWAYS) {
      return Optional.empty();
    }
    return switch (market.phase()) {
      case CLOSED ->
          amo
              ? Optional.empty()
              : Optional.of(
                  "the market is closed ("
                      + words(market.reason())
                      + "); it opens "
                      + when(market.opensAt())
                      + ": send the order with amo true to queue it for the open");
      case OPEN ->
          amo
              ? Optional.of(
                  "the market is open until "
                      + when(market.closesAt())
                      + ": after-market orders are taken only while it is closed; send the order"
                      + " without amo")
              : Optional.empty();
      case PRE_OPEN -> Optional.empty();
    };
  }

  /** How the note of an order waiting for the open begins. */
  public static final String WAITING = "queued for the open";

  /** What a resting order that waits for the open says. */
  public static String waiting(MarketHours.Status market) {
    return WAITING + ", " + when(market.opensAt());
  }

  public static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  private static String words(String reason) {
    return switch (reason) {
      case "WEEKEND" -> "weekend";
      case "HOLIDAY" -> "an exchange holiday";
      case "BEFORE_OPEN" -> "before the pre-open at 09:00 IST";
      case "AFTER_CLOSE" -> "after the close at 15:30 IST";
      default -> reason.toLowerCase(Locale.ROOT);
    };
  }
}
