package io.tradebridge.orders.boundary;

import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;

/** An order's instrument and the broker's price of it, asked for before the order desk. */
public record Priced(Instrument instrument, Quote quote) {}
