package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.orders.entity.AccountGroup;
import io.tradebridge.orders.entity.AccountShare;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Closing positions with market orders in the opposite direction. Each closing order stands alone
 * (its own transaction): one refusal does not stop the others.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SquareOff {

  @Inject Portfolio portfolio;
  @Inject OrderPlacement placement;
  @Inject TradingAccounts accounts;
  @Inject RateLimiter limiter;
  @Inject Groups groups;

  public List<OrderView> position(String userId, KeyCaller key, SquareOffRequest r) {
    new FieldChecks()
        .constraintsOf(r)
        .required("account", r.account())
        .that(
            r.group() == null,
            "group",
            "a group is squared off whole: POST /api/v1/portfolio/square-off")
        .required("exchange", r.exchange())
        .required("symbol", r.symbol())
        .required("productType", r.productType())
        .orThrow();
    List<PositionView> matching =
        open(userId, r).stream()
            .filter(
                p ->
                    p.exchange().equals(r.exchange().name())
                        && p.symbol().equalsIgnoreCase(r.symbol())
                        && p.productType() == r.productType())
            .toList();
    if (matching.isEmpty()) {
      throw TradebridgeException.notFound(
          "open position in " + r.exchange() + ":" + r.symbol() + " " + r.productType());
    }
    return close(userId, key, matching);
  }

  /** Every open position of the account, or of every member of the group. */
  public List<OrderView> portfolio(String userId, KeyCaller key, SquareOffRequest r) {
    FieldChecks checks = new FieldChecks().constraintsOf(r);
    if ((r.account() == null) == (r.group() == null)) {
      checks.add("account", "name an account or a group");
    }
    checks.orThrow();
    if (r.group() == null) {
      return close(userId, key, open(userId, r));
    }
    AccountGroup group =
        groups
            .byName(userId, r.group())
            .orElseThrow(() -> TradebridgeException.notFound("group '" + r.group() + "'"));
    List<PositionView> open = new ArrayList<>();
    for (AccountShare member : group.members()) {
      open.addAll(
          open(
              userId,
              new SquareOffRequest(member.account(), null, null, null, r.category(), null)));
    }
    return close(userId, key, open);
  }

  private List<PositionView> open(String userId, SquareOffRequest r) {
    String accountId = accounts.byPseudoAccount(userId, r.account()).id();
    Portfolio.Category category = r.category() == null ? Portfolio.Category.NET : r.category();
    return portfolio.positions(userId, accountId, category).stream()
        .filter(p -> p.netQuantity() != 0)
        .toList();
  }

  /**
   * The market order that closes {@code p}: the opposite side, its whole net quantity, the same
   * product, {@code comments} saying why.
   */
  public static OrderRequest exitOf(PositionView p, String pseudoAccount, String comments) {
    return new OrderRequest(
        pseudoAccount,
        Exchange.valueOf(p.exchange()),
        p.symbol(),
        p.netQuantity() > 0 ? Side.SELL : Side.BUY,
        Math.abs(p.netQuantity()),
        OrderType.MARKET,
        p.productType(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        comments,
        null,
        null);
  }

  private List<OrderView> close(String userId, KeyCaller key, List<PositionView> positions) {
    List<OrderView> placed = new ArrayList<>();
    for (PositionView p : positions) {
      try {
        limiter.charge(key, RateKind.ORDERS, 1);
      } catch (TradebridgeException limited) {
        // What is closed stays closed; sending the same square-off again closes the rest.
        throw TradebridgeException.rateLimited(
            limited.retryAfterSeconds(),
            "rate limit reached after closing "
                + placed.size()
                + " of "
                + positions.size()
                + " positions; send the square-off again in "
                + limited.retryAfterSeconds()
                + " s to close the rest");
      }
      OrderRequest order = exitOf(p, p.account(), "square-off");
      // Under a SEMI_AUTO key the exit waits in the action center like any order, and is listed
      // there rather than among the orders placed.
      if (placement.place(userId, key, order, null) instanceof Placed.Accepted accepted) {
        placed.add(accepted.order());
      }
    }
    return placed;
  }
}
