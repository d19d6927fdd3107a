package io.tradebridge.twofactor.boundary;

import java.util.List;

/** The bodies and answers of /api/v1/security/totp. */
public final class TotpRequests {

  private TotpRequests() {}

  public record Setup(String password) {
    @Override
    public String toString() {
      return "Setup[hidden]";
    }
  }

  public record Activate(String code, Boolean login, Boolean credentials) {}

  public record Change(String password, String code, Boolean login, Boolean credentials) {
    @Override
    public String toString() {
      return "Change[hidden]";
    }
  }

  public record Disable(String password, String code) {
    @Override
    public String toString() {
      return "Disable[hidden]";
    }
  }

  /** Shown once, at activation. */
  public record RecoveryCodesIssued(List<String> recoveryCodes) {
    @Override
    public String toString() {
      return "RecoveryCodesIssued[hidden]";
    }
  }
}
