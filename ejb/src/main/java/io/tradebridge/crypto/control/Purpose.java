package io.tradebridge.crypto.control;

/**
 * What a derived key is for. Each purpose gets its own key from the master key, so a digest made
 * for one purpose can never be replayed as another.
 */
public enum Purpose {
  API_KEY_DIGEST("tradebridge/v1/api-key-digest"),
  RECOVERY_CODE_DIGEST("tradebridge/v1/recovery-code-digest"),
  SESSION_DIGEST("tradebridge/v1/session-digest"),
  CSRF_TOKEN("tradebridge/v1/csrf-token"),
  PASSWORD_RESET_DIGEST("tradebridge/v1/password-reset-digest"),
  BROKER_LOGIN_STATE_DIGEST("tradebridge/v1/broker-login-state-digest"),
  ENCRYPTION("tradebridge/v1/aes-gcm"),
  /**
   * A value stored in the database once, by the first server: a server started with another master
   * key computes another value and refuses to start instead of failing on every secret it reads.
   */
  MASTER_KEY_CHECK("tradebridge/v1/master-key-check");

  private final String info;

  Purpose(String info) {
    this.info = info;
  }

  /**
   * This purpose's key, derived from the master key with HKDF-SHA256 (info = a versioned label).
   */
  public byte[] deriveFrom(byte[] masterKey) {
    return Hkdf.derive(masterKey, info, 32);
  }
}
