package io.tradebridge.sso.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified single sign-on token: the MicroProfile JWT {@link JsonWebToken} itself, and what this
 * server reads from it about its bearer.
 */
public record VerifiedToken(JsonWebToken jwt) {

  public String issuer() {
    return jwt.getIssuer();
  }

  public String subject() {
    return jwt.getSubject();
  }

  /** upn, else preferred_username, else email (MicroProfile JWT's own order for the name). */
  public String username() {
    return firstNonBlank(text(Claims.upn.name()), text(Claims.preferred_username.name()), email());
  }

  public String email() {
    return text(Claims.email.name());
  }

  public Set<String> groups() {
    Set<String> groups = jwt.getGroups();
    return groups == null ? Set.of() : Set.copyOf(groups);
  }

  /** When the person last entered their credentials at the identity provider, if the token says. */
  public Instant authTime() {
    Object value = jwt.getClaim(Claims.auth_time.name());
    if (value instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    if (value instanceof JsonNumber seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    return null;
  }

  /** The person behind the token, stable across renamed usernames: issuer and subject together. */
  public String identity() {
    return issuer() + " " + subject();
  }

  private String text(String claim) {
    Object value = jwt.getClaim(claim);
    if (value instanceof JsonString s) {
      return s.getString();
    }
    return value instanceof String s ? s : null;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "VerifiedToken[" + identity() + "]";
  }
}
