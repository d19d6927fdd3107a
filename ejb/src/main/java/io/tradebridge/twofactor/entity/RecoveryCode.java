package io.tradebridge.twofactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use recovery code, stored only as its HMAC digest. */
@Entity
@Table(
    name = "TB_RECOVERY_CODE",
    indexes = @Index(name = "IX_RECOVERY_USER", columnList = "USERID, DIGEST"))
@NamedQuery(
    name = RecoveryCode.UNUSED,
    query =
        "SELECT r FROM RecoveryCode r WHERE r.userId = :userId AND r.digest = :digest AND r.usedAt IS NULL")
@NamedQuery(
    name = RecoveryCode.DELETE_FOR_USER,
    query = "DELETE FROM RecoveryCode r WHERE r.userId = :userId")
public class RecoveryCode {

  public static final String UNUSED = "RecoveryCode.unused";
  public static final String DELETE_FOR_USER = "RecoveryCode.deleteForUser";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(name = "DIGEST", nullable = false, length = 64)
  private String digest;

  private Instant usedAt;

  protected RecoveryCode() {}

  public RecoveryCode(String id, String userId, String digest) {
    this.id = id;
    this.userId = userId;
    this.digest = digest;
  }

  public void use(Instant now) {
    if (usedAt != null) {
      throw new IllegalStateException("recovery code already used");
    }
    usedAt = now;
  }
}
