package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.EmbeddedDatabase;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.InList;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.FuturesCalendar;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.control.AccountAdmission;
import io.tradebridge.orders.control.BuyingPower;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.control.RequestFingerprint;
import io.tradebridge.orders.control.RiskCheck;
import io.tradebridge.orders.entity.IdempotencyRecord;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How orders travel (DESIGN.md) once they reach the order desk: idempotency, the account, the
 * instrument and the risk checks, then the broker — for a whole batch in one transaction, so that
 * hundreds of orders share one lock per account, one read of its buying power and one durable
 * commit. Each order still gets its own answer: checks come before any write, and a refusal is
 * returned as that order's outcome rather than thrown, so it never rolls back its neighbours.
 */
@Stateless
public class OrderPlacer {

  /** The idempotency record's status for an order refused by the paper exchange and kept. */
  private static final int REFUSED_AND_KEPT = 422;

  @PersistenceContext EntityManager em;
  @Inject Brokers brokers;
  @Inject Portfolio portfolio;
  @Inject ActionCenter actionCenter;
  @Inject KeptBuyingPower keptPower;
  @Inject Clock clock;
  @Inject EmbeddedDatabase database;

  private record AccountRef(String userId, String pseudoKey) {
    static AccountRef of(Attempt a) {
      return new AccountRef(a.userId(), TradingAccount.keyOf(a.request().account()));
    }
  }

  /**
   * What one batch has learnt so far: earlier answers, locked accounts, buying power as it moves.
   */
  private static final class Sitting {
    final Map<String, IdempotencyRecord> records = new HashMap<>();
    final Map<AccountRef, TradingAccount> accounts = new HashMap<>();
    final Map<String, BuyingPower> power = new HashMap<>();
    long tradingDay;
  }

  /**
   * Places every attempt in the caller's transaction, in order; one outcome per attempt, same
   * order. The requests have passed {@link OrderChecks} on the way in (on the request's thread),
   * not again here.
   */
  public List<Outcome> placeAll(List<Attempt> attempts) {
    Sitting sitting = new Sitting();
    readEarlierAnswers(attempts, sitting);
    lockAccounts(attempts, sitting);
    List<Outcome> outcomes = new ArrayList<>(attempts.size());
    for (Attempt attempt : attempts) {
      try {
        outcomes.add(Outcome.of(place(attempt, sitting)));
      } catch (TradebridgeException refused) {
        outcomes.add(Outcome.refused(refused));
      }
    }
    // The batch's own writes count on its accounts now, while it holds them; the figures they left
    // are kept for the next batch once this one commits.
    em.flush();
    keptPower.keepOnCommit(sitting.power, sitting.tradingDay);
    return outcomes;
  }

  /**
   * An order a person approved in the action center: placed with the checks of now, as a person's
   * order, in the approval's transaction. Thrown when refused, so the approval rolls back and the
   * action stays pending. A remote broker's order is PENDING, sent once that transaction commits.
   */
  public Placed placeApproved(String userId, OrderRequest request, Priced priced) {
    OrderChecks.check(request);
    // An approved order is a person's, never held again.
    return placeAll(List.of(Attempt.approved(userId, request).pricedAt(priced))).get(0).orThrow();
  }

  private Placed place(Attempt attempt, Sitting sitting) {
    OrderRequest request = attempt.request();
    IdempotencyRecord record = null;
    if (attempt.clientId() != null && !attempt.approved()) {
      String fingerprint = RequestFingerprint.of(request);
      IdempotencyRecord earlier =
          sitting.records.get(IdempotencyRecord.idOf(attempt.userId(), attempt.clientId()));
      if (earlier != null) {
        if (!earlier.fingerprint().equals(fingerprint)) {
          throw TradebridgeException.conflict(
              "client order id '"
                  + attempt.clientId()
                  + "' was already used for a different order");
        }
        if (earlier.actionId() != null) {
          return Placed.held(earlier.actionId(), true);
        }
        Order first = em.find(Order.class, earlier.orderId());
        if (earlier.status() == REFUSED_AND_KEPT) {
          // The first answer was the paper exchange's refusal: the same answer again.
          throw TradebridgeException.orderRejected(first.statusMessage());
        }
        return Placed.placed(OrderView.of(first), true);
      }
      record =
          new IdempotencyRecord(attempt.userId(), attempt.clientId(), fingerprint, clock.instant());
    }
    TradingAccount account = sitting.accounts.get(AccountRef.of(attempt));
    if (account == null) {
      throw TradebridgeException.notFound("pseudo account '" + request.account() + "'");
    }
    KeyCaller key = attempt.key();
    AccountAdmission.check(account, key == null ? null : key.environment());
    Variety variety = request.variety() == null ? Variety.REGULAR : request.variety();
    Broker broker = brokers.of(account);
    Priced priced = attempt.priced();
    Instrument instrument =
        priced != null
            ? priced.instrument()
            : broker
                .instrument(account, request.exchange().name(), request.symbol())
                .orElseThrow(() -> unknownInstrument(request));
    Quote quote =
        priced != null
            ? priced.quote()
            : broker
                .quote(account, instrument)
                .orElseThrow(
                    () ->
                        TradebridgeException.orderRejected(
                            "no price for " + instrument.exchange() + ":" + instrument.symbol()));
    broker.check(request);
    if (!brokers.remote(account)) {
      refuseExpired(instrument);
    }
    BigDecimal price = nonZero(request.price());
    BigDecimal trigger = nonZero(request.triggerPrice());
    RiskCheck.check(
        instrument,
        quote,
        request.side(),
        request.quantity(),
        price,
        trigger,
        account.maxOrderQuantity(),
        account.maxOrderValue());
    if (variety == Variety.CO) {
      RiskCheck.checkCoverStop(
          request.side(), trigger, RiskCheck.referencePrice(request.side(), price, quote));
    }
    BigDecimal reference =
        RiskCheck.referencePrice(request.side(), price == null ? trigger : price, quote);
    BuyingPower.Position position =
        new BuyingPower.Position(instrument.exchange(), instrument.symbol(), request.productType());
    // A remote broker holds the money and checks the margin itself (Kite refuses with its
    // MarginException, passed on in its own words); our capital figure is the paper exchange's.
    BuyingPower power =
        brokers.remote(account)
            ? null
            : sitting.power.computeIfAbsent(account.id(), id -> portfolio.buyingPower(account));
    boolean held = key != null && key.orderMode() == OrderMode.SEMI_AUTO;
    if (power != null) {
      try {
        power.check(position, request.side(), request.quantity(), reference);
      } catch (TradebridgeException refused) {
        if (!held) {
          // The paper exchange's margin check is its broker's: like an order Kite refuses for
          // margin, the refused order stands in the book with the reason, once.
          Order order = newOrder(attempt, account, instrument, price, trigger, variety);
          order.reject(refused.detail(), clock.instant());
          em.persist(order);
          remember(record, REFUSED_AND_KEPT, order.id(), null, sitting);
        }
        throw refused;
      }
    }

    // Every check passed: from here on the attempt writes, and nothing below refuses it.
    if (held) {
      // Checked like any order, so a bad one fails now, but nothing reaches the broker until a
      // person approves.
      String actionId = actionCenter.hold(attempt.userId(), key.keyId(), request).id();
      remember(record, 202, null, actionId, sitting);
      return Placed.held(actionId, false);
    }
    Order order = newOrder(attempt, account, instrument, price, trigger, variety);
    em.persist(order);
    broker.place(order);
    remember(record, 201, order.id(), null, sitting);
    if (power != null) {
      follow(order, position, reference, power, sitting);
    }
    return Placed.placed(OrderView.of(order), false);
  }

  /**
   * A paper contract past its last trading day is not traded (a remote broker no longer lists it).
   */
  private void refuseExpired(Instrument instrument) {
    java.time.LocalDate today = clock.instant().atZone(INDIA).toLocalDate();
    if (instrument.expiredOn(today)) {
      throw TradebridgeException.orderRejected(
          instrument.symbol()
              + " expired on "
              + instrument.expiry()
              + "; GET /api/v1/instruments?exchange="
              + instrument.exchange()
              + " lists the contracts trading now");
    }
  }

  /** An instrument not listed: a contract that has expired says so. */
  private TradebridgeException unknownInstrument(OrderRequest request) {
    java.time.LocalDate today = clock.instant().atZone(INDIA).toLocalDate();
    return FuturesCalendar.expiryInSymbol(request.symbol())
        .filter(today::isAfter)
        .map(
            expiry ->
                TradebridgeException.orderRejected(
                    request.symbol()
                        + " expired on "
                        + expiry
                        + "; GET /api/v1/instruments?exchange="
                        + request.exchange()
                        + " lists the contracts trading now"))
        .orElseGet(
            () ->
                TradebridgeException.orderRejected(
                    "unknown instrument "
                        + request.exchange()
                        + ":"
                        + request.symbol()
                        + "; GET /api/v1/instruments lists what can be traded"));
  }

  private static final java.time.ZoneId INDIA = java.time.ZoneId.of("Asia/Kolkata");

  private Order newOrder(
      Attempt attempt,
      TradingAccount account,
      Instrument instrument,
      BigDecimal price,
      BigDecimal trigger,
      Variety variety) {
    OrderRequest request = attempt.request();
    KeyCaller key = attempt.key();
    Order order =
        new Order(
            Ids.newId(),
            attempt.userId(),
            account.id(),
            account.pseudoAccount(),
            key == null ? null : key.keyId(),
            attempt.clientId(),
            instrument.exchange(),
            instrument.symbol(),
            request.side(),
            request.quantity(),
            request.orderType(),
            request.productType(),
            price,
            trigger,
            variety,
            request.validity() == null ? Validity.DAY : request.validity(),
            request.strategy(),
            request.comments(),
            clock.instant());
    order.cameFrom(attempt.lineage());
    if (variety != Variety.REGULAR) {
      order.bracket(
          nonZero(request.target()),
          nonZero(request.stoploss()),
          nonZero(request.trailingStoploss()));
    }
    return order;
  }

  /**
   * Moves the batch's buying power as the broker moved the account: fills, and what still rests.
   */
  private static void follow(
      Order order,
      BuyingPower.Position position,
      BigDecimal reference,
      BuyingPower power,
      Sitting sitting) {
    if (order.variety() != Variety.REGULAR) {
      // Bracket and cover legs block and release margin in ways only a fresh read tells exactly.
      sitting.power.remove(order.accountId());
      return;
    }
    if (order.filledQuantity() > 0) {
      power.filled(position, order.side(), order.filledQuantity(), order.averagePrice());
    }
    if (order.isWorking()) {
      power.resting(
          position,
          order.side(),
          order.quantity() - order.filledQuantity(),
          order.price() == null ? reference : order.price());
      if (order.price() == null) {
        power.pricedAtMarket();
      }
    }
  }

  private void remember(
      IdempotencyRecord record, int status, String orderId, String actionId, Sitting sitting) {
    if (record != null) {
      record.answered(status, orderId, actionId);
      em.persist(record);
      sitting.records.put(record.id(), record);
    }
  }

  /**
   * One primary-key lookup per client order id. Not one {@code IN} query: Derby keeps the plan it
   * chose while the table was small — a scan comparing every stored id against every value of the
   * list — and in the submit benchmark that scan was 80% of the desk's time by the third 10,000-row
   * workbook.
   */
  private void readEarlierAnswers(List<Attempt> attempts, Sitting sitting) {
    attempts.stream()
        .filter(a -> a.clientId() != null && !a.approved())
        .map(a -> IdempotencyRecord.idOf(a.userId(), a.clientId()))
        .distinct()
        .map(id -> em.find(IdempotencyRecord.class, id))
        .filter(Objects::nonNull)
        .forEach(r -> sitting.records.put(r.id(), r));
  }

  /**
   * Finds the attempts' accounts and locks them, then reads their buying power: a handful of
   * statements however many accounts the batch names. One order at a time per account: the
   * buying-power check and the fills it leads to see a settled account.
   */
  private void lockAccounts(List<Attempt> attempts, Sitting sitting) {
    Set<AccountRef> wanted = new HashSet<>();
    for (Attempt a : attempts) {
      if (a.request() != null && a.request().account() != null) {
        wanted.add(AccountRef.of(a));
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    List<String> users = wanted.stream().map(AccountRef::userId).distinct().toList();
    List<String> keys = wanted.stream().map(AccountRef::pseudoKey).distinct().toList();
    // Found and locked in one statement. Where several users name different accounts, the lists'
    // cross product may lock a few accounts nobody named; harmless. Over a shared database each
    // server has its own desk, so two desks lock several accounts at once: in id order, so that
    // their lock orders never cross (a deadlock would cost both batches a retry order by order).
    // Derby refuses FOR UPDATE on an ordered query, but on Derby there is only one desk.
    String lockOrder = database.isDerby() ? "" : " ORDER BY a.id";
    for (List<String> someUsers : InList.slices(users)) {
      for (List<String> someKeys : InList.slices(keys)) {
        for (TradingAccount account :
            em.createQuery(
                    "SELECT a FROM TradingAccount a WHERE a.userId IN :users"
                        + " AND a.pseudoKey IN :keys"
                        + lockOrder,
                    TradingAccount.class)
                .setParameter("users", someUsers)
                .setParameter("keys", someKeys)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
          AccountRef ref =
              new AccountRef(account.userId(), TradingAccount.keyOf(account.pseudoAccount()));
          if (wanted.contains(ref)) {
            sitting.accounts.put(ref, account);
          }
        }
      }
    }
    if (sitting.accounts.isEmpty()) {
      return;
    }
    // Locked: a kept figure is still right only if no other writer has counted on the account
    // since.
    sitting.tradingDay = portfolio.today();
    List<TradingAccount> unknown = new ArrayList<>();
    for (TradingAccount account : sitting.accounts.values()) {
      if (brokers.remote(account)) {
        continue; // the broker checks the margin; nothing of ours to read or keep
      }
      keptPower
          .take(account.id(), sitting.tradingDay)
          .ifPresentOrElse(p -> sitting.power.put(account.id(), p), () -> unknown.add(account));
    }
    sitting.power.putAll(portfolio.buyingPower(unknown));
    portfolio.loadTodaysTotals(sitting.accounts.values());
  }

  private static BigDecimal nonZero(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value;
  }
}
