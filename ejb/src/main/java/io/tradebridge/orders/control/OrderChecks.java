package io.tradebridge.orders.control;

import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Variety;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The shape rules of an order (API.md, "Orders"), checked before anything is looked up. A price on
 * a MARKET order or a missing trigger price is an error naming the field, never silently fixed.
 */
public final class OrderChecks {

  public static final Pattern CLIENT_ORDER_ID = Pattern.compile(OrderRequest.CLIENT_ORDER_ID);

  private OrderChecks() {}

  public static void check(OrderRequest r) {
    FieldChecks checks = new FieldChecks();
    // First, as the account is the order's first field: fields are reported top to bottom.
    if (r.account() == null && r.group() == null) {
      checks.add("account", "is required (or name a group)");
    }
    checks.constraintsOf(r);
    if (r.account() != null && r.group() != null) {
      checks.add("group", "name an account or a group, not both");
    }
    if (r.orderType() != null) {
      boolean needsPrice = r.orderType() == OrderType.LIMIT || r.orderType() == OrderType.STOP_LOSS;
      boolean needsTrigger =
          r.orderType() == OrderType.STOP_LOSS || r.orderType() == OrderType.SL_MARKET;
      if (needsPrice) {
        positive(
            checks,
            "price",
            r.price(),
            "is required for " + r.orderType() + " orders and must be greater than 0");
      } else {
        checks.that(
            absentOrZero(r.price()),
            "price",
            "must be absent or 0 for " + r.orderType() + " orders");
      }
      if (needsTrigger) {
        positive(
            checks,
            "triggerPrice",
            r.triggerPrice(),
            "is required for " + r.orderType() + " orders and must be greater than 0");
      } else if (r.variety() != Variety.CO) {
        checks.that(
            absentOrZero(r.triggerPrice()),
            "triggerPrice",
            "must be absent or 0 for " + r.orderType() + " orders");
      }
    }
    if (r.variety() != null
        && r.variety() != Variety.REGULAR
        && r.orderType() != null
        && r.orderType() != OrderType.MARKET
        && r.orderType() != OrderType.LIMIT) {
      // The entry of a bracket or cover order is what the broker matches; its stop is a leg.
      checks.add(
          "orderType", "must be MARKET or LIMIT for the entry of a " + r.variety() + " order");
    }
    if (r.variety() == Variety.BO) {
      positive(
          checks,
          "target",
          r.target(),
          "is required for bracket orders and must be greater than 0");
      positive(
          checks,
          "stoploss",
          r.stoploss(),
          "is required for bracket orders and must be greater than 0");
    }
    if (r.variety() == Variety.CO) {
      positive(
          checks,
          "triggerPrice",
          r.triggerPrice(),
          "is required for cover orders and must be greater than 0");
    }
    if (r.disclosedQuantity() != null && r.quantity() != null) {
      checks.that(
          r.disclosedQuantity() >= 0 && r.disclosedQuantity() <= r.quantity(),
          "disclosedQuantity",
          "must be between 0 and the quantity");
    }
    checks.orThrow();
  }

  private static void positive(FieldChecks checks, String field, BigDecimal value, String message) {
    checks.that(value != null && value.signum() > 0, field, message);
  }

  private static boolean absentOrZero(BigDecimal value) {
    return value == null || value.signum() == 0;
  }
}
