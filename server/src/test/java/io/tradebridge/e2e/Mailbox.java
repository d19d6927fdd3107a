package io.tradebridge.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real SMTP server on loopback (GreenMail) that the shared server sends its e-mails to. */
public final class Mailbox {

  private final GreenMail greenMail;
  private final int port;

  private Mailbox(GreenMail greenMail, int port) {
    this.greenMail = greenMail;
    this.port = port;
  }

  static Mailbox start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GreenMail greenMail =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return new Mailbox(greenMail, port);
  }

  int port() {
    return port;
  }

  void stop() {
    greenMail.stop();
  }

  /** One received e-mail, reduced to what a test reads. */
  public record Mail(String to, String subject, String body) {}

  /** Every e-mail received so far for {@code address}. */
  public List<Mail> to(String address) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        for (Address recipient : m.getAllRecipients()) {
          if (recipient.toString().equalsIgnoreCase(address)) {
            mails.add(new Mail(address, m.getSubject(), GreenMailUtil.getBody(m)));
          }
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  /**
   * Waits until {@code address} has at least {@code count} e-mails, or the timeout; returns them.
   */
  public List<Mail> awaitAtLeast(String address, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Mail> mails = to(address);
    while (mails.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      mails = to(address);
    }
    return mails;
  }
}
