package io.tradebridge.market.entity;

/** The exchanges an order may name. */
public enum Exchange {
  NSE,
  BSE,
  NFO,
  BFO,
  MCX,
  CDS
}
