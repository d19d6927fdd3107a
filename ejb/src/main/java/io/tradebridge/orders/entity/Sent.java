package io.tradebridge.orders.entity;

import java.math.BigDecimal;

/**
 * What a remote broker did with an order we sent or looked up. Sealed: the code that records it
 * must say what each outcome means for the order.
 */
public sealed interface Sent {

  /** The broker has it: its id there, and how it stands. */
  record Accepted(String brokerOrderId, BrokerState state) implements Sent {}

  /** The broker refused it; {@code message} is the broker's own words. */
  record Refused(String message) implements Sent {}

  /** The broker refused it for its rate limit: nothing was placed, the same order may be resent. */
  record RateLimited(String message) implements Sent {}

  /** The broker's session ended: nothing was placed, the trader must log in again. */
  record LoginRequired(String message) implements Sent {}

  /** The broker could not be reached before anything was sent: nothing was placed. */
  record NotSent(String message) implements Sent {}

  /** The answer was lost (a time-out, a dropped connection): the order may or may not be there. */
  record Unknown(String message) implements Sent {}

  /** Looked up and not found under its tag: the broker never received it. */
  record NotFound() implements Sent {}

  /**
   * An order's state as the broker reports it, in our words.
   *
   * @param averagePrice null when nothing is filled
   */
  record BrokerState(
      OrderStatus status, int filledQuantity, BigDecimal averagePrice, String message) {}
}
