package io.tradebridge.protection.entity;

/**
 * The security events of API.md. {@code important} ones are also e-mailed when SMTP is configured:
 * the ones a person would want to hear about at once if it was not them.
 */
public enum SecurityEventType {
  LOGIN_SUCCEEDED(false, "signed in"),
  LOGIN_FAILED(false, "failed sign-in"),
  LOCKED_OUT(true, "sign-in locked after failed attempts"),
  TOTP_ENABLED(true, "two-factor authentication turned on"),
  TOTP_CHANGED(true, "two-factor settings changed"),
  TOTP_DISABLED(true, "two-factor authentication turned off"),
  RECOVERY_CODE_USED(true, "recovery code used"),
  KEY_CREATED(true, "API key created"),
  KEY_REVEALED(true, "API key viewed"),
  KEY_REGENERATED(true, "API key re-generated"),
  KEY_REVOKED(false, "API key revoked"),
  KEY_NEW_ADDRESS(true, "API key used from a new address"),
  KILL_SWITCH(true, "kill switch pulled"),
  KEY_CHANGED(false, "API key settings changed"),
  PASSWORD_CHANGED(true, "password changed"),
  PASSWORD_RESET(true, "password reset by e-mail"),
  SESSION_ENDED(false, "session signed out"),
  ADMIN_GRANTED(true, "made an administrator"),
  BROKER_LOGIN_REQUIRED(true, "broker session ended: log in to the broker again"),
  COPY_FAILING(true, "copy trading keeps failing for a child account"),
  INTRADAY_SQUARED_OFF(false, "intraday positions squared off at 15:20 IST");

  private final boolean important;
  private final String summary;

  SecurityEventType(boolean important, String summary) {
    this.important = important;
    this.summary = summary;
  }

  public boolean important() {
    return important;
  }

  public String summary() {
    return summary;
  }
}
