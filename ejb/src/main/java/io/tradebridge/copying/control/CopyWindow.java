package io.tradebridge.copying.control;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The hours of the day in which a rule copies its master's new orders ({@code activeFrom}, {@code
 * activeTo}, "HH:mm" in India time, where the exchanges are). Either end may be left open; a window
 * whose end is before its start runs over midnight. A change or cancel of an order already copied
 * follows its master whatever the hour: a copy must not outlive its master's cancel.
 */
public record CopyWindow(LocalTime from, LocalTime to) {

  public static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Kolkata");

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public static CopyWindow of(String from, String to) {
    return new CopyWindow(parse(from).orElse(null), parse(to).orElse(null));
  }

  /**
   * A time of day as a rule holds it; empty for none.
   *
   * @throws IllegalArgumentException when it is not "HH:mm"
   */
  public static Optional<LocalTime> parse(String time) {
    if (time == null || time.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.parse(time.strip(), HH_MM));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a time of day as HH:mm, like 09:15");
    }
  }

  public boolean contains(Instant when) {
    LocalTime t = when.atZone(MARKET_ZONE).toLocalTime();
    if (from == null && to == null) {
      return true;
    }
    if (from == null) {
      return t.isBefore(to);
    }
    if (to == null) {
      return !t.isBefore(from);
    }
    return from.isBefore(to)
        ? !t.isBefore(from) && t.isBefore(to)
        : !t.isBefore(from) || t.isBefore(to);
  }

  @Override
  public String toString() {
    return (from == null ? "any time" : from.format(HH_MM))
        + "–"
        + (to == null ? "the day's end" : to.format(HH_MM));
  }
}
