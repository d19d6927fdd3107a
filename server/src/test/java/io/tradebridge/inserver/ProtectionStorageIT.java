package io.tradebridge.inserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.boundary.RateWindows;
import io.tradebridge.protection.boundary.SecurityEventView;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.boundary.Traffic;
import io.tradebridge.protection.boundary.TrafficLog;
import io.tradebridge.protection.boundary.TrafficView;
import io.tradebridge.protection.boundary.TrafficWriter;
import io.tradebridge.protection.control.RateCharge;
import io.tradebridge.protection.entity.RateRule;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.protection.entity.TrafficLine;
import io.tradebridge.signin.boundary.RegisterRequest;
import io.tradebridge.signin.boundary.Registered;
import io.tradebridge.signin.boundary.Registration;
import io.tradebridge.twofactor.boundary.StepUp;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The traffic log's retention and the security events' transactions, on the real database. */
@ExtendWith(ArquillianExtension.class)
class ProtectionStorageIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.businessComponents("protection");
  }

  @Inject TrafficWriter writer;
  @Inject TrafficLog trafficLog;
  @Inject Traffic traffic;
  @Inject Registration registration;
  @Inject StepUp stepUp;
  @Inject SecurityEvents events;
  @Inject UserTransaction transaction;
  @Inject RateWindows rateWindows;

  private static final RateRule TEN_A_SECOND =
      new RateRule("orders per key", 10, Duration.ofSeconds(1));
  private static final RateRule TWELVE_IN_FIVE =
      new RateRule("requests per user", 12, Duration.ofSeconds(5));

  /** The counters several nodes share (TRADEBRIDGE_RATE_STORE=database), on the real database. */
  @Test
  void databaseCountersGrantTheLimitAcrossParallelTakersAndARefusalTakesNothing() throws Exception {
    String key = "k:" + UUID.randomUUID();
    String user = "u:" + UUID.randomUUID();
    Instant now = Instant.now();
    List<RateCharge> charges =
        List.of(new RateCharge(key, TEN_A_SECOND, 1), new RateCharge(user, TWELVE_IN_FIVE, 1));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      results.add(
          pool.submit(
              () -> {
                for (int attempt = 0; ; attempt++) {
                  try {
                    rateWindows.takeAt(charges, now);
                    return true;
                  } catch (RateWindows.CreatedConcurrently raced) {
                    // the first takers race to create the counters; taking again finds them
                  } catch (TradebridgeException limited) {
                    return false;
                  }
                }
              }));
    }
    int granted = 0;
    for (Future<Boolean> r : results) {
      granted += r.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(10, granted);

    // Another key of the same user: its own counter is empty, the user's has 2 left of 12.
    List<RateCharge> other =
        List.of(
            new RateCharge(key + "-b", TEN_A_SECOND, 1), new RateCharge(user, TWELVE_IN_FIVE, 1));
    rateWindows.takeAt(other, now);
    rateWindows.takeAt(other, now);
    TradebridgeException full =
        assertThrows(TradebridgeException.class, () -> rateWindows.takeAt(other, now));
    assertTrue(full.detail().contains("12 per 5 s"), full.detail());
    assertEquals(5, full.retryAfterSeconds());
  }

  @Test
  void trafficOlderThanTheRetentionIsPurgedAndNewerLinesStay() {
    String userId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    writer.write(
        List.of(
            new TrafficLine(
                now.minus(Duration.ofDays(31)),
                userId,
                null,
                "GET",
                "/api/v1/ping",
                200,
                "127.0.0.1",
                1),
            new TrafficLine(
                now.minus(Duration.ofDays(29)),
                userId,
                null,
                "GET",
                "/api/v1/orders",
                200,
                "127.0.0.1",
                2),
            new TrafficLine(now, userId, null, "POST", "/api/v1/orders", 201, "127.0.0.1", 3)));
    assertEquals(3, traffic.list(userId, null, null, null, null).size());

    trafficLog.purge();

    List<TrafficView> kept = traffic.list(userId, null, null, null, null);
    assertEquals(List.of("POST", "GET"), kept.stream().map(TrafficView::method).toList());
    assertEquals(List.of(3, 2), kept.stream().map(TrafficView::latencyMs).toList());
  }

  @Test
  void aFailedPasswordIsAnEventEvenWhenTheCallersTransactionRollsBack() throws Exception {
    String name = "p" + UUID.randomUUID().toString().substring(0, 12);
    Registered user =
        registration.register(
            new RegisterRequest(name, name + "@example.com", "a long enough password"));
    transaction.begin();
    assertThrows(
        TradebridgeException.class, () -> stepUp.verify(user.userId(), "wrong password", null));
    transaction.rollback();

    List<SecurityEventType> types =
        events.list(user.userId(), null, null).stream().map(SecurityEventView::type).toList();
    assertTrue(types.contains(SecurityEventType.LOGIN_FAILED), types.toString());
    assertEquals(
        SecurityEventType.KEY_CREATED,
        types.get(types.size() - 1),
        "registration's first key is the oldest event");
  }
}
