package io.tradebridge.copying.entity;

import io.tradebridge.orders.entity.AccountShare;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy rule: every order on the master pseudo account is placed, changed and cancelled on each
 * child with the child's multiplier (API.md, "Groups and copy trading"). It copies orders placed
 * from the moment it was made, not those already on the master.
 */
@Entity
@Table(name = "TB_COPY_RULE")
@NamedQuery(
    name = CopyRule.BY_USER,
    query = "SELECT r FROM CopyRule r WHERE r.userId = :userId ORDER BY r.createdAt")
@NamedQuery(name = CopyRule.ALL, query = "SELECT r FROM CopyRule r ORDER BY r.createdAt")
public class CopyRule {

  public static final String BY_USER = "CopyRule.byUser";
  public static final String ALL = "CopyRule.all";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(nullable = false, length = 32)
  private String master;

  private boolean copyPlace;
  private boolean copyModify;
  private boolean copyCancel;

  /** Times of day ("HH:mm", India time) between which the master's new orders are copied. */
  @Column(length = 5)
  private String activeFrom;

  @Column(length = 5)
  private String activeTo;

  @Column(nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "TB_COPY_CHILD", joinColumns = @JoinColumn(name = "RULEID"))
  @OrderColumn(name = "CHILD_INDEX")
  private List<AccountShare> children = new ArrayList<>();

  protected CopyRule() {}

  public CopyRule(String id, String userId, Settings settings, Instant createdAt) {
    this.id = id;
    this.userId = userId;
    this.createdAt = createdAt;
    change(settings);
  }

  /** Everything about a rule a person sets. */
  public record Settings(
      String master,
      List<AccountShare> children,
      boolean copyPlace,
      boolean copyModify,
      boolean copyCancel,
      String activeFrom,
      String activeTo) {}

  public void change(Settings s) {
    this.master = s.master();
    this.children.clear();
    this.children.addAll(s.children());
    this.copyPlace = s.copyPlace();
    this.copyModify = s.copyModify();
    this.copyCancel = s.copyCancel();
    this.activeFrom = s.activeFrom();
    this.activeTo = s.activeTo();
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String master() {
    return master;
  }

  public List<AccountShare> children() {
    return List.copyOf(children);
  }

  public boolean copyPlace() {
    return copyPlace;
  }

  public boolean copyModify() {
    return copyModify;
  }

  public boolean copyCancel() {
    return copyCancel;
  }

  public String activeFrom() {
    return activeFrom;
  }

  public String activeTo() {
    return activeTo;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
