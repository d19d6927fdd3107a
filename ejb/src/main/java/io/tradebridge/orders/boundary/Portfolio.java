package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.InList;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.control.OptionsCalendar;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.control.BuyingPower;
import io.tradebridge.orders.control.MarginRate;
import io.tradebridge.orders.control.PositionBook;
import io.tradebridge.orders.control.RiskCheck;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.PositionTotals;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Positions, holdings, margins and buying power, read from the per-day position totals. The trading
 * day follows Indian time: delivery buys of an earlier day are holdings; the rest are positions
 * (DAY: today's trades only).
 */
@Stateless
public class Portfolio {

  public static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Kolkata");

  @PersistenceContext EntityManager em;
  @Inject PaperExchange exchange;
  @Inject Clock clock;

  public enum Category {
    DAY,
    NET
  }

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
    aggregate(userId, accountId, category == Category.DAY ? dayStart : null, dayStart, false)
        .forEach(
            (k, t) ->
                out.add(
                    PositionView.of(
                        k.account(), k.exchange(), k.symbol(), k.product(), book(k, t))));
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
    return new SummaryView(
        account.pseudoAccount(),
        money(mtm),
        money(pnl),
        positions.size(),
        open,
        positions.size() - open,
        longQty,
        shortQty);
  }

  public List<HoldingView> holdings(String userId, String accountId) {
    List<HoldingView> out = new ArrayList<>();
    aggregate(userId, accountId, null, startOfDay(), true)
        .forEach(
            (k, t) -> {
              PositionBook b = book(k, t);
              if (b.netQuantity() > 0) {
                out.add(
                    new HoldingView(
                        k.account(),
                        k.exchange(),
                        k.symbol(),
                        b.netQuantity(),
                        b.buyAveragePrice(),
                        b.lastPrice(),
                        b.unrealisedPnl()));
              }
            });
    return out;
  }

  public MarginsView margins(TradingAccount account) {
    BuyingPower power = buyingPower(account);
    return new MarginsView(
        account.pseudoAccount(),
        money(power.capital()),
        money(power.available()),
        money(power.utilised()));
  }

  /** The account's buying power as of now (see {@link #buyingPower(Collection)}). */
  public BuyingPower buyingPower(TradingAccount account) {
    return buyingPower(List.of(account)).get(account.id());
  }

  /**
   * Reads the day's position totals of these accounts into the caller's persistence context, in one
   * statement: the fills of a desk batch then find them there instead of one query per fill.
   */
  public void loadTodaysTotals(Collection<TradingAccount> accounts) {
    if (accounts.isEmpty()) {
      return;
    }
    List<String> users = accounts.stream().map(TradingAccount::userId).distinct().toList();
    List<String> ids = accounts.stream().map(TradingAccount::id).distinct().toList();
    long today = today();
    for (List<String> someUsers : InList.slices(users)) {
      for (List<String> someIds : InList.slices(ids)) {
        em.createQuery(
                "SELECT p FROM PositionTotals p WHERE p.userId IN :users AND p.accountId IN :ids"
                    + " AND p.tradingDay = :today",
                PositionTotals.class)
            .setParameter("users", someUsers)
            .setParameter("ids", someIds)
            .setParameter("today", today)
            .getResultList();
      }
    }
  }

  /**
   * The buying power of each account as of now, keyed by account id: one read of their positions
   * and one of their working orders' blocked margin per status, however many accounts. The caller
   * holds the accounts' locks when it places orders against them.
   */
  public Map<String, BuyingPower> buyingPower(Collection<TradingAccount> accounts) {
    Map<String, BuyingPower> power = new HashMap<>();
    if (accounts.isEmpty()) {
      return power;
    }
    List<String> ids = accounts.stream().map(TradingAccount::id).distinct().toList();
    Set<String> atMarket = new HashSet<>();
    Map<String, BigDecimal> blocked = blockedByWorkingOrders(ids, atMarket);
    for (TradingAccount a : accounts) {
      BuyingPower p = new BuyingPower(a.capital(), blocked.getOrDefault(a.id(), BigDecimal.ZERO));
      if (atMarket.contains(a.id())) {
        p.pricedAtMarket();
      }
      power.put(a.id(), p);
    }
    List<String> users = accounts.stream().map(TradingAccount::userId).distinct().toList();
    long today = tradingDay(startOfDay());
    for (List<String> someUsers : InList.slices(users)) {
      for (List<String> someIds : InList.slices(ids)) {
        // USERID first: it leads the positions index, so Derby probes it rather than scanning the
        // table.
        for (Object[] row :
            em.createQuery(
                    "SELECT p.accountId, p.exchange, p.symbol, p.productType, p.buyQuantity,"
                        + " p.buyValue, p.sellQuantity, p.sellValue FROM PositionTotals p WHERE p.userId IN :users"
                        + " AND p.accountId IN :ids AND (p.productType <> :delivery OR p.tradingDay >= :today)",
                    Object[].class)
                .setParameter("users", someUsers)
                .setParameter("ids", someIds)
                .setParameter("delivery", ProductType.DELIVERY)
                .setParameter("today", today)
                .getResultList()) {
          power
              .get((String) row[0])
              .add(
                  new BuyingPower.Position((String) row[1], (String) row[2], (ProductType) row[3]),
                  ((Number) row[4]).intValue(),
                  (BigDecimal) row[5],
                  ((Number) row[6]).intValue(),
                  (BigDecimal) row[7]);
        }
      }
    }
    return power;
  }

  private Map<Key, Totals> aggregate(
      String userId, String accountId, Instant since, Instant dayStart, boolean holdings) {
    long today = tradingDay(dayStart);
    StringBuilder jpql =
        new StringBuilder(
            "SELECT p.pseudoAccount, p.exchange, p.symbol, p.productType, p.buyQuantity,"
                + " p.buyValue, p.sellQuantity, p.sellValue FROM PositionTotals p WHERE p.userId = :userId");
    if (accountId != null) jpql.append(" AND p.accountId = :accountId");
    if (since != null) jpql.append(" AND p.tradingDay >= :today");
    if (holdings) {
      jpql.append(" AND p.productType = :delivery AND p.tradingDay < :today");
    } else {
      jpql.append(" AND (p.productType <> :delivery OR p.tradingDay >= :today)");
    }
    var query =
        em.createQuery(jpql.toString(), Object[].class)
            .setParameter("userId", userId)
            .setParameter("delivery", ProductType.DELIVERY)
            .setParameter("today", today);
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

  /** Today's Indian trading day, as days since 1970-01-01. */
  public long today() {
    return tradingDay(startOfDay());
  }

  /** The Indian trading day of an instant, as days since 1970-01-01. */
  public static long tradingDay(Instant instant) {
    return instant.atZone(MARKET_ZONE).toLocalDate().toEpochDay();
  }

  private PositionBook book(Key k, Totals t) {
    BigDecimal last =
        exchange
            .instrument(k.exchange(), k.symbol())
            .flatMap(exchange::quote)
            .map(Quote::lastPrice)
            .orElse(BigDecimal.ZERO);
    return new PositionBook(t.buyQuantity, t.buyValue, t.sellQuantity, t.sellValue, last);
  }

  /**
   * The margin working orders block, per account: their pending value at the margin rate, priced at
   * their limit, or at the market for orders without one. Summed in the database, one group per
   * account and instrument, so a book of thousands of resting orders costs a few rows, not
   * thousands of entities.
   */
  private Map<String, BigDecimal> blockedByWorkingOrders(
      List<String> accountIds, Set<String> pricedAtMarket) {
    Map<String, BigDecimal> blocked = new HashMap<>();
    // One probe per status: Derby then walks only these accounts' working orders in the (ACCOUNTID,
    // STATUS) index.
    for (List<String> someIds : InList.slices(accountIds)) {
      for (var status : Order.WORKING_STATUSES) {
        for (Object[] row :
            em.createNamedQuery(Order.BLOCKED_IN_ACCOUNTS, Object[].class)
                .setParameter("accountIds", someIds)
                .setParameter("status", status)
                .getResultList()) {
          String exchangeName = (String) row[1];
          ProductType product = (ProductType) row[4];
          BigDecimal pricedValue =
              row[5] == null ? BigDecimal.ZERO : new BigDecimal(row[5].toString());
          long unpriced = row[6] == null ? 0 : ((Number) row[6]).longValue();
          if (unpriced > 0) {
            pricedAtMarket.add((String) row[0]);
            Quote q =
                exchange
                    .instrument(exchangeName, (String) row[2])
                    .flatMap(exchange::quote)
                    .orElse(null);
            if (q != null) {
              pricedValue =
                  pricedValue.add(
                      RiskCheck.referencePrice((Side) row[3], null, q)
                          .multiply(BigDecimal.valueOf(unpriced)));
            }
          }
          long pending = row[7] == null ? 0 : ((Number) row[7]).longValue();
          // An option's margin is not its value at a rate: a seller blocks a share of the
          // strike's value for every unit pending, a buyer the whole premium.
          BigDecimal margin =
              OptionsCalendar.strikeInSymbol((String) row[2]).isPresent()
                  ? (row[3] == Side.SELL
                      ? MarginRate.blocked(
                          exchangeName, (String) row[2], product, true, BigDecimal.ZERO, pending)
                      : pricedValue)
                  : pricedValue.multiply(MarginRate.of(exchangeName, product));
          blocked.merge((String) row[0], margin, BigDecimal::add);
        }
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
