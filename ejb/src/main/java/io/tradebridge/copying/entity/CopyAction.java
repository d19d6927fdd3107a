package io.tradebridge.copying.entity;

/**
 * What a copy did to a child: placed the master's order, changed it as the master's, cancelled it.
 */
public enum CopyAction {
  PLACE,
  MODIFY,
  CANCEL
}
