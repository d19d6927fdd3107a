package io.tradebridge.protection.control;

/** What a request costs against the per-key limits of API.md ("Protection and monitoring"). */
public enum RateKind {
  /** Anything that places, changes or cancels an order. */
  ORDERS,
  /** Every read of trading data. */
  READS,
  /** An order arriving through the webhook, key in the body. */
  WEBHOOK
}
