package io.tradebridge.brokers.boundary;

import io.tradebridge.brokers.control.RestingReach;
import io.tradebridge.common.control.LookedUp;
import io.tradebridge.orders.entity.Order;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

/**
 * On {@code Order}: tells the {@link RestingBook} of every working order placed or changed (a new
 * price, a trigger touched), when the statement is flushed. Listening on the entity means no new
 * way of placing or changing an order can forget to tell the paper clock.
 */
public class RestingOrderListener {

  private static final LookedUp<RestingBook> BOOK = new LookedUp<>(RestingBook.class);

  @PostPersist
  @PostUpdate
  void written(Order order) {
    if (order.isWorking() && order.onPaper()) {
      BOOK.get()
          .written(
              new RestingReach.Resting(
                  order.exchange(),
                  order.symbol(),
                  order.side(),
                  order.orderType(),
                  order.price(),
                  order.triggerPrice(),
                  order.triggered(),
                  order.trailingStoploss() != null));
    }
  }
}
