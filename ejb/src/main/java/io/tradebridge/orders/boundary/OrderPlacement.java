package io.tradebridge.orders.boundary;

import jakarta.persistence.LockModeType;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.control.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.apikeys.boundary.KeyCaller;
import io.tradebridge.apikeys.control.KeyEnvironment;
import io.tradebridge.apikeys.control.OrderMode;
import io.tradebridge.brokers.boundary.Brokers;
import io.tradebridge.brokers.boundary.PaperExchange;
import io.tradebridge.brokers.control.Instrument;
import io.tradebridge.brokers.control.Quote;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.control.RequestFingerprint;
import io.tradebridge.orders.control.OrderType;
import io.tradebridge.orders.control.RiskCheck;
import io.tradebridge.orders.control.Side;
import io.tradebridge.orders.control.Validity;
import io.tradebridge.orders.control.Variety;
import io.tradebridge.orders.entity.IdempotencyRecord;
import io.tradebridge.orders.entity.Order;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * How an order travels (DESIGN.md): idempotency first, then the account, the instrument and the
 * risk checks, then the broker — all in one transaction with the idempotency record, so an order
 * and the record of its client order id are committed together or not at all.
 */
@Stateless
public class OrderPlacement {

  @PersistenceContext EntityManager em;
  @Inject TradingAccounts accounts;
  @Inject PaperExchange exchange;
  @Inject Brokers brokers;
  @Inject Portfolio portfolio;
  @Inject ActionCenter actionCenter;
  @Inject Clock clock;
  @Inject OrderMetrics metrics;

  /**
   * @param key the API key placing the order, or null for a person's session
   * @param idempotencyKey the Idempotency-Key header, if sent
   */
  public Placed place(String userId, KeyCaller key, OrderRequest request, String idempotencyKey) {
    long started = System.nanoTime();
    try {
      Placed placed = placeOnce(userId, key, request, idempotencyKey);
      metrics.placed(placed);
      return placed;
    } catch (TradebridgeException e) {
      metrics.refused(e.code());
      throw e;
    } finally {
      metrics.took(System.nanoTime() - started);
    }
  }

  private Placed placeOnce(String userId, KeyCaller key, OrderRequest request, String idempotencyKey) {
    OrderChecks.check(request);
    String clientId = clientIdOf(request, idempotencyKey);
    IdempotencyRecord record = null;
    if (clientId != null) {
      String fingerprint = RequestFingerprint.of(request);
      IdempotencyRecord earlier = em.find(IdempotencyRecord.class, IdempotencyRecord.idOf(userId, clientId));
      if (earlier != null) {
        if (!earlier.fingerprint().equals(fingerprint)) {
          throw TradebridgeException.conflict("client order id '" + clientId + "' was already used for a different order");
        }
        return earlier.actionId() != null ? Placed.held(earlier.actionId(), true)
            : Placed.placed(OrderView.of(em.find(Order.class, earlier.orderId())), true);
      }
      record = new IdempotencyRecord(userId, clientId, fingerprint, clock.instant());
      em.persist(record);
      try {
        em.flush();
      } catch (PersistenceException raced) {
        throw TradebridgeException.conflict("an order with client order id '" + clientId
            + "' is being placed by another request right now; send it again to get its answer");
      }
    }

    return placeChecked(userId, key, request, clientId, record);
  }

  /** An order a person approved in the action center: placed with the checks of now, as a person's order. */
  public Placed placeApproved(String userId, OrderRequest request) {
    OrderChecks.check(request);
    return placeChecked(userId, null, request, request.clientOrderId(), null);
  }

  private Placed placeChecked(String userId, KeyCaller key, OrderRequest request, String clientId,
      IdempotencyRecord record) {
    TradingAccount account = accounts.byPseudoAccount(userId, request.account());
    // One order at a time per account: the buying-power check and the fills it leads to see a settled account.
    em.lock(account, LockModeType.PESSIMISTIC_WRITE);
    if (!account.isLive()) {
      throw TradebridgeException.orderRejected("account " + account.pseudoAccount() + " is not live; turn it on to trade");
    }
    if (key != null && key.environment() == KeyEnvironment.TEST && account.broker() != BrokerName.PAPER) {
      throw TradebridgeException.forbidden("a tb_test_ key trades only on paper accounts");
    }
    Variety variety = request.variety() == null ? Variety.REGULAR : request.variety();
    if (variety != Variety.REGULAR && request.orderType() != OrderType.MARKET && request.orderType() != OrderType.LIMIT) {
      throw TradebridgeException.validation("orderType", "must be MARKET or LIMIT for the entry of a " + variety + " order");
    }
    Instrument instrument = exchange.instrument(request.exchange().name(), request.symbol())
        .orElseThrow(() -> TradebridgeException.orderRejected("unknown instrument " + request.exchange() + ":"
            + request.symbol() + "; GET /api/v1/instruments lists what can be traded"));
    Quote quote = exchange.quote(instrument).orElseThrow();
    BigDecimal price = nonZero(request.price());
    BigDecimal trigger = nonZero(request.triggerPrice());
    RiskCheck.check(instrument, quote, request.side(), request.quantity(), price, trigger,
        account.maxOrderQuantity(), account.maxOrderValue());
    if (variety == Variety.CO) {
      // The cover's stop must sit on the losing side of the entry, or it would fire at once.
      BigDecimal entry = RiskCheck.referencePrice(request.side(), price, quote);
      boolean protective = request.side() == Side.BUY ? trigger.compareTo(entry) < 0 : trigger.compareTo(entry) > 0;
      if (!protective) {
        throw TradebridgeException.orderRejected("the cover order's triggerPrice " + trigger.toPlainString() + " must be "
            + (request.side() == Side.BUY ? "below" : "above") + " the entry price " + entry.toPlainString());
      }
    }
    BigDecimal reference = RiskCheck.referencePrice(request.side(), price == null ? trigger : price, quote);
    portfolio.checkBuyingPower(userId, account, instrument, request.productType(), request.side(), request.quantity(), reference);

    if (key != null && key.orderMode() == OrderMode.SEMI_AUTO) {
      // Checked like any order, so a bad one fails now, but nothing reaches the broker until a person approves.
      String actionId = actionCenter.hold(userId, key.keyId(), request).id();
      if (record != null) {
        record.answered(202, null, actionId);
      }
      return Placed.held(actionId, false);
    }
    Order order = new Order(Ids.newId(), userId, account.id(), account.pseudoAccount(), key == null ? null : key.keyId(),
        clientId, instrument.exchange(), instrument.symbol(), request.side(), request.quantity(), request.orderType(),
        request.productType(), price, trigger, variety, request.validity() == null ? Validity.DAY : request.validity(),
        request.strategy(), request.comments(), clock.instant());
    if (variety != Variety.REGULAR) {
      order.bracket(nonZero(request.target()), nonZero(request.stoploss()), nonZero(request.trailingStoploss()));
    }
    em.persist(order);
    brokers.of(account).place(order);
    if (record != null) {
      record.answered(201, order.id(), null);
    }
    return Placed.placed(OrderView.of(order), false);
  }


  private static String clientIdOf(OrderRequest request, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return request.clientOrderId();
    }
    new FieldChecks().matches("Idempotency-Key", idempotencyKey, OrderChecks.CLIENT_ORDER_ID,
        "must be 1-64 of A-Z a-z 0-9 . _ : -").orThrow();
    if (request.clientOrderId() != null && !request.clientOrderId().equals(idempotencyKey)) {
      throw TradebridgeException.validation("clientOrderId", "differs from the Idempotency-Key header; send one or make them equal");
    }
    return idempotencyKey;
  }

  private static BigDecimal nonZero(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value;
  }

}
