package io.tradebridge.e2e;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker adapter kit against Upstox's stand-in. */
@ExtendWith(SharedServer.class)
class UpstoxKitIT extends RemoteBrokerKit {

  private Api api;
  private UpstoxStandIn upstox;
  private UpstoxIT.UpstoxTrader current;

  @BeforeEach
  void standIn(Api api, UpstoxStandIn upstox) {
    this.api = api;
    this.upstox = upstox;
  }

  @Override
  protected RemoteVenue venue() {
    return new RemoteVenue() {
      @Override
      public String account() {
        return "UPSTOX1";
      }

      @Override
      public Trader loggedInTrader() {
        current =
            UpstoxIT.loggedIn(
                upstox, UpstoxIT.upstoxAccount(api, upstox, Trader.register(api).login()));
        return current.trader();
      }

      @Override
      public List<String> ordersAtBroker() {
        return upstox.ordersOf(current.app()).stream()
            .map(UpstoxStandIn.UpstoxOrder::orderId)
            .toList();
      }

      @Override
      public boolean cancelledAtBroker(String id) {
        return byId(id).status().equals("cancelled");
      }

      @Override
      public int quantityAtBroker(String id) {
        return byId(id).quantity();
      }

      @Override
      public void fillWithNews(String id, BigDecimal price) {
        upstox.fill(id, price);
      }

      @Override
      public void fillQuietly(String id, int quantity, BigDecimal price) {
        upstox.fillQuietly(id, quantity, price);
      }

      @Override
      public String refuseNext() {
        String words = "Insufficient funds. Required margin is 2352.50.";
        upstox.refuseNext("UDAPI100500", words);
        return words;
      }

      @Override
      public void slowPlacements(long millis) {
        upstox.slowPlacements(millis);
      }

      @Override
      public void endSessions() {
        upstox.endSessions();
      }

      @Override
      public List<String> violations() {
        return upstox.violations();
      }

      private UpstoxStandIn.UpstoxOrder byId(String id) {
        return upstox.ordersOf(current.app()).stream()
            .filter(o -> o.orderId().equals(id))
            .findFirst()
            .orElseThrow();
      }
    };
  }
}
