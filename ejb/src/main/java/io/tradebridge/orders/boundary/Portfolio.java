package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.brokers.boundary.PaperExchange;
import io.tradebridge.brokers.control.Instrument;
import io.tradebridge.brokers.control.Quote;
import io.tradebridge.orders.control.MarginRate;
import io.tradebridge.orders.control.PositionBook;
import io.tradebridge.orders.control.ProductType;
import io.tradebridge.orders.control.RiskCheck;
import io.tradebridge.orders.control.Side;
import io.tradebridge.orders.entity.Order;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions, holdings and margins, all summed from trades. The trading day follows Indian time:
 * delivery buys of an earlier day are holdings; the rest are positions (DAY: today's trades only).
 */
@Stateless
public class Portfolio {

  public static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Kolkata");

  @PersistenceContext EntityManager em;
  @Inject PaperExchange exchange;
  @Inject Clock clock;

  public enum Category { DAY, NET }

  private record Key(String account, String exchange, String symbol, ProductType product) {}

  private static final class Totals {
    int buyQuantity;
    BigDecimal buyValue = BigDecimal.ZERO;
    int sellQuantity;
    BigDecimal sellValue = BigDecimal.ZERO;
  }

  public List<PositionView> positions(String userId, String accountId, Category category) {
    Instant dayStart = startOfDay();
    List<PositionView> out = new ArrayList<>();
    aggregate(userId, accountId, category == Category.DAY ? dayStart : null, dayStart, false).forEach((k, t) ->
        out.add(PositionView.of(k.account(), k.exchange(), k.symbol(), k.product(), book(k, t))));
    return out;
  }

  public SummaryView summary(String userId, TradingAccount account) {
    List<PositionView> positions = positions(userId, account.id(), Category.NET);
    BigDecimal mtm = BigDecimal.ZERO;
    BigDecimal pnl = BigDecimal.ZERO;
    int open = 0;
    int longQty = 0;
    int shortQty = 0;
    for (PositionView p : positions) {
      mtm = mtm.add(p.unrealisedPnl());
      pnl = pnl.add(p.pnl());
      if (p.netQuantity() != 0) {
        open++;
      }
      longQty += Math.max(0, p.netQuantity());
      shortQty += Math.max(0, -p.netQuantity());
    }
    return new SummaryView(account.pseudoAccount(), money(mtm), money(pnl), positions.size(), open,
        positions.size() - open, longQty, shortQty);
  }

  public List<HoldingView> holdings(String userId, String accountId) {
    List<HoldingView> out = new ArrayList<>();
    aggregate(userId, accountId, null, startOfDay(), true).forEach((k, t) -> {
      PositionBook b = book(k, t);
      if (b.netQuantity() > 0) {
        out.add(new HoldingView(k.account(), k.exchange(), k.symbol(), b.netQuantity(), b.buyAveragePrice(),
            b.lastPrice(), b.unrealisedPnl()));
      }
    });
    return out;
  }

  public MarginsView margins(String userId, TradingAccount account) {
    BigDecimal realised = BigDecimal.ZERO;
    BigDecimal utilised = BigDecimal.ZERO;
    for (var e : aggregate(userId, account.id(), null, startOfDay(), false).entrySet()) {
      PositionBook b = book(e.getKey(), e.getValue());
      realised = realised.add(b.realisedPnl());
      utilised = utilised.add(b.openAveragePrice().multiply(BigDecimal.valueOf(Math.abs(b.netQuantity())))
          .multiply(MarginRate.of(e.getKey().exchange(), e.getKey().product())));
    }
    for (Order o : workingOrders(account.id())) {
      Instrument instrument = exchange.instrument(o.exchange(), o.symbol()).orElse(null);
      if (instrument != null) {
        Quote q = exchange.quote(instrument).orElseThrow();
        utilised = utilised.add(RiskCheck.referencePrice(o.side(), o.price(), q)
            .multiply(BigDecimal.valueOf(o.pendingQuantity())).multiply(MarginRate.of(o.exchange(), o.productType())));
      }
    }
    BigDecimal capital = account.capital() == null ? BigDecimal.ZERO : account.capital();
    BigDecimal available = capital.add(realised).subtract(utilised);
    return new MarginsView(account.pseudoAccount(), money(capital), money(available), money(utilised));
  }

  /**
   * The margin a new order blocks: its value at the margin rate, less whatever part of it closes an
   * open position in the same instrument and product (closing frees margin, it does not need it).
   */
  public BigDecimal requiredMargin(String userId, TradingAccount account, Instrument instrument, ProductType product,
      Side side, int quantity, BigDecimal referencePrice) {
    int net = 0;
    Key key = new Key(account.pseudoAccount(), instrument.exchange(), instrument.symbol(), product);
    Totals t = aggregate(userId, account.id(), null, startOfDay(), false).get(key);
    if (t != null) {
      net = t.buyQuantity - t.sellQuantity;
    }
    int closing = side == Side.SELL ? Math.max(0, Math.min(quantity, net)) : Math.max(0, Math.min(quantity, -net));
    return referencePrice.multiply(BigDecimal.valueOf(quantity - closing)).multiply(MarginRate.of(instrument.exchange(), product));
  }

  private Map<Key, Totals> aggregate(String userId, String accountId, Instant since, Instant dayStart, boolean holdings) {
    StringBuilder jpql = new StringBuilder("SELECT t.pseudoAccount, t.exchange, t.symbol, t.productType, t.side,"
        + " SUM(t.quantity), SUM(t.price * t.quantity) FROM Trade t WHERE t.userId = :userId");
    if (accountId != null) jpql.append(" AND t.accountId = :accountId");
    if (since != null) jpql.append(" AND t.time >= :since");
    if (holdings) {
      jpql.append(" AND t.productType = :delivery AND t.time < :dayStart");
    } else {
      jpql.append(" AND (t.productType <> :delivery OR t.time >= :dayStart)");
    }
    jpql.append(" GROUP BY t.pseudoAccount, t.exchange, t.symbol, t.productType, t.side");
    var query = em.createQuery(jpql.toString(), Object[].class).setParameter("userId", userId)
        .setParameter("delivery", ProductType.DELIVERY).setParameter("dayStart", dayStart);
    if (accountId != null) query.setParameter("accountId", accountId);
    if (since != null) query.setParameter("since", since);
    Map<Key, Totals> totals = new LinkedHashMap<>();
    for (Object[] row : query.getResultList()) {
      Key key = new Key((String) row[0], (String) row[1], (String) row[2], (ProductType) row[3]);
      Totals t = totals.computeIfAbsent(key, k -> new Totals());
      int qty = ((Number) row[5]).intValue();
      BigDecimal value = new BigDecimal(row[6].toString());
      if (row[4] == Side.BUY) {
        t.buyQuantity += qty;
        t.buyValue = t.buyValue.add(value);
      } else {
        t.sellQuantity += qty;
        t.sellValue = t.sellValue.add(value);
      }
    }
    return totals;
  }

  private PositionBook book(Key k, Totals t) {
    BigDecimal last = exchange.instrument(k.exchange(), k.symbol()).flatMap(exchange::quote).map(Quote::lastPrice)
        .orElse(BigDecimal.ZERO);
    return new PositionBook(t.buyQuantity, t.buyValue, t.sellQuantity, t.sellValue, last);
  }

  private List<Order> workingOrders(String accountId) {
    return em.createQuery("SELECT o FROM Order o WHERE o.accountId = :accountId AND o.status IN :statuses", Order.class)
        .setParameter("accountId", accountId).setParameter("statuses", Order.WORKING_STATUSES).getResultList();
  }

  private Instant startOfDay() {
    return LocalDate.now(clock.withZone(MARKET_ZONE)).atStartOfDay(MARKET_ZONE).toInstant();
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
