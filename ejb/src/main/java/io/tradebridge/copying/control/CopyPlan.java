package io.tradebridge.copying.control;

import io.tradebridge.copying.entity.CopyAction;
import io.tradebridge.copying.entity.CopyRule;
import io.tradebridge.orders.entity.AccountShare;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a rule asks for one master order, given what its children already have: the copier's
 * decisions, without a server. It compares what is with what should be, so asking again after a
 * restart (or twice) asks for nothing already done:
 *
 * <ul>
 *   <li>a child with no PLACE line in the log gets the master's order (if the rule copies places,
 *       the order was placed in the active window and it still stands), in pieces at most the
 *       freeze quantity, or a SKIPPED line saying why not;
 *   <li>a copy still working while its master works is changed to the master's type, price, trigger
 *       and (unsplit) size, if the rule copies changes;
 *   <li>a copy still working when its master was cancelled or refused is cancelled, if the rule
 *       copies cancels.
 * </ul>
 *
 * A bracket or cover order's legs are not copied: each child's broker makes its own copy's legs.
 */
public final class CopyPlan {

  /** A child's instrument sizes: its lot and the exchange's freeze quantity (0: none). */
  public record Lots(int lotSize, int freezeQuantity) {}

  private CopyPlan() {}

  /**
   * @param copies the orders already copied from {@code master}, on any child
   * @param placedFor the children (any case) with a PLACE line for {@code master} in the log
   * @param lots a child's sizes for the master's instrument, asked only when a copy is to be sized
   */
  public static List<CopyStep> steps(
      CopyRule rule,
      Order master,
      List<Order> copies,
      Set<String> placedFor,
      Function<String, Lots> lots) {
    List<CopyStep> steps = new ArrayList<>();
    if (master.parentOrderId() != null || master.createdAt().isBefore(rule.createdAt())) {
      return steps;
    }
    for (AccountShare child : rule.children()) {
      String name = child.account();
      if (!placedFor.contains(key(name))) {
        place(rule, master, child, lots).ifPresent(steps::add);
        continue;
      }
      List<Order> mine =
          copies.stream().filter(o -> key(o.pseudoAccount()).equals(key(name))).toList();
      boolean masterEnded =
          master.status() == OrderStatus.CANCELLED || master.status() == OrderStatus.REJECTED;
      for (Order copy : mine) {
        if (!copy.isWorking()) {
          continue;
        }
        if (masterEnded && rule.copyCancel()) {
          steps.add(new CopyStep.Cancel(name, copy.id()));
        } else if (master.isWorking() && rule.copyModify()) {
          Integer quantity =
              mine.size() == 1
                  ? CopySize.of(master.quantity(), child.multiplier(), lotOf(lots, name))
                  : null;
          modify(name, copy, master, quantity).ifPresent(steps::add);
        }
      }
    }
    return steps;
  }

  private static Optional<CopyStep> place(
      CopyRule rule, Order master, AccountShare child, Function<String, Lots> lots) {
    String name = child.account();
    if (!rule.copyPlace()) {
      return Optional.empty();
    }
    CopyWindow window = CopyWindow.of(rule.activeFrom(), rule.activeTo());
    if (!window.contains(master.createdAt())) {
      return skip(name, "placed outside the rule's active window " + window);
    }
    if (master.status() == OrderStatus.REJECTED) {
      return skip(name, "the master order was rejected; nothing to copy");
    }
    if (master.status() == OrderStatus.CANCELLED && master.filledQuantity() == 0) {
      return skip(name, "the master order was cancelled before it could be copied");
    }
    Lots sizes = lots.apply(name);
    int quantity = CopySize.of(master.quantity(), child.multiplier(), sizes.lotSize());
    if (quantity == 0) {
      return skip(
          name,
          master.quantity()
              + " × "
              + child.multiplier().stripTrailingZeros().toPlainString()
              + " is less than one lot of "
              + Math.max(1, sizes.lotSize()));
    }
    try {
      return Optional.of(
          new CopyStep.Place(
              name, CopySize.pieces(quantity, sizes.lotSize(), sizes.freezeQuantity())));
    } catch (IllegalArgumentException tooMany) {
      return skip(name, tooMany.getMessage());
    }
  }

  private static Optional<CopyStep> skip(String child, String why) {
    return Optional.of(new CopyStep.Skip(child, CopyAction.PLACE, why));
  }

  private static Optional<CopyStep> modify(String child, Order copy, Order master, Integer wanted) {
    boolean type = copy.orderType() != master.orderType();
    boolean price = !same(copy.price(), master.price());
    boolean trigger = !same(copy.triggerPrice(), master.triggerPrice());
    boolean size = wanted != null && wanted > 0 && wanted != copy.quantity();
    if (!type && !price && !trigger && !size) {
      return Optional.empty();
    }
    return Optional.of(
        new CopyStep.Modify(
            child,
            copy.id(),
            type ? master.orderType() : null,
            size ? wanted : null,
            price ? master.price() : null,
            trigger ? master.triggerPrice() : null));
  }

  private static int lotOf(Function<String, Lots> lots, String child) {
    return lots.apply(child).lotSize();
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
  }

  static String key(String account) {
    return account.strip().toUpperCase(Locale.ROOT);
  }
}
