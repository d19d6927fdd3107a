package io.tradebridge.e2e;

import io.tradebridge.twofactor.control.TotpAlgorithm;
import java.time.Instant;

/**
 * What a phone's authenticator app does with the secret from the QR code. Like a person, it never
 * offers the same code twice: when the current steps are used up it waits for the next one.
 */
public final class AuthenticatorApp {

  private final String secret;
  private final TotpAlgorithm algorithm = new TotpAlgorithm();
  private long lastStep = Long.MIN_VALUE;

  public AuthenticatorApp(String base32Secret) {
    this.secret = base32Secret;
  }

  public String nextCode() {
    while (true) {
      long now = TotpAlgorithm.stepOf(Instant.now());
      long step = Math.max(now, lastStep + 1);
      if (step <= now + 1) {
        lastStep = step;
        return algorithm.codeAt(secret, step);
      }
      long nextBoundaryMillis = (now + 1) * TotpAlgorithm.STEP_SECONDS * 1000L;
      RunningServer.sleep(Math.max(50, nextBoundaryMillis - System.currentTimeMillis() + 100));
    }
  }

  /** A code that the server has seen already (for replay tests). */
  public String codeAt(long step) {
    return algorithm.codeAt(secret, step);
  }

  public long lastStep() {
    return lastStep;
  }
}
