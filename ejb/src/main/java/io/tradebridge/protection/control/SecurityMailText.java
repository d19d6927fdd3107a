package io.tradebridge.protection.control;

import io.tradebridge.protection.entity.SecurityEventType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The words of a security e-mail. It says what happened, when and from where, and what to do if it
 * was not the reader — and nothing secret, since e-mail travels and is kept in many places.
 */
public final class SecurityMailText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private SecurityMailText() {}

  public static String subject(SecurityEventType type) {
    return "Tradebridge security: " + type.summary();
  }

  public static String body(
      String username,
      SecurityEventType type,
      Instant time,
      String ip,
      String keyId,
      String detail) {
    StringBuilder b = new StringBuilder();
    b.append("Hello ")
        .append(username)
        .append(",\n\n")
        .append("Tradebridge recorded this on your account:\n\n")
        .append("  What:  ")
        .append(type.summary())
        .append(" (")
        .append(type)
        .append(")\n")
        .append("  When:  ")
        .append(TIME.format(time))
        .append('\n');
    if (ip != null) {
      b.append("  From:  ").append(ip).append('\n');
    }
    if (keyId != null) {
      b.append("  Key:   ").append(keyId).append('\n');
    }
    if (detail != null && !detail.isBlank()) {
      b.append("  Note:  ").append(detail).append('\n');
    }
    b.append("\nIf this was you, there is nothing to do.\n")
        .append(
            "If it was not, sign in and use Settings > Security > Kill switch: it revokes every API key\n")
        .append(
            "and cancels every open order and pending approval at once. Then change your password.\n\n")
        .append(
            "Security e-mails are limited to 1 per second, 2 per minute and 6 per hour; every event is\n")
        .append("listed under Activity > Security events whether or not it was e-mailed.\n");
    return b.toString();
  }
}
