package io.tradebridge.orders.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A trading desk's group of pseudo accounts (a fund manager's clients, a family's accounts): one
 * order naming the group is placed on every member with the member's multiplier. Names are unique
 * per user regardless of case, as pseudo accounts are.
 */
@Entity
@Table(
    name = "TB_GROUP",
    uniqueConstraints =
        @UniqueConstraint(
            name = "UQ_GROUP_NAME",
            columnNames = {"USERID", "NAME_KEY"}))
@NamedQuery(
    name = AccountGroup.BY_USER,
    query = "SELECT g FROM AccountGroup g WHERE g.userId = :userId ORDER BY g.createdAt")
@NamedQuery(
    name = AccountGroup.BY_NAME,
    query = "SELECT g FROM AccountGroup g WHERE g.userId = :userId AND g.nameKey = :key")
public class AccountGroup {

  public static final String BY_USER = "AccountGroup.byUser";
  public static final String BY_NAME = "AccountGroup.byName";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(nullable = false, length = 32)
  private String name;

  @Column(name = "NAME_KEY", nullable = false, length = 32)
  private String nameKey;

  @Column(nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "TB_GROUP_MEMBER", joinColumns = @JoinColumn(name = "GROUPID"))
  @OrderColumn(name = "MEMBER_INDEX")
  private List<AccountShare> members = new ArrayList<>();

  protected AccountGroup() {}

  public AccountGroup(
      String id, String userId, String name, List<AccountShare> members, Instant createdAt) {
    this.id = id;
    this.userId = userId;
    this.createdAt = createdAt;
    change(name, members);
  }

  public static String keyOf(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  public void change(String name, List<AccountShare> members) {
    this.name = name;
    this.nameKey = keyOf(name);
    this.members.clear();
    this.members.addAll(members);
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String name() {
    return name;
  }

  public List<AccountShare> members() {
    return List.copyOf(members);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
