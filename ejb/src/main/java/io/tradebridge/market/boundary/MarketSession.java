package io.tradebridge.market.boundary;

import io.tradebridge.market.control.MarketHours;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The paper exchange's trading hours ({@code TRADEBRIDGE_PAPER_HOURS}: {@code exchange}, NSE's
 * hours and holidays, by default; {@code always} for practice at any hour) and its time.
 *
 * <p>The paper market's time is the server's clock, unless an administrator moved it with the paper
 * market's control to rehearse an open, a close or a weekend (and tests, which never wait for a
 * real open). Only the hours go by it: orders, fills and prices keep the server's clock.
 */
@ApplicationScoped
public class MarketSession {

  private static final Logger LOG = Logger.getLogger(MarketSession.class.getName());

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PAPER_HOURS", defaultValue = "exchange")
  String hoursSetting;

  /** A file of holidays instead of the bundled NSE list (see {@link MarketHours#holidays}). */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PAPER_HOLIDAYS", defaultValue = " ")
  String holidaysSetting;

  private MarketHours configured;
  private volatile MarketHours hours;
  private volatile Duration shift = Duration.ZERO;

  /** Why the settings cannot be kept, naming the setting (and file and line); the start stops. */
  private String refusal;

  /**
   * A bad setting is kept as a refusal, not thrown: beans that start with the application (the
   * stream's desk) reach this one before the start-up check could say why, and a deployment that
   * fails there says nothing an operator can act on.
   */
  @PostConstruct
  void open() {
    try {
      Set<java.time.LocalDate> holidays =
          holidaysSetting == null || holidaysSetting.isBlank()
              ? MarketHours.bundledHolidays()
              : MarketHours.holidays(Path.of(holidaysSetting.strip()));
      configured = new MarketHours(MarketHours.Mode.of(hoursSetting), holidays);
    } catch (IllegalArgumentException e) {
      refusal = e.getMessage();
      configured = new MarketHours(MarketHours.Mode.EXCHANGE, MarketHours.bundledHolidays());
    }
    hours = configured;
  }

  /** Why this server must not start with its market-hours settings, if it must not. */
  public java.util.Optional<String> refusal() {
    return java.util.Optional.ofNullable(refusal);
  }

  /** The exchange's holidays this server keeps (configured or bundled). */
  public Set<java.time.LocalDate> holidays() {
    return configured.holidays();
  }

  /** The paper market's time. */
  public Instant now() {
    return clock.instant().plus(shift);
  }

  public MarketHours.Status status() {
    return hours.at(now());
  }

  /**
   * From now on the paper market keeps {@code mode}'s hours and its time runs from {@code at}: the
   * paper market's control.
   */
  public MarketHours.Status rehearse(MarketHours.Mode mode, Instant at) {
    hours = new MarketHours(mode, configured.holidays());
    shift = at == null ? Duration.ZERO : Duration.between(clock.instant(), at);
    LOG.info(() -> "paper market: " + mode + " hours, its time moved by " + shift);
    return status();
  }

  /** Back to the configured hours and the server's clock. */
  public MarketHours.Status reset() {
    hours = configured;
    shift = Duration.ZERO;
    return status();
  }
}
