package io.tradebridge.users.boundary;

import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.protection.boundary.RequestOrigin;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.users.entity.User;
import io.tradebridge.users.entity.UserSession;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Browser sessions. The cookie holds a random token; the database holds its digest; the CSRF token
 * is an HMAC of the session token, so it needs no storage and is the same on every node.
 */
@Stateless
public class Sessions {

  @Inject OnceWork onceWork;

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject Clock clock;
  @Inject RequestOrigin origin;
  @Inject SecurityEvents events;

  public LoginResult.Authenticated open(String userId) {
    String token = Ids.newToken();
    em.persist(
        new UserSession(
            vault.digest(Purpose.SESSION_DIGEST, token),
            userId,
            clock.instant(),
            Ids.newId(),
            origin.address(),
            origin.userAgent()));
    return new LoginResult.Authenticated(token, csrfTokenFor(token));
  }

  /**
   * The user's live sessions, newest first; {@code current} marks the one asking (null for a token
   * caller).
   */
  public List<SessionView> list(String userId, String currentToken) {
    String current =
        currentToken == null ? null : vault.digest(Purpose.SESSION_DIGEST, currentToken);
    Instant now = clock.instant();
    return em.createNamedQuery(UserSession.BY_USER, UserSession.class)
        .setParameter("userId", userId)
        .getResultStream()
        .filter(s -> s.isLive(now))
        .map(
            s ->
                new SessionView(
                    s.publicId(Ids::newId),
                    s.createdAt(),
                    s.lastSeenAt(),
                    s.ip(),
                    s.userAgent(),
                    s.digest().equals(current)))
        .toList();
  }

  /** Signs one of the user's sessions out; another user's session is "not found". */
  public void end(String userId, String sessionId) {
    UserSession session =
        em.createNamedQuery(UserSession.BY_USER, UserSession.class)
            .setParameter("userId", userId)
            .getResultStream()
            .filter(s -> sessionId != null && sessionId.equals(s.publicId(Ids::newId)))
            .findFirst()
            .orElseThrow(() -> TradebridgeException.notFound("session"));
    em.remove(session);
    events.record(
        userId, SecurityEventType.SESSION_ENDED, null, "signed out from the list of sessions");
  }

  /** Every session of the user but the one asking (a password change keeps its own page open). */
  public void closeAllBut(String userId, String keptToken) {
    String kept = keptToken == null ? null : vault.digest(Purpose.SESSION_DIGEST, keptToken);
    em.createNamedQuery(UserSession.BY_USER, UserSession.class)
        .setParameter("userId", userId)
        .getResultStream()
        .filter(s -> !s.digest().equals(kept))
        .forEach(em::remove);
  }

  /** The active user behind a session token, or empty for an unknown, expired or disabled one. */
  public Optional<User> resolve(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    UserSession session = em.find(UserSession.class, vault.digest(Purpose.SESSION_DIGEST, token));
    Instant now = clock.instant();
    if (session == null || !session.isLive(now)) {
      return Optional.empty();
    }
    session.touch(now);
    User user = em.find(User.class, session.userId());
    return user != null && user.isActive() ? Optional.of(user) : Optional.empty();
  }

  /**
   * Whether the session is still live and its user active, without counting this as the user's
   * activity (a push stream asks every few seconds; an open page is not a person at the keyboard).
   */
  public boolean stillLive(String token) {
    if (token == null || token.length() != 43) {
      return false;
    }
    UserSession session = em.find(UserSession.class, vault.digest(Purpose.SESSION_DIGEST, token));
    if (session == null || !session.isLive(clock.instant())) {
      return false;
    }
    User user = em.find(User.class, session.userId());
    return user != null && user.isActive();
  }

  public String csrfTokenFor(String sessionToken) {
    return vault.digest(Purpose.CSRF_TOKEN, sessionToken);
  }

  public boolean csrfMatches(String sessionToken, String csrfToken) {
    return csrfToken != null && vault.digestMatches(Purpose.CSRF_TOKEN, sessionToken, csrfToken);
  }

  public void close(String token) {
    UserSession session = em.find(UserSession.class, vault.digest(Purpose.SESSION_DIGEST, token));
    if (session != null) {
      em.remove(session);
    }
  }

  public void closeAll(String userId) {
    em.createNamedQuery(UserSession.DELETE_FOR_USER).setParameter("userId", userId).executeUpdate();
  }

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void purgeExpired() {
    if (!onceWork.mine()) {
      return; // another server sharing the database does this work
    }
    Instant now = clock.instant();
    em.createNamedQuery(UserSession.DELETE_EXPIRED)
        .setParameter("now", now)
        .setParameter("idleSince", now.minus(UserSession.IDLE_TIMEOUT))
        .executeUpdate();
  }
}
