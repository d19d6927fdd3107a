package io.tradebridge.accounts.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * On {@code Order}, {@code PositionTotals} and {@code TradingAccount}: every insert, update or delete
 * moves the account's counter in {@link AccountChanges}. JPA calls these when the statement is
 * flushed, which is inside the transaction and before its commit releases the account's rows.
 * Listening on the entities means no new way of changing an order can forget to count.
 */
public class AccountChangeListener {

  /** The account a written entity belongs to; each entity names it by its own accessor. */
  public interface OfAccount {
    String changedAccountId();
  }

  private static volatile AccountChanges changes;

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object entity) {
    if (entity instanceof OfAccount owned) {
      changes().changed(owned.changedAccountId());
    }
  }

  private static AccountChanges changes() {
    AccountChanges known = changes;
    if (known == null) {
      // The application-scoped proxy: looked up once, not on each of a batch's hundreds of writes.
      known = CDI.current().select(AccountChanges.class).get();
      changes = known;
    }
    return known;
  }
}
