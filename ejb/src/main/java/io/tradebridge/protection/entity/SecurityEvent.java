package io.tradebridge.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/**
 * Something that happened to a user's security. The e-mail state lives with the event, so an e-mail
 * due when the server stopped still goes out after it starts, and two nodes never send the same one
 * (a node claims an event with a conditional update before sending).
 */
@Entity
@Table(
    name = "TB_SECURITY_EVENT",
    indexes = {
      @Index(name = "TB_SECEVENT_USER_TIME", columnList = "USERID,TIME_MS"),
      @Index(name = "TB_SECEVENT_MAIL", columnList = "MAIL,TIME_MS")
    })
@TableGenerator(
    name = "securityEventIds",
    table = "TB_ID",
    pkColumnValue = "securityEvent",
    allocationSize = 50)
@NamedQuery(
    name = SecurityEvent.MAIL_DUE,
    query =
        "SELECT e FROM SecurityEvent e WHERE e.mail = io.tradebridge.protection.entity.SecurityEvent.Mail.DUE ORDER BY e.time, e.id")
@NamedQuery(
    name = SecurityEvent.CLAIM,
    query =
        "UPDATE SecurityEvent e SET e.mail = :to WHERE e.id = :id AND e.mail = io.tradebridge.protection.entity.SecurityEvent.Mail.DUE")
public class SecurityEvent {

  public static final String MAIL_DUE = "SecurityEvent.mailDue";
  public static final String CLAIM = "SecurityEvent.claim";

  /** Where the event's e-mail stands. */
  public enum Mail {
    NONE,
    DUE,
    SENT,
    LIMITED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "securityEventIds")
  private long id;

  @Column(length = 36, nullable = false)
  private String userId;

  @Column(name = "TIME_MS", nullable = false)
  private Instant time;

  @Enumerated(EnumType.STRING)
  @Column(length = 24, nullable = false)
  private SecurityEventType type;

  @Column(length = 64)
  private String ip;

  @Column(length = 36)
  private String keyId;

  @Column(length = 255)
  private String detail;

  @Enumerated(EnumType.STRING)
  @Column(name = "MAIL", length = 8, nullable = false)
  private Mail mail;

  protected SecurityEvent() {}

  public SecurityEvent(
      String userId,
      Instant time,
      SecurityEventType type,
      String ip,
      String keyId,
      String detail,
      boolean mailWanted) {
    this.userId = userId;
    this.time = time;
    this.type = type;
    this.ip = ip;
    this.keyId = keyId;
    this.detail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
    this.mail = mailWanted && type.important() ? Mail.DUE : Mail.NONE;
  }

  public long id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public Instant time() {
    return time;
  }

  public SecurityEventType type() {
    return type;
  }

  public String ip() {
    return ip;
  }

  public String keyId() {
    return keyId;
  }

  public String detail() {
    return detail;
  }

  public Mail mail() {
    return mail;
  }
}
