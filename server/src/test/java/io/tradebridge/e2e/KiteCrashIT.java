package io.tradebridge.e2e;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The restart scenario of the broker kit against Kite's stand-in, on a server of its own. */
class KiteCrashIT extends RemoteBrokerCrashKit {

  private final KiteStandIn kite = KiteStandIn.start();

  @AfterEach
  void stopStandIn() {
    kite.close();
  }

  @Override
  protected Map<String, String> env() {
    return Map.of(
        "TRADEBRIDGE_KITE_API_URL", kite.apiUrl(),
        "TRADEBRIDGE_KITE_LOGIN_URL", kite.loginUrl());
  }

  @Override
  protected String account() {
    return "KITE1";
  }

  @Override
  protected void addAndLogIn(Api api, Trader trader) {
    KiteIT.loggedIn(kite, KiteIT.kiteAccount(api, kite, trader));
  }

  @Override
  protected List<String> ordersAtBroker() {
    return kite.orders().stream().map(KiteStandIn.KiteOrder::orderId).toList();
  }

  @Override
  protected void slowPlacements(long millis) {
    kite.slowPlacements(millis);
  }

  @Override
  protected List<String> violations() {
    return kite.violations();
  }
}
