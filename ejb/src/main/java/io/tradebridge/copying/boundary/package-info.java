/**
 * Copy trading (API.md, "Groups and copy trading"): the rules, and the copier that places, changes
 * and cancels a master account's orders on its children, off the master's request path.
 */
package io.tradebridge.copying.boundary;
