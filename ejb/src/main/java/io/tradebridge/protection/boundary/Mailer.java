package io.tradebridge.protection.boundary;

import io.tradebridge.protection.control.ProtectionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Sends one plain-text e-mail through the configured SMTP server (ProtectionSettings). */
@ApplicationScoped
public class Mailer {

  @Inject ProtectionSettings settings;

  public boolean configured() {
    return settings.smtp().isPresent();
  }

  /**
   * @throws MessagingException when the SMTP server refuses or cannot be reached; the caller
   *     decides what a failure means (and never logs the body, which may hold a link)
   */
  public void send(String to, String subject, String body, Instant sentAt)
      throws MessagingException {
    ProtectionSettings.SmtpServer smtp =
        settings.smtp().orElseThrow(() -> new MessagingException("no SMTP server is configured"));
    MimeMessage message = new MimeMessage(session(smtp));
    message.setFrom(new InternetAddress(smtp.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, "UTF-8");
    message.setSentDate(Date.from(sentAt));
    message.setText(body, "UTF-8");
    Transport.send(message);
  }

  public String describeServer() {
    return settings.smtp().map(Object::toString).orElse("no SMTP server");
  }

  private static Session session(ProtectionSettings.SmtpServer smtp) {
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", String.valueOf(smtp.port()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    p.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
    p.put("mail.smtp.starttls.required", String.valueOf(smtp.startTls()));
    if (smtp.username() == null) {
      return Session.getInstance(p);
    }
    p.put("mail.smtp.auth", "true");
    return Session.getInstance(
        p,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(smtp.username(), smtp.password());
          }
        });
  }
}
