package io.tradebridge.sso.boundary;

import io.tradebridge.sso.control.SsoSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The single sign-on token of the current request, as far as a step-up needs it: who, and when they
 * last entered their credentials at the identity provider. Empty for sessions and API keys.
 */
@RequestScoped
public class TokenSession {

  @Inject SsoSettings settings;
  @Inject Clock clock;

  private String userId;
  private Instant authTime;

  public void signedIn(String userId, Instant authTime) {
    this.userId = userId;
    this.authTime = authTime;
  }

  /** Whether this request's token shows a sign-in by this user recent enough for a step-up. */
  public boolean signedInWithin(String userId) {
    return userId.equals(this.userId) && authTime != null
        && !authTime.isBefore(clock.instant().minus(Duration.ofSeconds(settings.stepUpMaxAgeSeconds())));
  }
}
