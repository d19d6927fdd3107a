package io.tradebridge.users.boundary;

import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.protection.boundary.MailOutbox;
import io.tradebridge.protection.boundary.Mailer;
import io.tradebridge.protection.boundary.ProtectionMetrics;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateCharge;
import io.tradebridge.protection.control.SecurityMailText;
import io.tradebridge.protection.entity.RateRule;
import io.tradebridge.protection.entity.SecurityEvent;
import io.tradebridge.users.entity.User;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the e-mails of important security events, off every request thread: a timer picks up due
 * events each second. Per user at most 1 e-mail a second, 2 a minute and 6 an hour (AutoTrader's
 * limits), counted in the database like the API's rate limits; an event over the limit is still
 * recorded and listed, only not mailed.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecurityMail {

  @Inject OnceWork onceWork;

  private static final Logger LOG = Logger.getLogger(SecurityMail.class.getName());
  static final List<RateRule> PER_USER =
      List.of(
          new RateRule("e-mails per user", 1, Duration.ofSeconds(1)),
          new RateRule("e-mails per user", 2, Duration.ofMinutes(1)),
          new RateRule("e-mails per user", 6, Duration.ofHours(1)));

  @Inject Mailer mailer;
  @Inject MailOutbox outbox;
  @Inject RateLimiter limiter;
  @Inject Users users;
  @Inject ProtectionMetrics metrics;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void sendDue() {
    // Sending claims each mail first, so two servers could never send one twice; one sender
    // keeps the SMTP server's view (and its rate limits) simple.
    if (!mailer.configured() || !onceWork.mine() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      for (SecurityEvent event : outbox.due(50)) {
        if (!outbox.claim(event.id(), SecurityEvent.Mail.SENT)) {
          continue;
        }
        if (!limiter.tryTakeAt(charges(event.userId()), event.time())) {
          outbox.mark(event.id(), SecurityEvent.Mail.LIMITED);
          metrics.mailLimited();
          continue;
        }
        send(event);
      }
    } finally {
      running.set(false);
    }
  }

  private void send(SecurityEvent event) {
    User user = users.byId(event.userId());
    try {
      mailer.send(
          user.email(),
          SecurityMailText.subject(event.type()),
          SecurityMailText.body(
              user.username(),
              event.type(),
              event.time(),
              event.ip(),
              event.keyId(),
              event.detail()),
          event.time());
      metrics.mailSent();
    } catch (MessagingException | RuntimeException e) {
      outbox.mark(event.id(), SecurityEvent.Mail.FAILED);
      LOG.log(
          Level.WARNING,
          "could not send the security e-mail for event {0} via {1}: {2}",
          new Object[] {event.id(), mailer.describeServer(), e.getClass().getSimpleName()});
    }
  }

  private static List<RateCharge> charges(String userId) {
    return List.of(
        new RateCharge("m:" + userId + ":s", PER_USER.get(0), 1),
        new RateCharge("m:" + userId + ":m", PER_USER.get(1), 1),
        new RateCharge("m:" + userId + ":h", PER_USER.get(2), 1));
  }
}
