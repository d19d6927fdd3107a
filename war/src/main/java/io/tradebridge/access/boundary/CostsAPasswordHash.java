package io.tradebridge.access.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method anyone may call that computes a 600,000-round password hash (registration,
 * sign-in, the code step, a password reset): {@code web.security.SignInThrottle} limits it per
 * address.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CostsAPasswordHash {}
