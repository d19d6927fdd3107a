package io.tradebridge.e2e;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker adapter kit against Kite's stand-in. */
@ExtendWith(SharedServer.class)
class KiteKitIT extends RemoteBrokerKit {

  private Api api;
  private KiteStandIn kite;
  private KiteIT.KiteTrader current;

  @BeforeEach
  void standIn(Api api, KiteStandIn kite) {
    this.api = api;
    this.kite = kite;
  }

  @Override
  protected RemoteVenue venue() {
    return new RemoteVenue() {
      @Override
      public String account() {
        return "KITE1";
      }

      @Override
      public Trader loggedInTrader() {
        current =
            KiteIT.loggedIn(kite, KiteIT.kiteAccount(api, kite, Trader.register(api).login()));
        return current.trader();
      }

      @Override
      public List<String> ordersAtBroker() {
        return mine().stream().map(KiteStandIn.KiteOrder::orderId).toList();
      }

      @Override
      public boolean cancelledAtBroker(String id) {
        return byId(id).status.equals("CANCELLED");
      }

      @Override
      public int quantityAtBroker(String id) {
        return Integer.parseInt(byId(id).form().get("quantity"));
      }

      @Override
      public void fillWithNews(String id, BigDecimal price) {
        kite.fill(id, price);
      }

      @Override
      public void fillQuietly(String id, int quantity, BigDecimal price) {
        kite.fillQuietly(id, quantity, price);
      }

      @Override
      public String refuseNext() {
        String words = "Insufficient funds. Required margin is 2352.50.";
        kite.refuseNext("MarginException", words);
        return words;
      }

      @Override
      public void slowPlacements(long millis) {
        kite.slowPlacements(millis);
      }

      @Override
      public void endSessions() {
        kite.endSessions();
      }

      @Override
      public List<String> violations() {
        return kite.violations();
      }

      private List<KiteStandIn.KiteOrder> mine() {
        return kite.orders().stream().filter(o -> o.apiKey.equals(current.app().apiKey())).toList();
      }

      private KiteStandIn.KiteOrder byId(String id) {
        return mine().stream().filter(o -> o.orderId().equals(id)).findFirst().orElseThrow();
      }
    };
  }
}
