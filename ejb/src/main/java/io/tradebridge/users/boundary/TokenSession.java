package io.tradebridge.users.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The single sign-on token of the current request, as far as a step-up needs it: whose it is, and
 * until when its sign-in at the identity provider counts as recent. Empty for sessions and API
 * keys. The way in ({@code web.security.Authenticator}) fills it from the verified token and the
 * server's step-up window, so this class needs nothing from the {@code sso} component.
 */
@RequestScoped
public class TokenSession {

  @Inject Clock clock;

  private String userId;
  private Instant recentUntil;

  /**
   * @param recentUntil when the token's sign-in stops being recent enough for a step-up, or null
   *     when the token does not say when its owner signed in
   */
  public void signedIn(String userId, Instant recentUntil) {
    this.userId = userId;
    this.recentUntil = recentUntil;
  }

  /** Whether this request's token shows a sign-in by this user recent enough for a step-up. */
  public boolean signedInWithin(String userId) {
    return userId.equals(this.userId)
        && recentUntil != null
        && !clock.instant().isAfter(recentUntil);
  }
}
