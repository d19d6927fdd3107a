package io.tradebridge.access.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource that counts against the rate limit once per order it causes (batch, cancel-all,
 * square-off, API.md) rather than once per request: {@code web.security.Authenticator} leaves the
 * counting to it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChargedPerOrder {}
