package io.tradebridge.users.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * What an administrator does to other users: list them, disable one, enable them again, make one an
 * administrator. Disabling takes effect on the next request: sessions are closed, and every API key
 * and single sign-on token check reads the user's status (nothing about it is cached apart from the
 * persistence unit's own cache, which this commit updates).
 */
@Stateless
public class UserAdministration {

  public static final int MAX_LISTED = 1000;

  @PersistenceContext EntityManager em;
  @Inject Sessions sessions;
  @Inject SecurityEvents events;

  public List<UserSummary> list() {
    return em.createNamedQuery(User.ALL, User.class)
        .setMaxResults(MAX_LISTED)
        .getResultStream()
        .map(UserSummary::of)
        .toList();
  }

  public UserSummary disable(String adminUserId, String userId) {
    if (adminUserId.equals(userId)) {
      throw TradebridgeException.conflict(
          "you cannot disable your own account; ask another administrator");
    }
    User user = find(userId);
    user.disable();
    sessions.closeAll(userId);
    return UserSummary.of(user);
  }

  public UserSummary enable(String userId) {
    User user = find(userId);
    user.enable();
    return UserSummary.of(user);
  }

  /** An administrator makes another password account an administrator. */
  public UserSummary grantAdmin(String adminUserId, String userId) {
    User user = find(userId);
    if (!user.isAdmin()) {
      user.grantAdmin();
      events.record(
          userId, SecurityEventType.ADMIN_GRANTED, null, "by administrator " + adminUserId);
    }
    return UserSummary.of(user);
  }

  public UserSummary revokeAdmin(String adminUserId, String userId) {
    if (adminUserId.equals(userId)) {
      throw TradebridgeException.conflict(
          "you cannot remove your own administrator rights; ask another administrator");
    }
    User user = find(userId);
    user.revokeAdmin();
    return UserSummary.of(user);
  }

  private User find(String userId) {
    User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (user == null) {
      throw TradebridgeException.notFound("user");
    }
    return user;
  }
}
