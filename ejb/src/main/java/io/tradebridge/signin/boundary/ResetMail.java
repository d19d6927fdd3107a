package io.tradebridge.signin.boundary;

import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.protection.boundary.Mailer;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends password-reset links off the request thread (so the answer to a reset request takes the
 * same time whether the address is known or not). The link goes to the web UI under {@code
 * TRADEBRIDGE_PUBLIC_URL}; the token travels in its fragment, which browsers never send to a server
 * or put in a Referer.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ResetMail {

  @Inject OnceWork onceWork;

  private static final Logger LOG = Logger.getLogger(ResetMail.class.getName());
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject Passwords passwords;
  @Inject Mailer mailer;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PUBLIC_URL", defaultValue = " ")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_HTTPS_PORT", defaultValue = "9443")
  String httpsPort;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void sendDue() {
    // Sending claims each mail first, so two servers could never send one twice; one sender
    // keeps the SMTP server's view (and its rate limits) simple.
    if (!mailer.configured() || !onceWork.mine() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      for (String digest : passwords.dueMailings(20)) {
        Passwords.ResetMailing mailing = passwords.takeForMail(digest);
        if (mailing != null) {
          send(mailing);
        }
      }
    } finally {
      running.set(false);
    }
  }

  private void send(Passwords.ResetMailing mailing) {
    String link = base() + "/#/reset?token=" + mailing.token();
    String body =
        "Hello "
            + mailing.username()
            + ",\n\n"
            + "someone (we hope you) asked to reset your Tradebridge password. To choose a new one, open\n\n"
            + "  "
            + link
            + "\n\n"
            + "The link works once, until "
            + TIME.format(mailing.expiresAt())
            + ". Every session of yours will be"
            + " signed out.\nFrom a program: POST /api/v1/auth/password-reset/confirm with {\"token\": \""
            + mailing.token()
            + "\", \"newPassword\": \"...\"} (and \"totpCode\" if you use an authenticator).\n\n"
            + "If it was not you, ignore this e-mail: your password stays as it is.\n";
    try {
      mailer.send(mailing.email(), "Tradebridge: reset your password", body, clock.instant());
    } catch (MessagingException | RuntimeException e) {
      // The token is already erased: the person asks again. Neither it nor the address is logged.
      LOG.log(
          Level.WARNING,
          "could not send a password-reset e-mail via {0}: {1}",
          new Object[] {mailer.describeServer(), e.getClass().getSimpleName()});
    }
  }

  private String base() {
    String configured = publicUrl.strip();
    if (!configured.isEmpty()) {
      return configured.endsWith("/")
          ? configured.substring(0, configured.length() - 1)
          : configured;
    }
    return "https://localhost:" + httpsPort.strip();
  }
}
