package io.tradebridge.brokers.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The Indian brokers' day: their instrument lists are a day's (India's date), and their sessions
 * end at a fixed time each morning in India (Kite at 6:00, Upstox at 3:30).
 */
public final class IndianTradingDay {

  public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  private IndianTradingDay() {}

  /** India's date at {@code now}: which day's instrument list is current. */
  public static LocalDate dateAt(Instant now) {
    return now.atZone(INDIA).toLocalDate();
  }

  /** The first {@code endsAt} in India after {@code now}: when a session opened now ends. */
  public static Instant nextSessionEnd(Instant now, LocalTime endsAt) {
    ZonedDateTime india = now.atZone(INDIA);
    ZonedDateTime end = india.toLocalDate().atTime(endsAt).atZone(INDIA);
    return (end.isAfter(india) ? end : end.plusDays(1)).toInstant();
  }
}
