package io.tradebridge.e2e;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The restart scenario of the broker kit against Upstox's stand-in, on a server of its own. */
class UpstoxCrashIT extends RemoteBrokerCrashKit {

  private final UpstoxStandIn upstox = UpstoxStandIn.start();

  @AfterEach
  void stopStandIn() {
    upstox.close();
  }

  @Override
  protected Map<String, String> env() {
    return Map.of(
        "TRADEBRIDGE_UPSTOX_API_URL", upstox.apiUrl(),
        "TRADEBRIDGE_UPSTOX_LOGIN_URL", upstox.loginUrl(),
        "TRADEBRIDGE_UPSTOX_INSTRUMENTS_URL", upstox.instrumentsUrl(),
        "TRADEBRIDGE_PUBLIC_URL", SharedServer.PUBLIC_URL);
  }

  @Override
  protected String account() {
    return "UPSTOX1";
  }

  @Override
  protected void addAndLogIn(Api api, Trader trader) {
    UpstoxIT.loggedIn(upstox, UpstoxIT.upstoxAccount(api, upstox, trader));
  }

  @Override
  protected List<String> ordersAtBroker() {
    return upstox.orders().stream().map(UpstoxStandIn.UpstoxOrder::orderId).toList();
  }

  @Override
  protected void slowPlacements(long millis) {
    upstox.slowPlacements(millis);
  }

  @Override
  protected List<String> violations() {
    return upstox.violations();
  }
}
