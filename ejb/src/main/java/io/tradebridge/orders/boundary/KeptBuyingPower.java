package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.control.AccountChanges;
import io.tradebridge.common.control.AfterCompletion;
import io.tradebridge.common.control.EmbeddedDatabase;
import io.tradebridge.orders.control.BuyingPower;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's buying power as the last batch of the order desk left it, so that the next batch
 * reads nothing before it writes. Reading it again meant summing every resting order of the account
 * — with a few hundred resting orders per trader, half of the desk's time.
 *
 * <p>A kept figure is used only while nothing else has written to the account: it carries the
 * account's {@link AccountChanges} counter as the batch left it (read after the batch's own writes
 * were flushed, under the batch's lock on the account), and the next batch compares it after taking
 * the same lock. A cancel, a modify, a fill by the paper exchange, a changed account — each moves
 * the counter while it holds the account, so a batch after it always reads the database. This rests
 * on every writer of an account's orders locking the account first (PaperBroker.work, Orders.owned,
 * the desk), which they already do to avoid deadlocks: no one can move the counter in the middle of
 * a batch. Nothing is kept when the batch rolls back, for another trading day, or while part of the
 * margin is priced at the market. Only over embedded Derby: another server sharing the database
 * could change the account unseen.
 */
@ApplicationScoped
public class KeptBuyingPower {

  /** Far above the accounts one server trades for; a bound so nothing grows without end. */
  static final int MAX_ACCOUNTS = 50_000;

  @Inject AccountChanges changes;
  @Inject EmbeddedDatabase database;
  @Resource TransactionSynchronizationRegistry transactions;

  private record Kept(long version, long tradingDay, BuyingPower power) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  /**
   * A copy of the account's kept buying power, if nothing has touched the account since it was
   * kept.
   */
  Optional<BuyingPower> take(String accountId, long tradingDay) {
    Kept k = kept.get(accountId);
    if (k == null || k.tradingDay() != tradingDay || k.version() != changes.version(accountId)) {
      return Optional.empty();
    }
    return Optional.of(k.power().copy());
  }

  /**
   * Keeps the batch's figures once its transaction commits. Call after the batch's writes are
   * flushed and while it still holds its accounts' locks, so the counters read here include its own
   * writes.
   */
  void keepOnCommit(Map<String, BuyingPower> power, long tradingDay) {
    if (power.isEmpty() || !database.isEmbedded()) {
      return;
    }
    Map<String, Kept> candidates = new HashMap<>();
    power.forEach(
        (accountId, p) -> {
          if (!p.isPricedAtMarket()) {
            candidates.put(accountId, new Kept(changes.version(accountId), tradingDay, p.copy()));
          }
        });
    AfterCompletion.register(
        transactions,
        status -> {
          if (status == Status.STATUS_COMMITTED) {
            if (kept.size() + candidates.size() > MAX_ACCOUNTS) {
              kept.clear();
            }
            kept.putAll(candidates);
          } else {
            candidates.keySet().forEach(kept::remove);
          }
        });
  }
}
