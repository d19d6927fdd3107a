package io.tradebridge.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address an API key has been used from; the first use from any other address is an event. */
@Entity
@Table(name = "TB_KEY_ADDRESS")
@NamedQuery(
    name = KeyAddress.COUNT_FOR_KEY,
    query = "SELECT COUNT(a) FROM KeyAddress a WHERE a.keyId = :keyId")
public class KeyAddress {

  public static final String COUNT_FOR_KEY = "KeyAddress.countForKey";

  @Id
  @Column(length = 110)
  private String id;

  @Column(length = 36, nullable = false)
  private String keyId;

  @Column(length = 64, nullable = false)
  private String address;

  private Instant firstSeen;

  protected KeyAddress() {}

  public KeyAddress(String keyId, String address, Instant firstSeen) {
    this.id = idOf(keyId, address);
    this.keyId = keyId;
    this.address = address;
    this.firstSeen = firstSeen;
  }

  public static String idOf(String keyId, String address) {
    String a = address.length() <= 64 ? address : address.substring(0, 64);
    return keyId + "|" + a;
  }
}
