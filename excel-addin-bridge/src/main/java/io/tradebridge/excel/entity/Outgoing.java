package io.tradebridge.excel.entity;

/**
 * A checked row on its way to the server, under the client order id it goes with (WORKBOOK.md,
 * "Never twice"): the trader's own id, or one derived from the workbook id, sheet, row and
 * generation.
 *
 * @param ledgerKey what the {@code _tradebridge} sheet records this row under
 */
public record Outgoing(OrderRow order, String clientOrderId, String ledgerKey, int generation) {}
