package io.tradebridge.access.entity;

/**
 * AUTO orders go straight to the broker; SEMI_AUTO orders wait in the action center for a person.
 */
public enum OrderMode {
  AUTO,
  SEMI_AUTO
}
