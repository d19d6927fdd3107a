package io.tradebridge.twofactor.control;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ten single-use recovery codes from java-totp ({@code abcd-efgh-ijkl-mnop}: 16 characters of a-z
 * and 0-9, about 82 bits). Typed codes are normalised (case, dashes, spaces) before they are
 * digested; codes of earlier releases ({@code abcde-fghij}, base32) stay valid.
 */
public final class RecoveryCodes {

  public static final int COUNT = 10;
  private static final Pattern NORMALISED = Pattern.compile("[a-z0-9]{16}|[a-z2-7]{10}");
  private static final RecoveryCodeGenerator GENERATOR = new RecoveryCodeGenerator();

  private RecoveryCodes() {}

  public static List<String> generate() {
    return List.of(GENERATOR.generateCodes(COUNT));
  }

  /** The canonical form that is digested, or null when the text cannot be a recovery code. */
  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String s = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    return NORMALISED.matcher(s).matches() ? s : null;
  }

  public static boolean looksLikeTotp(String code) {
    return code != null
        && code.length() == TotpAlgorithm.DIGITS
        && code.chars().allMatch(Character::isDigit);
  }
}
