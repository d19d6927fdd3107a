package io.tradebridge.protection.boundary;

import io.tradebridge.protection.entity.SecurityEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The security events whose e-mail is due, and the claim that makes one node, once, send each. */
@Stateless
public class MailOutbox {

  @PersistenceContext EntityManager em;

  public List<SecurityEvent> due(int max) {
    return em.createNamedQuery(SecurityEvent.MAIL_DUE, SecurityEvent.class)
        .setMaxResults(max)
        .getResultList();
  }

  /** Moves a DUE event to {@code to}; false when another node got there first. */
  public boolean claim(long eventId, SecurityEvent.Mail to) {
    return em.createNamedQuery(SecurityEvent.CLAIM)
            .setParameter("id", eventId)
            .setParameter("to", to)
            .executeUpdate()
        == 1;
  }

  public void mark(long eventId, SecurityEvent.Mail to) {
    em.createQuery("UPDATE SecurityEvent e SET e.mail = :to WHERE e.id = :id")
        .setParameter("id", eventId)
        .setParameter("to", to)
        .executeUpdate();
  }
}
