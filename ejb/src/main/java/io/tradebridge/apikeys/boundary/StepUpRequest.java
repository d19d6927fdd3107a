package io.tradebridge.apikeys.boundary;

/** {@code {password, totpCode?}}: the body of every step-up action. */
public record StepUpRequest(String password, String totpCode) {
  @Override
  public String toString() {
    return "StepUpRequest[hidden]";
  }
}
