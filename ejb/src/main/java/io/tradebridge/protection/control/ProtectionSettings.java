package io.tradebridge.protection.control;

import io.tradebridge.protection.entity.RateRule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits, traffic log and e-mail settings. Each is an environment variable or a {@code
 * <variable>} in server.xml (MicroProfile Config reads both); the defaults are API.md's.
 */
@ApplicationScoped
public class ProtectionSettings {

  /** {@code off} lifts every per-key and per-user limit, for benchmarks and bulk loads. */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_LIMITS", defaultValue = "on")
  String rateLimits;

  /**
   * Where counters live: {@code auto} (memory over embedded Derby, else the database), {@code
   * memory}, {@code database}.
   */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_STORE", defaultValue = "auto")
  String rateStore;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_ORDERS_PER_SECOND", defaultValue = "10")
  int ordersPerSecond;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_READS_PER_SECOND", defaultValue = "30")
  int readsPerSecond;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_WEBHOOK_PER_MINUTE", defaultValue = "20")
  int webhookPerMinute;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_USER_PER_5_SECONDS", defaultValue = "200")
  int userPerFiveSeconds;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_USER_PER_MINUTE", defaultValue = "600")
  int userPerMinute;

  /**
   * Registrations, sign-ins, code steps and password resets per address: each costs a 600,000-round
   * password hash, so one address must not be able to spend the server's CPU on them.
   */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_RATE_SIGNIN_PER_MINUTE", defaultValue = "30")
  int signInPerMinute;

  /** {@code off} stops recording the traffic log (security events are always recorded). */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_TRAFFIC_LOG", defaultValue = "on")
  String trafficLog;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_TRAFFIC_RETENTION_DAYS", defaultValue = "30")
  int trafficRetentionDays;

  /**
   * Log lines waiting to be written; when full, new lines are dropped and counted, never waited
   * for.
   */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_TRAFFIC_QUEUE", defaultValue = "20000")
  int trafficQueue;

  /** Without a host no e-mail is sent; security events are still recorded and listed. */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_SMTP_HOST")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_SMTP_PORT", defaultValue = "25")
  int smtpPort;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_SMTP_FROM", defaultValue = "tradebridge@localhost")
  String smtpFrom;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_SMTP_USERNAME")
  Optional<String> smtpUsername;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_SMTP_PASSWORD")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_SMTP_STARTTLS", defaultValue = "false")
  boolean smtpStartTls;

  // Read on every API request: worked out once from the settings above.
  private boolean limitsOn;
  private Map<RateKind, RateRule> keyRules;
  private RateRule userShortRule;
  private RateRule userLongRule;
  private RateRule signInRule;
  private boolean trafficLogOn;

  @PostConstruct
  void resolve() {
    limitsOn = !"off".equalsIgnoreCase(rateLimits.strip());
    keyRules =
        Map.of(
            RateKind.ORDERS, new RateRule("orders per key", ordersPerSecond, Duration.ofSeconds(1)),
            RateKind.READS, new RateRule("reads per key", readsPerSecond, Duration.ofSeconds(1)),
            RateKind.WEBHOOK,
                new RateRule("webhook orders per key", webhookPerMinute, Duration.ofMinutes(1)));
    userShortRule = new RateRule("requests per user", userPerFiveSeconds, Duration.ofSeconds(5));
    userLongRule = new RateRule("requests per user", userPerMinute, Duration.ofMinutes(1));
    signInRule =
        new RateRule(
            "sign-ins, registrations and resets per address",
            signInPerMinute,
            Duration.ofMinutes(1));
    trafficLogOn = !"off".equalsIgnoreCase(trafficLog.strip());
  }

  public boolean rateLimitsOn() {
    return limitsOn;
  }

  public String rateStore() {
    return rateStore.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The per-key rule for each kind of request. */
  public Map<RateKind, RateRule> keyRules() {
    return keyRules;
  }

  /** The per-user rules, across all of a user's keys. */
  public RateRule userShortRule() {
    return userShortRule;
  }

  public RateRule userLongRule() {
    return userLongRule;
  }

  /** Per address, for the requests that cost a password hash. */
  public RateRule signInRule() {
    return signInRule;
  }

  public boolean trafficLogOn() {
    return trafficLogOn;
  }

  public Duration trafficRetention() {
    return Duration.ofDays(Math.max(1, trafficRetentionDays));
  }

  public int trafficQueue() {
    return Math.max(100, trafficQueue);
  }

  public Optional<SmtpServer> smtp() {
    return smtpHost
        .filter(h -> !h.isBlank())
        .map(
            h ->
                new SmtpServer(
                    h.strip(),
                    smtpPort,
                    smtpFrom,
                    smtpUsername.orElse(null),
                    smtpPassword.orElse(null),
                    smtpStartTls));
  }

  /** Where security e-mails go out. The password stays out of toString. */
  public record SmtpServer(
      String host, int port, String from, String username, String password, boolean startTls) {
    @Override
    public String toString() {
      return "SmtpServer[" + host + ":" + port + "]";
    }
  }
}
