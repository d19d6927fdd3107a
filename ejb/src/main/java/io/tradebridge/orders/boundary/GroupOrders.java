package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.orders.control.GroupQuantity;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.entity.AccountGroup;
import io.tradebridge.orders.entity.AccountShare;
import io.tradebridge.orders.entity.OrderLineage;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One order naming a group, placed as one order per member (API.md, "Groups and copy trading"): the
 * member's quantity is the order's times its multiplier, rounded down to whole lots; a member whose
 * share is less than a lot is skipped with the reason. Every member order goes through the same
 * {@link OrderPlacement} as any order, together, each with its own answer — one refused never stops
 * another — and its own idempotency, derived from the group order's client order id, so resending
 * the group order places nothing twice.
 */
@ApplicationScoped
public class GroupOrders {

  @Inject Groups groups;
  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;
  @Inject OrderPlacement placement;
  @Inject RateLimiter limiter;

  /** What became of the group order. */
  public record Placed(String groupOrderId, List<Member> orders) {}

  /**
   * One member's order: {@code outcome} null when it was skipped ({@code skipped} says why) —
   * either way exactly one of them.
   */
  public record Member(
      String account, int quantity, Outcome outcome, TradebridgeException skipped) {}

  public Placed place(String userId, KeyCaller key, OrderRequest order, String idempotencyKey) {
    OrderChecks.check(order);
    AccountGroup group =
        groups
            .byName(userId, order.group())
            .orElseThrow(() -> TradebridgeException.notFound("group '" + order.group() + "'"));
    String clientId =
        idempotencyKey != null && !idempotencyKey.isBlank()
            ? idempotencyKey
            : order.clientOrderId();
    List<Member> members = new ArrayList<>();
    List<OrderRequest> toPlace = new ArrayList<>();
    List<Integer> placedAt = new ArrayList<>();
    for (AccountShare m : group.members()) {
      try {
        int quantity =
            GroupQuantity.of(order.quantity(), m.multiplier(), lotSize(userId, m.account(), order));
        if (quantity == 0) {
          members.add(
              new Member(
                  m.account(),
                  0,
                  null,
                  TradebridgeException.orderRejected(
                      "skipped: "
                          + order.quantity()
                          + " × "
                          + m.multiplier().stripTrailingZeros().toPlainString()
                          + " is less than one lot; nothing placed for this member")));
          continue;
        }
        placedAt.add(members.size());
        members.add(new Member(m.account(), quantity, null, null));
        toPlace.add(order.forMember(m.account(), quantity, memberClientId(clientId, m.account())));
      } catch (TradebridgeException e) {
        members.add(new Member(m.account(), 0, null, e));
      }
    }
    // The request itself was charged once on the way in; each further member order counts too.
    if (toPlace.size() > 1) {
      limiter.charge(key, RateKind.ORDERS, toPlace.size() - 1);
    }
    String groupOrderId = groupOrderId(userId, clientId);
    List<Outcome> outcomes =
        placement.placeAll(userId, key, toPlace, OrderLineage.ofGroup(group.name(), groupOrderId));
    for (int i = 0; i < outcomes.size(); i++) {
      Member m = members.get(placedAt.get(i));
      members.set(placedAt.get(i), new Member(m.account(), m.quantity(), outcomes.get(i), null));
    }
    return new Placed(groupOrderId, List.copyOf(members));
  }

  private int lotSize(String userId, String pseudoAccount, OrderRequest order) {
    TradingAccount account = accounts.byPseudoAccount(userId, pseudoAccount);
    return brokers
        .of(account)
        .instrument(account, order.exchange().name(), order.symbol())
        .map(Instrument::lotSize)
        .orElse(1);
  }

  /**
   * The member order's client order id: the group order's, with the member's account, so that a
   * resent group order meets each member's first answer. Shortened to a digest when it would pass
   * the 64 characters a client order id may have.
   */
  static String memberClientId(String groupClientId, String account) {
    if (groupClientId == null) {
      return null;
    }
    String id = groupClientId + ":" + account;
    return id.length() <= 64 ? id : "g:" + digest(id).substring(0, 62);
  }

  private static String groupOrderId(String userId, String clientId) {
    return clientId == null
        ? Ids.newId()
        : UUID.nameUUIDFromBytes((userId + "|" + clientId).getBytes(StandardCharsets.UTF_8))
            .toString();
  }

  private static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
