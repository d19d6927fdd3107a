package io.tradebridge.orders.boundary;

import java.math.RoundingMode;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.brokers.boundary.PaperExchange;
import io.tradebridge.brokers.control.Quote;
import io.tradebridge.orders.control.BuyingPower;
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
 * Positions, holdings, margins and buying power, read from the per-day position totals. The trading
 * day follows Indian time: delivery buys of an earlier day are holdings; the rest are positions (DAY:
 * today's trades only).
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
    BuyingPower power = buyingPower(userId, account);
    return new MarginsView(account.pseudoAccount(), money(power.capital()), money(power.available()),
        money(power.utilised()));
  }

  /**
   * The account's buying power as of now: one read of its positions and one of its working orders'
   * blocked margin. The caller holds the account's lock when it places orders against it.
   */
  public BuyingPower buyingPower(String userId, TradingAccount account) {
    BuyingPower power = new BuyingPower(account.capital(), blockedByWorkingOrders(account.id()));
    aggregate(userId, account.id(), null, startOfDay(), false).forEach((k, t) -> power.add(
        new BuyingPower.Position(k.exchange(), k.symbol(), k.product()), t.buyQuantity, t.buyValue, t.sellQuantity,
        t.sellValue));
    return power;
  }

  private Map<Key, Totals> aggregate(String userId, String accountId, Instant since, Instant dayStart, boolean holdings) {
    long today = tradingDay(dayStart);
    StringBuilder jpql = new StringBuilder("SELECT p.pseudoAccount, p.exchange, p.symbol, p.productType, p.buyQuantity,"
        + " p.buyValue, p.sellQuantity, p.sellValue FROM PositionTotals p WHERE p.userId = :userId");
    if (accountId != null) jpql.append(" AND p.accountId = :accountId");
    if (since != null) jpql.append(" AND p.tradingDay >= :today");
    if (holdings) {
      jpql.append(" AND p.productType = :delivery AND p.tradingDay < :today");
    } else {
      jpql.append(" AND (p.productType <> :delivery OR p.tradingDay >= :today)");
    }
    var query = em.createQuery(jpql.toString(), Object[].class).setParameter("userId", userId)
        .setParameter("delivery", ProductType.DELIVERY).setParameter("today", today);
    if (accountId != null) query.setParameter("accountId", accountId);
    Map<Key, Totals> totals = new LinkedHashMap<>();
    for (Object[] row : query.getResultList()) {
      Key key = new Key((String) row[0], (String) row[1], (String) row[2], (ProductType) row[3]);
      Totals t = totals.computeIfAbsent(key, k -> new Totals());
      t.buyQuantity += ((Number) row[4]).intValue();
      t.buyValue = t.buyValue.add((BigDecimal) row[5]);
      t.sellQuantity += ((Number) row[6]).intValue();
      t.sellValue = t.sellValue.add((BigDecimal) row[7]);
    }
    return totals;
  }

  /** The Indian trading day of an instant, as days since 1970-01-01. */
  public static long tradingDay(Instant instant) {
    return instant.atZone(MARKET_ZONE).toLocalDate().toEpochDay();
  }

  private PositionBook book(Key k, Totals t) {
    BigDecimal last = exchange.instrument(k.exchange(), k.symbol()).flatMap(exchange::quote).map(Quote::lastPrice)
        .orElse(BigDecimal.ZERO);
    return new PositionBook(t.buyQuantity, t.buyValue, t.sellQuantity, t.sellValue, last);
  }

  /**
   * The margin working orders block: their pending value at the margin rate, priced at their limit,
   * or at the market for orders without one. Summed in the database, one group per instrument, so
   * a book of thousands of resting orders costs a few rows, not thousands of entities.
   */
  private BigDecimal blockedByWorkingOrders(String accountId) {
    BigDecimal blocked = BigDecimal.ZERO;
    // One equality probe per status: Derby then walks only this account's working orders in the index.
    for (var status : Order.WORKING_STATUSES) {
      for (Object[] row : em.createNamedQuery(Order.BLOCKED_IN_ACCOUNT, Object[].class)
          .setParameter("accountId", accountId).setParameter("status", status).getResultList()) {
        String exchangeName = (String) row[0];
        ProductType product = (ProductType) row[3];
        BigDecimal pricedValue = row[4] == null ? BigDecimal.ZERO : new BigDecimal(row[4].toString());
        long unpriced = row[5] == null ? 0 : ((Number) row[5]).longValue();
        if (unpriced > 0) {
          Quote q = exchange.instrument(exchangeName, (String) row[1]).flatMap(exchange::quote).orElse(null);
          if (q != null) {
            pricedValue = pricedValue.add(RiskCheck.referencePrice((Side) row[2], null, q).multiply(BigDecimal.valueOf(unpriced)));
          }
        }
        blocked = blocked.add(pricedValue.multiply(MarginRate.of(exchangeName, product)));
      }
    }
    return blocked;
  }

  private Instant startOfDay() {
    return LocalDate.now(clock.withZone(MARKET_ZONE)).atStartOfDay(MARKET_ZONE).toInstant();
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
