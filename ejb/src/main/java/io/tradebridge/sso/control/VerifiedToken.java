package io.tradebridge.sso.control;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified single sign-on token says about its bearer. {@code authTime} is when the person
 * last entered their credentials at the identity provider, if the token says.
 */
public record VerifiedToken(String issuer, String subject, String username, String email, Set<String> groups,
    Instant authTime) {

  /** The person behind the token, stable across renamed usernames: issuer and subject together. */
  public String identity() {
    return issuer + " " + subject;
  }
}
