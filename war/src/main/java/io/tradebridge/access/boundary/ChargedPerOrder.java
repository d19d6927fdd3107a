package io.tradebridge.access.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource that counts against the key's order rate once per order it causes (batch, workbook,
 * cancel-all, square-off; API.md, "Rate limits") rather than once per request. For every other
 * method {@code web.security.Authenticator} charges the key once, when it admits the request; for a
 * method with this annotation it charges nothing, and the resource (or the service it calls)
 * charges {@code protection.boundary.RateLimiter} with {@code RateKind.ORDERS} as each order is
 * about to be sent: in a batch a row that fails validation costs nothing, and a row over the limit
 * is answered 429 in its place without being sent.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChargedPerOrder {}
