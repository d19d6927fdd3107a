/**
 * The contract between a resource and the way in: the Access annotation that says who may call (and
 * the per-order charge, ChargedPerOrder), the request's Caller, where credentials travel, and the
 * client address and scheme as trusted proxies report them. The way in itself (web.security)
 * implements it; a resource depends only on this package.
 */
package io.tradebridge.access.boundary;
