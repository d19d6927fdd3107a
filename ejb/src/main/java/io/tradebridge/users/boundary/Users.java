package io.tradebridge.users.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds users; the one place that turns "no such user" into an answer. */
@Stateless
public class Users {

  @PersistenceContext EntityManager em;

  public Optional<User> byName(String username) {
    return em.createNamedQuery(User.BY_NAME, User.class)
        .setParameter("key", User.keyOf(username))
        .getResultStream()
        .findFirst();
  }

  public User byId(String userId) {
    User user = em.find(User.class, userId);
    if (user == null) {
      throw TradebridgeException.unauthenticated();
    }
    return user;
  }
}
