/**
 * Rules about trading accounts without a server: the credentials' encoding, and the change counter
 * that every write to an account's orders and positions moves (an entity listener declared in META-
 * INF/orm.xml).
 */
package io.tradebridge.accounts.control;
