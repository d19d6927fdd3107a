package io.tradebridge.orders.entity;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.OfAccount;
import io.tradebridge.common.control.TradebridgeException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An order and its life: fills move it from OPEN (or TRIGGER_PENDING) to COMPLETE; cancel ends it.
 */
@Entity
@Table(
    name = "TB_ORDER",
    indexes = {
      @Index(name = "IX_ORDER_USER", columnList = "USERID, CREATEDAT"),
      @Index(name = "IX_ORDER_STATUS", columnList = "STATUS"),
      @Index(name = "IX_ORDER_BROKER_ID", columnList = "BROKERORDERID"),
      @Index(name = "IX_ORDER_COPIED_FROM", columnList = "COPIEDFROM"),
      @Index(name = "IX_ORDER_ACCOUNT_UPDATED", columnList = "ACCOUNTID, UPDATEDAT"),
      // Margin checks read one account's working orders; without this index Derby scans the whole
      // table
      // and waits on every other trader's uncommitted order. It holds every column
      // BLOCKED_IN_ACCOUNTS
      // reads, in its GROUP BY order, so that query never visits the table: with a few hundred
      // resting
      // orders per account, those row visits were 40% of the order desk's time.
      @Index(
          name = "IX_ORDER_ACCOUNT_MARGIN",
          columnList =
              "ACCOUNTID, STATUS, EXCHANGE, SYMBOL, SIDE, PRODUCTTYPE, QUANTITY, FILLEDQUANTITY, PRICE")
    })
@NamedQuery(
    name = Order.WORKING,
    query = "SELECT o FROM Order o WHERE o.status IN :statuses ORDER BY o.createdAt")
@NamedQuery(
    name = Order.BLOCKED_IN_ACCOUNTS,
    query =
        "SELECT o.accountId, o.exchange, o.symbol, o.side, o.productType,"
            + " SUM((o.quantity - o.filledQuantity) * o.price),"
            + " SUM(CASE WHEN o.price IS NULL THEN o.quantity - o.filledQuantity ELSE 0 END),"
            + " SUM(o.quantity - o.filledQuantity)"
            + " FROM Order o WHERE o.accountId IN :accountIds AND o.status = :status"
            + " GROUP BY o.accountId, o.exchange, o.symbol, o.side, o.productType")
@NamedQuery(
    name = Order.CHILDREN,
    query = "SELECT o FROM Order o WHERE o.parentOrderId = :parentId")
@NamedQuery(
    name = Order.BY_BROKER_ORDER_ID,
    query = "SELECT o FROM Order o WHERE o.broker = :broker AND o.brokerOrderId = :brokerOrderId")
@NamedQuery(
    name = Order.COPIES_OF,
    query = "SELECT o FROM Order o WHERE o.copiedFrom IN :masterIds")
@NamedQuery(
    name = Order.CHANGED_IN_ACCOUNTS,
    query =
        "SELECT o FROM Order o WHERE o.accountId IN :accountIds AND o.updatedAt >= :since"
            + " ORDER BY o.createdAt")
@NamedQuery(
    name = Order.BY_USER,
    query = "SELECT o FROM Order o WHERE o.userId = :userId ORDER BY o.createdAt DESC")
public class Order implements OfAccount {

  public static final String WORKING = "Order.working";
  public static final String BY_USER = "Order.byUser";
  public static final String COPIES_OF = "Order.copiesOf";
  public static final String CHANGED_IN_ACCOUNTS = "Order.changedInAccounts";
  public static final String BY_BROKER_ORDER_ID = "Order.byBrokerOrderId";
  public static final String CHILDREN = "Order.children";
  public static final String BLOCKED_IN_ACCOUNTS = "Order.blockedInAccounts";
  public static final Set<OrderStatus> WORKING_STATUSES =
      EnumSet.of(OrderStatus.PENDING, OrderStatus.OPEN, OrderStatus.TRIGGER_PENDING);

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(name = "ACCOUNTID", nullable = false, length = 36)
  private String accountId;

  @Column(nullable = false, length = 32)
  private String pseudoAccount;

  @Column(length = 36)
  private String keyId;

  @Column(length = 64)
  private String clientOrderId;

  @Column(nullable = false, length = 8)
  private String exchange;

  @Column(nullable = false, length = 64)
  private String symbol;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Side side;

  private int quantity;
  private int filledQuantity;

  @Column(precision = 19, scale = 4)
  private BigDecimal averagePrice = BigDecimal.ZERO;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OrderType orderType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ProductType productType;

  @Column(precision = 19, scale = 2)
  private BigDecimal price;

  @Column(precision = 19, scale = 2)
  private BigDecimal triggerPrice;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Variety variety;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Validity validity;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private OrderStatus status;

  @Column(length = 255)
  private String statusMessage;

  @Column(length = 36)
  private String parentOrderId;

  private boolean triggered;

  /** Bracket/cover distances from the entry price, and the trailing step of the stop-loss leg. */
  @Column(precision = 19, scale = 2)
  private BigDecimal target;

  @Column(precision = 19, scale = 2)
  private BigDecimal stoploss;

  @Column(precision = 19, scale = 2)
  private BigDecimal trailingStoploss;

  /** For a trailing stop leg: the best price seen since the stop last moved. */
  @Column(precision = 19, scale = 2)
  private BigDecimal trailAnchor;

  private boolean legsCreated;

  @Column(length = 64)
  private String strategy;

  @Column(length = 255)
  private String comments;

  @Column(name = "CREATEDAT", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  /** The remote broker the order went to; null for the paper exchange (and every older order). */
  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private BrokerName broker;

  /** The broker's own id for the order, once it has answered. */
  @Column(length = 64)
  private String brokerOrderId;

  /** A group order's member: the group's name and the group order's id (API.md, Orders). */
  @Column(name = "GROUPNAME", length = 32)
  private String groupName;

  @Column(length = 36)
  private String groupOrderId;

  /** A copy-trading copy: the master order it copies. */
  @Column(length = 36)
  private String copiedFrom;

  @Version private long version;

  protected Order() {}

  public Order(
      String id,
      String userId,
      String accountId,
      String pseudoAccount,
      String keyId,
      String clientOrderId,
      String exchange,
      String symbol,
      Side side,
      int quantity,
      OrderType orderType,
      ProductType productType,
      BigDecimal price,
      BigDecimal triggerPrice,
      Variety variety,
      Validity validity,
      String strategy,
      String comments,
      Instant now) {
    this.id = id;
    this.userId = userId;
    this.accountId = accountId;
    this.pseudoAccount = pseudoAccount;
    this.keyId = keyId;
    this.clientOrderId = clientOrderId;
    this.exchange = exchange;
    this.symbol = symbol;
    this.side = side;
    this.quantity = quantity;
    this.orderType = orderType;
    this.productType = productType;
    this.price = price;
    this.triggerPrice = triggerPrice;
    this.variety = variety;
    this.validity = validity;
    this.strategy = strategy;
    this.comments = comments;
    this.createdAt = now;
    this.updatedAt = now;
    this.status = isStop() ? OrderStatus.TRIGGER_PENDING : OrderStatus.OPEN;
  }

  /**
   * Written for a remote broker and not yet answered: PENDING, counted against buying power, until
   * the broker's word is recorded.
   */
  public void awaitingBroker(BrokerName broker, Instant now) {
    this.broker = broker;
    this.status = OrderStatus.PENDING;
    this.statusMessage = "being sent to " + broker;
    this.updatedAt = now;
  }

  /** Whether the paper exchange works this order (it was never sent to a remote broker). */
  public boolean onPaper() {
    return broker == null || broker == BrokerName.PAPER;
  }

  /**
   * The broker's word on the order: its id there, its status, and the fills it reports as a running
   * total. Returns the part of {@code filled} that is new, with its price, for the trade book; null
   * when nothing new was filled.
   */
  public Fill brokerReports(
      String brokerOrderId,
      OrderStatus reported,
      int filled,
      BigDecimal average,
      String message,
      Instant now) {
    if (brokerOrderId != null) {
      this.brokerOrderId = brokerOrderId;
    }
    Fill fresh = null;
    if (filled > filledQuantity && average != null && filled <= quantity) {
      int qty = filled - filledQuantity;
      // The broker reports the mean of all fills; the new part's price is what moves it there.
      BigDecimal newPart =
          average
              .multiply(BigDecimal.valueOf(filled))
              .subtract(averagePrice.multiply(BigDecimal.valueOf(filledQuantity)))
              .divide(BigDecimal.valueOf(qty), 4, RoundingMode.HALF_UP);
      fill(qty, newPart, now);
      fresh = new Fill(qty, newPart);
    }
    status = reported;
    statusMessage = message == null || message.isBlank() ? null : truncated(message);
    updatedAt = now;
    return fresh;
  }

  /** Where the order came from: a group order, a master order it copies, or neither. */
  public void cameFrom(OrderLineage lineage) {
    this.groupName = lineage.group();
    this.groupOrderId = lineage.groupOrderId();
    this.copiedFrom = lineage.copiedFrom();
  }

  public OrderLineage lineage() {
    return new OrderLineage(groupName, groupOrderId, copiedFrom);
  }

  /** A quantity newly filled, at a price. */
  public record Fill(int quantity, BigDecimal price) {}

  private static String truncated(String message) {
    return message.length() <= 255 ? message : message.substring(0, 254) + "…";
  }

  public BrokerName broker() {
    return broker;
  }

  public String brokerOrderId() {
    return brokerOrderId;
  }

  /** A bracket or cover entry's distances; the legs are created once the entry is complete. */
  public void bracket(BigDecimal target, BigDecimal stoploss, BigDecimal trailingStoploss) {
    this.target = target;
    this.stoploss = stoploss;
    this.trailingStoploss = trailingStoploss;
  }

  /**
   * Makes this order a child leg of {@code parent}; a trailing leg starts its anchor at the entry
   * price.
   */
  public void legOf(Order parent, BigDecimal trailingStep) {
    this.parentOrderId = parent.id;
    this.trailingStoploss = trailingStep;
    this.trailAnchor =
        trailingStep == null ? null : parent.averagePrice.setScale(2, RoundingMode.HALF_UP);
  }

  public boolean needsLegs() {
    return (variety == Variety.BO || variety == Variety.CO)
        && parentOrderId == null
        && !legsCreated
        && status == OrderStatus.COMPLETE;
  }

  public void legsCreated() {
    this.legsCreated = true;
  }

  /**
   * A trailing stop leg follows a favourable price in whole steps: each time the price has moved a
   * full step beyond the anchor, the trigger moves by the same step.
   */
  public boolean trail(BigDecimal lastPrice, Instant now) {
    if (trailingStoploss == null || trailingStoploss.signum() <= 0 || triggered || !isWorking()) {
      return false;
    }
    // A SELL stop protects a long position: it trails rising prices; a BUY stop trails falling
    // ones.
    BigDecimal gained =
        side == Side.SELL ? lastPrice.subtract(trailAnchor) : trailAnchor.subtract(lastPrice);
    int steps = gained.divide(trailingStoploss, 0, RoundingMode.DOWN).intValue();
    if (steps <= 0) {
      return false;
    }
    BigDecimal move = trailingStoploss.multiply(BigDecimal.valueOf(steps));
    triggerPrice = side == Side.SELL ? triggerPrice.add(move) : triggerPrice.subtract(move);
    trailAnchor = side == Side.SELL ? trailAnchor.add(move) : trailAnchor.subtract(move);
    updatedAt = now;
    return true;
  }

  public boolean isStop() {
    return orderType == OrderType.STOP_LOSS || orderType == OrderType.SL_MARKET;
  }

  public boolean isWorking() {
    return WORKING_STATUSES.contains(status);
  }

  public int pendingQuantity() {
    return isWorking() ? quantity - filledQuantity : 0;
  }

  /** Adds one fill at a price; the average price is the quantity-weighted mean of all fills. */
  public void fill(int qty, BigDecimal atPrice, Instant now) {
    if (qty <= 0 || qty > quantity - filledQuantity) {
      throw new IllegalStateException(
          "fill of " + qty + " on " + (quantity - filledQuantity) + " pending");
    }
    BigDecimal value =
        averagePrice
            .multiply(BigDecimal.valueOf(filledQuantity))
            .add(atPrice.multiply(BigDecimal.valueOf(qty)));
    filledQuantity += qty;
    averagePrice = value.divide(BigDecimal.valueOf(filledQuantity), 4, RoundingMode.HALF_UP);
    updatedAt = now;
    if (filledQuantity == quantity) {
      status = OrderStatus.COMPLETE;
      statusMessage = null;
    } else {
      status = OrderStatus.OPEN;
    }
  }

  /** A stop order whose trigger was touched now works like a limit or market order. */
  public void trigger(Instant now) {
    if (!triggered) {
      triggered = true;
      if (status == OrderStatus.TRIGGER_PENDING) {
        status = OrderStatus.OPEN;
      }
      updatedAt = now;
    }
  }

  /**
   * What a working order is waiting for, in words (the paper exchange's "queued for the open"), or
   * null once it waits no more.
   */
  public void note(String why) {
    if (isWorking()) {
      statusMessage = why;
    }
  }

  /** Why an order exists that nobody placed (the paper exchange's expiry settlement). */
  public void explain(String why) {
    statusMessage = why;
  }

  public void cancel(String why, Instant now) {
    if (!isWorking()) {
      throw TradebridgeException.conflict(
          "order " + id + " is " + status + " and can no longer be cancelled");
    }
    status = OrderStatus.CANCELLED;
    statusMessage = why;
    updatedAt = now;
  }

  public void reject(String why, Instant now) {
    status = OrderStatus.REJECTED;
    statusMessage = why;
    updatedAt = now;
  }

  /**
   * Changes the unfilled order to the given type, quantity and prices (null where the type takes
   * none).
   */
  public void modify(
      OrderType newType, int newQuantity, BigDecimal newPrice, BigDecimal newTrigger, Instant now) {
    if (!isWorking()) {
      throw TradebridgeException.conflict(
          "order " + id + " is " + status + " and can no longer be modified");
    }
    if (newQuantity < filledQuantity) {
      throw TradebridgeException.validation(
          "quantity", "must not be below the " + filledQuantity + " already filled");
    }
    orderType = newType;
    quantity = newQuantity;
    price = newPrice;
    triggerPrice = newTrigger;
    if (!isStop()) {
      triggered = false;
      status = OrderStatus.OPEN;
    } else if (!triggered) {
      status = OrderStatus.TRIGGER_PENDING;
    }
    if (filledQuantity == quantity) {
      status = OrderStatus.COMPLETE;
    }
    updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String accountId() {
    return accountId;
  }

  public String pseudoAccount() {
    return pseudoAccount;
  }

  public String keyId() {
    return keyId;
  }

  public String clientOrderId() {
    return clientOrderId;
  }

  public String exchange() {
    return exchange;
  }

  public String symbol() {
    return symbol;
  }

  public Side side() {
    return side;
  }

  public int quantity() {
    return quantity;
  }

  public int filledQuantity() {
    return filledQuantity;
  }

  public BigDecimal averagePrice() {
    return averagePrice;
  }

  public OrderType orderType() {
    return orderType;
  }

  public ProductType productType() {
    return productType;
  }

  public BigDecimal price() {
    return price;
  }

  public BigDecimal triggerPrice() {
    return triggerPrice;
  }

  public Variety variety() {
    return variety;
  }

  public Validity validity() {
    return validity;
  }

  public OrderStatus status() {
    return status;
  }

  public String statusMessage() {
    return statusMessage;
  }

  public String parentOrderId() {
    return parentOrderId;
  }

  public boolean triggered() {
    return triggered;
  }

  public BigDecimal target() {
    return target;
  }

  public BigDecimal stoploss() {
    return stoploss;
  }

  public BigDecimal trailingStoploss() {
    return trailingStoploss;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String strategy() {
    return strategy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String comments() {
    return comments;
  }

  /** Grows with every change written: tells a reader whether the order changed since it looked. */
  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "Order[" + id + ", " + side + " " + quantity + " " + exchange + ":" + symbol + ", "
        + status + "]";
  }

  @Override
  public String changedAccountId() {
    return accountId;
  }
}
