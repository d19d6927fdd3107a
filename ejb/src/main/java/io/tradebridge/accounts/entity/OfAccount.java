package io.tradebridge.accounts.entity;

/**
 * An entity that belongs to one trading account and names it, so that a write to it moves that
 * account's change counter ({@code accounts.control.AccountChangeListener}, declared in {@code
 * META-INF/orm.xml}).
 */
public interface OfAccount {
  String changedAccountId();
}
