package io.tradebridge.orders.control;

/** The exchanges an order may name. */
public enum Exchange {
  NSE, BSE, NFO, BFO, MCX, CDS
}
