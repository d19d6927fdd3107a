package io.tradebridge.market.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When NSE trades: a pre-open from 09:00 (orders are taken and wait), the normal market from 09:15
 * to 15:30 India time, Monday to Friday except the exchange's holidays; intraday positions are
 * squared off at 15:20, as Indian brokers do. {@link Mode#ALWAYS} is the paper exchange open at all
 * hours, for practice at night.
 *
 * <p>The pre-open's matching (09:08–09:15) and the closing session are not modelled: an order taken
 * in the pre-open fills at 09:15 against the market of then.
 */
public final class MarketHours {

  public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
  public static final LocalTime PRE_OPEN = LocalTime.of(9, 0);
  public static final LocalTime OPEN = LocalTime.of(9, 15);
  public static final LocalTime SQUARE_OFF = LocalTime.of(15, 20);
  public static final LocalTime CLOSE = LocalTime.of(15, 30);

  private static final String HOLIDAYS = "/io/tradebridge/brokers/paper/holidays.txt";

  /** {@code TRADEBRIDGE_PAPER_HOURS}. */
  public enum Mode {
    EXCHANGE,
    ALWAYS;

    /**
     * @throws IllegalArgumentException naming the setting and its values
     */
    public static Mode of(String setting) {
      String s = setting == null ? "" : setting.strip().toUpperCase(Locale.ROOT);
      for (Mode m : values()) {
        if (m.name().equals(s)) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "TRADEBRIDGE_PAPER_HOURS is '" + setting + "': use exchange (the default) or always");
    }
  }

  public enum Phase {
    /** 09:00–09:15: orders are taken and fill at the open. */
    PRE_OPEN,
    OPEN,
    CLOSED
  }

  /**
   * The market at {@code time}. {@code reason} says why it is as it is: {@code OPEN}, {@code
   * PRE_OPEN}, {@code BEFORE_OPEN}, {@code AFTER_CLOSE}, {@code WEEKEND}, {@code HOLIDAY} or {@code
   * ALWAYS_OPEN}. {@code opensAt} is the next normal open (null while open, and in ALWAYS mode);
   * {@code closesAt} and {@code squareOffAt} are today's while the day's market is to come or open.
   */
  public record Status(
      Mode mode,
      Phase phase,
      String reason,
      Instant time,
      Instant opensAt,
      Instant closesAt,
      Instant squareOffAt) {

    /** Whether orders taken now may fill now. */
    public boolean matching() {
      return phase == Phase.OPEN;
    }
  }

  private final Mode mode;
  private final Set<LocalDate> holidays;

  public MarketHours(Mode mode, Set<LocalDate> holidays) {
    this.mode = mode;
    this.holidays = Set.copyOf(holidays);
  }

  public Mode mode() {
    return mode;
  }

  public Set<LocalDate> holidays() {
    return holidays;
  }

  public boolean tradingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  public Status at(Instant time) {
    if (mode == Mode.ALWAYS) {
      return new Status(mode, Phase.OPEN, "ALWAYS_OPEN", time, null, null, null);
    }
    LocalDate day = time.atZone(INDIA).toLocalDate();
    LocalTime clock = time.atZone(INDIA).toLocalTime();
    if (!tradingDay(day)) {
      String why = holidays.contains(day) ? "HOLIDAY" : "WEEKEND";
      return new Status(mode, Phase.CLOSED, why, time, nextOpen(day), null, null);
    }
    Instant closes = at(day, CLOSE);
    Instant squareOff = at(day, SQUARE_OFF);
    if (clock.isBefore(PRE_OPEN)) {
      return new Status(mode, Phase.CLOSED, "BEFORE_OPEN", time, at(day, OPEN), closes, squareOff);
    }
    if (clock.isBefore(OPEN)) {
      return new Status(mode, Phase.PRE_OPEN, "PRE_OPEN", time, at(day, OPEN), closes, squareOff);
    }
    if (clock.isBefore(CLOSE)) {
      return new Status(mode, Phase.OPEN, "OPEN", time, null, closes, squareOff);
    }
    return new Status(mode, Phase.CLOSED, "AFTER_CLOSE", time, nextOpen(day), null, null);
  }

  /** The open of the first trading day after {@code day}. */
  private Instant nextOpen(LocalDate day) {
    LocalDate next = day.plusDays(1);
    // A year has fewer than 30 holidays in a row; the bound only keeps a bad list from looping.
    for (int i = 0; i < 366 && !tradingDay(next); i++) {
      next = next.plusDays(1);
    }
    return at(next, OPEN);
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(INDIA).toInstant();
  }

  /** The bundled NSE holidays. */
  public static Set<LocalDate> bundledHolidays() {
    try (InputStream in = MarketHours.class.getResourceAsStream(HOLIDAYS)) {
      if (in == null) {
        throw new IllegalStateException(HOLIDAYS + " is missing from the build");
      }
      return holidays(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), HOLIDAYS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An operator's list ({@code TRADEBRIDGE_PAPER_HOLIDAYS}): a date (yyyy-mm-dd) first on each
   * line, anything after it a name; blank lines and lines starting with # are skipped.
   *
   * @throws IllegalArgumentException naming the file and line that cannot be read
   */
  public static Set<LocalDate> holidays(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return holidays(reader, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "TRADEBRIDGE_PAPER_HOLIDAYS: " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Set<LocalDate> holidays(BufferedReader reader, String source) throws IOException {
    Set<LocalDate> days = new TreeSet<>();
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String date = s.split("\\s+", 2)[0];
      try {
        days.add(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            source + " line " + number + ": '" + date + "' is not a date (yyyy-mm-dd)", e);
      }
    }
    return days;
  }
}
