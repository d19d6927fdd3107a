package io.tradebridge.accounts.control;

import io.tradebridge.accounts.entity.OfAccount;
import io.tradebridge.common.control.LookedUp;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * On {@code Order}, {@code PositionTotals} and {@code TradingAccount}: every insert, update or
 * delete moves the account's counter in {@link AccountChanges}. JPA calls these when the statement
 * is flushed, which is inside the transaction and before its commit releases the account's rows.
 * Listening on the entities means no new way of changing an order can forget to count.
 */
public class AccountChangeListener {

  private static final LookedUp<AccountChanges> CHANGES = new LookedUp<>(AccountChanges.class);

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object entity) {
    if (entity instanceof OfAccount owned) {
      CHANGES.get().changed(owned.changedAccountId());
    }
  }
}
