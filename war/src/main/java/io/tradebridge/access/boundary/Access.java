package io.tradebridge.access.boundary;

import io.tradebridge.access.entity.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource. Without it a resource is public (register, login). With it, {@code
 * web.security.Authenticator} admits only the listed ways in; an API key also needs every
 * permission in {@code requires}, a person the {@code role}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {

  Via[] value();

  Permission[] requires() default {};

  /** For a person (session or single sign-on token): the role needed. */
  Role role() default Role.TRADER;
}
