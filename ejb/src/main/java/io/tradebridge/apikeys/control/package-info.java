/**
 * The logic of API keys: the key format and its checksum, and the keys kept in memory between
 * checks with what makes them forget (an entity listener declared in META-INF/orm.xml).
 */
package io.tradebridge.apikeys.control;
